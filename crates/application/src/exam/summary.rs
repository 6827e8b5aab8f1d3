//! A finished exam as history keeps it.

use serde::{Deserialize, Serialize};

use quiz_domain::Score;

/// A finished exam as history keeps it; its answers are in one attempt per
/// book, with ids `{id}-{book}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamSummary {
    pub id: String,
    pub started_at_ms: u64,
    pub finished_at_ms: u64,
    pub minutes: u32,
    pub score: Score,
    pub books: Vec<(String, Score)>,
    /// Time ran out before every question was answered.
    pub timed_out: bool,
}

impl ExamSummary {
    pub fn attempt_id(&self, book: &str) -> String {
        format!("{}-{book}", self.id)
    }
}
