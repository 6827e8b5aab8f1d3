//! The stored records as the home page's own Wasm sees them: it draws the
//! home page from the summaries saved with them (`HomeSummary`,
//! `ResumeOffer`) and never writes a record, so it needs none of their
//! readers. What it cannot vouch for is left to the whole app.

use crate::home::HomeSummary;
use crate::ports::KeyValueStore;
use crate::quiz::ResumeOffer;
use crate::storage::{PACK_PROGRESS_KEY, PROGRESS_KEY, UNFINISHED_KEY};

/// How many of each record's latest stored values the home page keeps for
/// the whole app, besides the one it started with.
const LATEST_HELD: usize = 2;

/// What the home page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HomeView {
    pub summary: HomeSummary,
    pub resume: Option<ResumeOffer>,
}

pub struct HomeRecords<S: KeyValueStore> {
    store: S,
    /// The values of the progress records seen here, newest last: another
    /// tab may write over a record while home is open, and the whole app
    /// merges these in as a page that had read them would hold them.
    held: Vec<(&'static str, String)>,
}

impl<S: KeyValueStore> HomeRecords<S> {
    pub fn open(store: S) -> HomeRecords<S> {
        HomeRecords {
            store,
            held: Vec::new(),
        }
    }

    /// What the home page shows, read at start and again when another tab
    /// saved; `None` when only the whole app can tell: storage refused, or
    /// a record saved without its summary (by an earlier release), from
    /// another version, or damaged.
    pub fn read(&mut self) -> Option<HomeView> {
        let progress = self.store.read(PROGRESS_KEY);
        let summary = progress
            .as_ref()
            .ok()
            .and_then(|value| HomeSummary::read(value.as_deref()));
        if let Ok(Some(value)) = progress {
            self.hold(PROGRESS_KEY, value);
        }
        if let Ok(Some(value)) = self.store.read(PACK_PROGRESS_KEY) {
            self.hold(PACK_PROGRESS_KEY, value);
        }
        let summary = summary?;
        let resume = match self.store.read(UNFINISHED_KEY).ok()? {
            None => None,
            Some(saved) => Some(ResumeOffer::read(&saved)?),
        };
        Some(HomeView { summary, resume })
    }

    /// Keeps the value the page started with, which later values written
    /// over damaged data may lack, and the latest ones.
    fn hold(&mut self, key: &'static str, value: String) {
        if self.held.iter().any(|(k, v)| *k == key && *v == value) {
            return;
        }
        self.held.push((key, value));
        let of_key: Vec<usize> = (0..self.held.len())
            .filter(|&index| self.held[index].0 == key)
            .collect();
        if of_key.len() > 1 + LATEST_HELD {
            self.held.remove(of_key[1]);
        }
    }

    /// The values of the progress records seen here, by key, for the
    /// whole app to take in (`ProgressBook::take_in`).
    pub fn held(&self) -> &[(&'static str, String)] {
        &self.held
    }

    /// Forgets the unfinished quiz, as the whole app's
    /// `ProgressBook::drop_unfinished` does.
    pub fn discard_unfinished(&self) {
        let _ = self.store.remove(UNFINISHED_KEY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::ProgressBook;
    use crate::quiz::{QuizRequest, UnfinishedQuiz, UnfinishedStore};
    use crate::testing::{sample_result, MemoryStore};

    fn unfinished() -> UnfinishedQuiz {
        UnfinishedQuiz {
            request: QuizRequest::new("fp", 3, 9),
            attempt: quiz_domain::Attempt::start("fp", vec!["q".into()], 5).unwrap(),
        }
    }

    #[test]
    fn an_empty_store_is_an_empty_home() {
        let mut home = HomeRecords::open(MemoryStore::default());
        assert_eq!(
            home.read(),
            Some(HomeView {
                summary: HomeSummary::default(),
                resume: None
            })
        );
        assert!(home.held().is_empty());
    }

    #[test]
    fn the_home_page_shows_what_the_whole_app_saved() {
        let store = MemoryStore::default();
        let (mut book, _) = ProgressBook::open(&store, 1);
        book.record(sample_result("a"));
        let kept = UnfinishedStore::new(&store);
        kept.keep(&unfinished(), "Fluent Python").unwrap();
        let mut home = HomeRecords::open(&store);
        let view = home.read().unwrap();
        assert_eq!(view.summary, HomeSummary::of(book.progress()));
        assert_eq!(view.resume, Some(unfinished().offer("Fluent Python")));
        home.discard_unfinished();
        assert_eq!(home.read().unwrap().resume, None);
        assert_eq!(kept.read(), None);
    }

    #[test]
    fn what_the_home_page_cannot_vouch_for_goes_to_the_whole_app() {
        let saved_by_an_earlier_release = serde_json::to_string(&unfinished()).unwrap();
        for (key, value) in [
            (PROGRESS_KEY, "garbage"),
            (PROGRESS_KEY, r#"{"schema":2,"attempts":[]}"#),
            (PROGRESS_KEY, r#"{"schema":3,"attempts":[]}"#),
            (UNFINISHED_KEY, saved_by_an_earlier_release.as_str()),
        ] {
            let mut home = HomeRecords::open(MemoryStore::with(key, value));
            assert_eq!(home.read(), None, "{key}: {value}");
        }
    }

    #[test]
    fn records_seen_are_held_for_the_whole_app_even_once_written_over() {
        let store = MemoryStore::default();
        let (mut book, _) = ProgressBook::open(&store, 1);
        book.record(sample_result("a"));
        let first = store.value(PROGRESS_KEY).unwrap();
        store.write(PACK_PROGRESS_KEY, "packs' record").unwrap();
        let mut home = HomeRecords::open(&store);
        assert!(home.read().is_some());
        store.write(PROGRESS_KEY, "garbage").unwrap();
        assert_eq!(home.read(), None);
        for written in ["one", "two", "three"] {
            store.write(PROGRESS_KEY, written).unwrap();
            home.read();
        }
        let held: Vec<(&str, &str)> = home.held().iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            held,
            [
                (PROGRESS_KEY, first.as_str()),
                (PACK_PROGRESS_KEY, "packs' record"),
                (PROGRESS_KEY, "two"),
                (PROGRESS_KEY, "three"),
            ]
        );
    }
}
