use serde::{Deserialize, Serialize};

use quiz_domain::{AttemptResult, Mode, Score};

/// A compacted attempt: `[finished_at_ms, duration_ms, correct, total]`,
/// about 30 bytes of JSON.
pub type Run = (u64, u64, u32, u32);

/// Compacted attempts of one book and mode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedRuns {
    pub book: String,
    pub mode: Mode,
    pub runs: Vec<Run>,
}

/// One finished attempt as history shows it, compacted or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttemptSummary {
    /// Only attempts still kept whole have an id (and a results page).
    pub id: Option<String>,
    pub mode: Mode,
    pub score: Score,
    pub finished_at_ms: u64,
    pub duration_ms: u64,
}

impl AttemptSummary {
    pub fn of(attempt: &AttemptResult) -> AttemptSummary {
        AttemptSummary {
            id: Some(attempt.id.clone()),
            mode: attempt.mode,
            score: attempt.score,
            finished_at_ms: attempt.finished_at_ms,
            duration_ms: attempt.finished_at_ms - attempt.started_at_ms,
        }
    }

    pub fn archived(
        mode: Mode,
        (finished_at_ms, duration_ms, correct, total): Run,
    ) -> AttemptSummary {
        AttemptSummary {
            id: None,
            mode,
            score: Score { correct, total },
            finished_at_ms,
            duration_ms,
        }
    }

    pub fn run(&self) -> Run {
        (
            self.finished_at_ms,
            self.duration_ms,
            self.score.correct,
            self.score.total,
        )
    }
}
