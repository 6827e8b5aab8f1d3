//! The application layer: what a person can do with the quiz (take a quiz,
//! keep progress, move between pages), written against ports so that the
//! browser is only one of the places it can run.
//!
//! Depends on the domain only; the browser adapters and the Leptos UI depend
//! on this crate, never the other way round.

mod attempt_history;
mod content;
mod exam;
mod exam_report;
mod export;
mod keyed_list;
mod mastery;
mod memory;
mod ports;
mod progress;
mod progress_book;
mod quiz_request;
mod route;
mod session;
mod settings;
mod unfinished;

pub use attempt_history::{ArchivedRuns, AttemptSummary, Run};
pub use content::{read_bank, read_catalog};
pub use exam::{
    ExamRequest, ExamSession, ExamSummary, SavedExam, DEFAULT_EXAM_MINUTES, DEFAULT_EXAM_QUESTIONS,
    MAX_EXAM_MINUTES,
};
pub use exam_report::{ChapterScore, ExamReport, REREAD_BELOW_PERCENT};
pub use export::{
    ImportError, ImportReport, UnreadableCopy, EXPORT_APP, EXPORT_FORMAT, MAX_IMPORT_BYTES,
};
pub use mastery::{BookMastery, Mastery, HALF_LIFE_DAYS};
pub use memory::MemoryStore;
pub use ports::{Clock, KeyValueStore, StoreError};
pub use progress::{BookStats, LatestAnswer, Progress, ALL_BOOKS, DETAIL_BUDGET, PROGRESS_SCHEMA};
pub use progress_book::{
    ProgressBook, StorageNotice, EXAM_KEY, PROGRESS_BACKUP_KEY, PROGRESS_KEY, UNFINISHED_KEY,
};
pub use quiz_request::{QuizRequest, DEFAULT_QUIZ_LENGTH, MAX_QUIZ_LENGTH, REVIEW_SESSION_LENGTH};
pub use route::Route;
pub use session::{OptionMark, Phase, QuizSession};
pub use settings::Settings;
pub use unfinished::UnfinishedQuiz;
