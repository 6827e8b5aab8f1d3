//! What the home page shows of the progress: each book's best score and
//! its review schedule. The whole app computes it from the progress it
//! holds; the home page's own Wasm reads it from the stored record without
//! the attempts, whose readers are most of the Wasm's size: the best
//! scores are written into the record (its `home` field) with every save,
//! and the schedule is the record's own `reviews`.

use serde::Deserialize;

use quiz_domain::{ReviewCard, Score};

use crate::keyed_list::{self, KeyedList};
use crate::progress::{due_in, Progress, StoredHome, PROGRESS_SCHEMA};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HomeSummary {
    best: KeyedList<Score>,
    reviews: KeyedList<KeyedList<ReviewCard>>,
}

impl HomeSummary {
    pub fn of(progress: &Progress) -> HomeSummary {
        HomeSummary {
            best: progress.best_scores(),
            reviews: progress.reviews.clone(),
        }
    }

    /// Reads the summary from stored progress; `None` when the record is
    /// not one this release wrote whole (no summary yet, another schema,
    /// damaged): only the whole app can tell what such a record holds.
    /// No record at all is a summary with nothing in it.
    pub fn read(stored: Option<&str>) -> Option<HomeSummary> {
        #[derive(Deserialize)]
        struct Record {
            schema: u64,
            home: Option<StoredHome>,
            #[serde(default)]
            reviews: KeyedList<KeyedList<ReviewCard>>,
        }
        let Some(raw) = stored else {
            return Some(HomeSummary::default());
        };
        let record: Record = serde_json::from_str(raw).ok()?;
        if record.schema != u64::from(PROGRESS_SCHEMA) {
            return None;
        }
        Some(HomeSummary {
            best: record.home?.best,
            reviews: record.reviews,
        })
    }

    pub fn best(&self, book: &str) -> Option<Score> {
        keyed_list::get(&self.best, book).copied()
    }

    /// The questions of `book` due for review by `by_ms`, earliest first.
    pub fn due(&self, book: &str, by_ms: u64) -> Vec<String> {
        due_in(&self.reviews, book, by_ms)
    }

    /// How many questions of every book are due by `by_ms`.
    pub fn due_count(&self, by_ms: u64) -> usize {
        self.reviews
            .iter()
            .map(|(book, _)| self.due(book, by_ms).len())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::sample_result;

    fn progress_with_two_books() -> Progress {
        let mut progress = Progress::default();
        let mut first = sample_result("a");
        first.book = "fluent-python".into();
        let mut second = sample_result("b");
        second.book = "clean-architecture".into();
        progress.add(first);
        progress.add(second);
        progress
    }

    #[test]
    fn the_summary_read_from_a_saved_record_is_the_one_computed_from_it() {
        let progress = progress_with_two_books();
        let read = HomeSummary::read(Some(&progress.to_stored_json()));
        assert_eq!(read, Some(HomeSummary::of(&progress)));
        let summary = read.unwrap();
        for book in ["fluent-python", "clean-architecture", "stdlib-by-example"] {
            assert_eq!(summary.best(book), progress.stats(book).best, "{book}");
            for by in [0, u64::MAX] {
                assert_eq!(summary.due(book, by), progress.due(book, by), "{book}");
            }
        }
        assert!(summary.best("fluent-python").is_some());
        assert!(!summary.due("fluent-python", u64::MAX).is_empty());
        assert_eq!(
            summary.due_count(u64::MAX),
            progress.due("fluent-python", u64::MAX).len()
                + progress.due("clean-architecture", u64::MAX).len()
        );
    }

    #[test]
    fn no_record_is_an_empty_summary() {
        assert_eq!(HomeSummary::read(None), Some(HomeSummary::default()));
    }

    #[test]
    fn a_record_the_home_page_cannot_vouch_for_is_left_to_the_whole_app() {
        let progress = progress_with_two_books();
        let newer = progress
            .to_stored_json()
            .replace("\"schema\":2", "\"schema\":3");
        for stored in [
            "garbage".to_owned(),
            progress.to_json(),
            newer,
            r#"{"schema":1,"attempts":[]}"#.to_owned(),
        ] {
            assert_eq!(HomeSummary::read(Some(&stored)), None, "{stored:.60}");
        }
    }

    #[test]
    fn the_summary_is_saved_but_not_exported_nor_read_back_as_progress() {
        let progress = progress_with_two_books();
        assert!(progress.to_stored_json().contains("\"home\":{\"best\":"));
        assert!(!progress.to_json().contains("\"home\""));
        assert_eq!(Progress::parse(&progress.to_stored_json()), Ok(progress));
    }
}
