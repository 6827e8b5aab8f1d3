use serde::{Deserialize, Serialize};

use quiz_domain::{AttemptResult, Score};

/// The version of the stored progress format. Every change of shape bumps it
/// and adds a migration from the version before, tested with stored samples.
pub const PROGRESS_SCHEMA: u32 = 1;

/// Everything the app remembers: the finished attempts, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub schema: u32,
    pub attempts: Vec<AttemptResult>,
}

impl Default for Progress {
    fn default() -> Progress {
        Progress {
            schema: PROGRESS_SCHEMA,
            attempts: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BookStats {
    pub best: Option<Score>,
    pub last: Option<Score>,
    pub attempts: usize,
}

/// Why stored progress could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Written by a newer release of the app: kept as it is, never rewritten.
    NewerSchema(u64),
    /// Not something this app wrote, or damaged.
    Corrupt(String),
}

impl Progress {
    pub fn parse(raw: &str) -> Result<Progress, ParseError> {
        /// The version alone, read first so that data from a newer release
        /// is recognised even when its shape is unknown here.
        #[derive(Deserialize)]
        struct SchemaHeader {
            schema: u64,
        }
        let header: SchemaHeader =
            serde_json::from_str(raw).map_err(|e| ParseError::Corrupt(e.to_string()))?;
        if header.schema > u64::from(PROGRESS_SCHEMA) {
            return Err(ParseError::NewerSchema(header.schema));
        }
        serde_json::from_str(raw).map_err(|e| ParseError::Corrupt(e.to_string()))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("progress always serialises")
    }

    pub fn attempt(&self, id: &str) -> Option<&AttemptResult> {
        self.attempts.iter().find(|attempt| attempt.id == id)
    }

    pub fn stats(&self, book: &str) -> BookStats {
        self.attempts
            .iter()
            .filter(|attempt| attempt.book == book)
            .fold(BookStats::default(), |stats, attempt| BookStats {
                best: Some(
                    stats
                        .best
                        .map_or(attempt.score, |best| best.better(attempt.score)),
                ),
                last: Some(attempt.score),
                attempts: stats.attempts + 1,
            })
    }

    /// An id that names the attempt in URLs: its book and finishing time,
    /// with a counter when two finish in the same millisecond.
    pub fn new_attempt_id(&self, book: &str, finished_at_ms: u64) -> String {
        let base = format!("{book}-{finished_at_ms}");
        let mut id = base.clone();
        let mut n = 1;
        while self.attempt(&id).is_some() {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }

    /// Adds a finished attempt; the same attempt twice is kept once.
    pub fn add(&mut self, attempt: AttemptResult) {
        if self.attempt(&attempt.id).is_none() {
            self.attempts.push(attempt);
        }
    }

    /// Takes in every attempt of `other` this one lacks (another tab's
    /// saves), keeping history in the order the attempts finished.
    pub fn merge(&mut self, other: Progress) {
        for attempt in other.attempts {
            self.add(attempt);
        }
        self.attempts.sort_by_key(|attempt| attempt.finished_at_ms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quiz_domain::Response;

    pub fn attempt(id: &str, book: &str, correct: u32, total: u32) -> AttemptResult {
        AttemptResult {
            id: id.into(),
            book: book.into(),
            responses: vec![Response {
                question: "q".into(),
                answer: quiz_domain::Answer::new([0]),
                correct: correct > 0,
            }],
            score: Score { correct, total },
            started_at_ms: 1,
            finished_at_ms: 2,
        }
    }

    #[test]
    fn stats_give_best_last_and_count_per_book() {
        let mut progress = Progress::default();
        progress.add(attempt("a", "fp", 3, 5));
        progress.add(attempt("b", "fp", 5, 5));
        progress.add(attempt("c", "fp", 1, 5));
        progress.add(attempt("d", "other", 0, 5));
        let stats = progress.stats("fp");
        assert_eq!(
            stats.best,
            Some(Score {
                correct: 5,
                total: 5
            })
        );
        assert_eq!(
            stats.last,
            Some(Score {
                correct: 1,
                total: 5
            })
        );
        assert_eq!(stats.attempts, 3);
        assert_eq!(progress.stats("none"), BookStats::default());
    }

    #[test]
    fn progress_round_trips_and_keeps_its_schema() {
        let mut progress = Progress::default();
        progress.add(attempt("a", "fp", 3, 5));
        let json = progress.to_json();
        assert!(json.starts_with(r#"{"schema":1,"#), "{json}");
        assert_eq!(Progress::parse(&json), Ok(progress));
    }

    #[test]
    fn foreign_damaged_and_future_data_are_told_apart() {
        assert!(matches!(
            Progress::parse("{\"schema\":1,\"attempts\":[{"),
            Err(ParseError::Corrupt(_))
        ));
        assert!(matches!(
            Progress::parse("[1,2,3]"),
            Err(ParseError::Corrupt(_))
        ));
        assert!(matches!(
            Progress::parse("{\"schema\":1,\"attempts\":7}"),
            Err(ParseError::Corrupt(_))
        ));
        assert_eq!(
            Progress::parse("{\"schema\":9,\"anything\":true}"),
            Err(ParseError::NewerSchema(9))
        );
    }

    #[test]
    fn merging_keeps_every_attempt_once_in_finishing_order() {
        let mut ours = Progress::default();
        ours.add(AttemptResult {
            finished_at_ms: 30,
            ..attempt("c", "fp", 1, 1)
        });
        ours.add(AttemptResult {
            finished_at_ms: 10,
            ..attempt("a", "fp", 1, 1)
        });
        let mut theirs = Progress::default();
        theirs.add(AttemptResult {
            finished_at_ms: 10,
            ..attempt("a", "fp", 1, 1)
        });
        theirs.add(AttemptResult {
            finished_at_ms: 20,
            ..attempt("b", "fp", 0, 1)
        });
        ours.merge(theirs);
        let ids: Vec<&str> = ours.attempts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn attempt_ids_are_unique_and_repeats_are_ignored() {
        let mut progress = Progress::default();
        let first = progress.new_attempt_id("fp", 10);
        progress.add(attempt(&first, "fp", 1, 1));
        progress.add(attempt(&first, "fp", 0, 1));
        assert_eq!(progress.attempts.len(), 1);
        assert_eq!(progress.new_attempt_id("fp", 10), "fp-10-2");
    }
}
