//! Interview mode: a timed exam across the books a person picks, with no
//! feedback until the end, saved after every answer so a reload keeps the
//! answers and the clock; then its readiness report.

mod report;
mod request;
mod running_store;
mod session;
mod summary;

pub use report::{ChapterScore, ExamReport, ReadingGroup};
pub use request::{ExamRequest, DEFAULT_EXAM_MINUTES, DEFAULT_EXAM_QUESTIONS, MAX_EXAM_MINUTES};
pub use running_store::RunningExamStore;
pub use session::{ExamSession, SavedExam};
pub use summary::ExamSummary;
