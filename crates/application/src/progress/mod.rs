//! What a person has done: the record of attempts and exams, the review
//! schedule, mastery, settings, and the book that keeps a record stored
//! safely (merged across tabs, never written over what it cannot read).

mod book;
mod history;
mod home_part;
mod mastery;
mod record;
mod settings;

pub use crate::storage_notice::StorageNotice;
pub use book::{MergeCount, ProgressBook};
pub use history::{ArchivedRuns, AttemptSummary, Run};
pub(crate) use home_part::{due_in, StoredHome};
pub use mastery::{BookMastery, Mastery, HALF_LIFE_DAYS};
pub(crate) use record::ParseError;
pub use record::{BookStats, LatestAnswer, Progress, ALL_BOOKS, DETAIL_BUDGET, PROGRESS_SCHEMA};
pub use settings::Settings;
