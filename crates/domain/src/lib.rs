//! The quiz domain: what a question bank holds, how an answer is graded,
//! how an attempt moves from question to question and what it scores.
//!
//! Plain Rust on purpose: no UI, browser or storage crate may be added here,
//! so the rules can be tested natively and reused by every delivery layer.

mod answer;
mod attempt;
mod bank;
mod catalog;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
mod mode;
mod question;
mod reading;
mod review;
mod score;
mod selection;
mod similarity;
mod typed_output;
mod validation;
mod where_to_read;

pub use answer::{Answer, AnswerError};
pub use attempt::{Attempt, AttemptError, AttemptResult, Response};
pub use bank::{Bank, Book, Chapter, BANK_FORMAT};
pub use catalog::{Catalog, CatalogEntry};
pub use mode::Mode;
pub use question::{AnswerOption, Question, QuestionKind};
pub use reading::{ReadingLink, MAX_READING_LINKS};
pub use review::{Grade, ReviewCard, DESIRED_RETENTION, RELEARN_AFTER_MS, SLOW_AFTER_MS};
pub use score::Score;
pub use selection::{option_order, select_exam, select_questions};
pub use similarity::{near_duplicate, normalized_words};
pub use typed_output::{normalize_output, output_matches};
pub use validation::{is_slug, validate_bank, validate_banks, Problem};
pub use where_to_read::{FreeEdition, WhereToRead};
