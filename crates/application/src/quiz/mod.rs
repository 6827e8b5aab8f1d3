//! Taking a quiz: the request its link makes, the session that asks and
//! grades it, the order its options are shown in, and the quiz left
//! unfinished, kept to be resumed; the quiz a link opens in the quiz's own
//! Wasm, until the whole app takes over.

mod first_quiz;
mod request;
mod session;
mod shown_options;
mod unfinished;
mod unfinished_store;

pub use first_quiz::{FirstQuiz, QUIZ_AT_ITS_END};
pub(crate) use request::{chapter_list, question_count, seed};
pub use request::{QuizRequest, DEFAULT_QUIZ_LENGTH, MAX_QUIZ_LENGTH, REVIEW_SESSION_LENGTH};
pub use session::{Phase, QuizSession};
pub(crate) use shown_options::shown_options;
pub use shown_options::OptionMark;
pub use unfinished::{ResumeOffer, UnfinishedQuiz};
pub use unfinished_store::UnfinishedStore;
