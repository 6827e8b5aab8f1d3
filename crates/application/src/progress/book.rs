//! A record of progress as the app holds it, kept stored safely.

use quiz_domain::AttemptResult;

use crate::exam::ExamSummary;
use crate::ports::{KeyValueStore, StoreError};
use crate::progress::{ParseError, Progress, Settings, StorageNotice};
use crate::set_aside::{unreadable_copies, UnreadableCopy};
use crate::storage::{PROGRESS_KEY, UNREADABLE_SUFFIX};

/// What merging imported progress in changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeCount {
    /// Attempts added, per book id, in book id order.
    pub added: Vec<(String, usize)>,
    /// Attempts imported that were already here.
    pub already_here: usize,
    pub settings_applied: bool,
}

/// Progress as the app holds it: read at start, changed in memory, merged
/// with what other tabs saved before each write, never written over data it
/// could not read.
pub struct ProgressBook<S: KeyValueStore> {
    store: S,
    /// Where this record is stored: `PROGRESS_KEY` or `PACK_PROGRESS_KEY`.
    key: &'static str,
    progress: Progress,
    writable: bool,
    /// The unreadable value last copied aside: still under the progress key
    /// until the next save, and not to be copied (and reported) twice.
    set_aside: Option<String>,
    /// A failed save is reported once a visit, not after every quiz.
    told_not_saved: bool,
}

impl<S: KeyValueStore> ProgressBook<S> {
    pub fn open(store: S, now_ms: u64) -> (ProgressBook<S>, Option<StorageNotice>) {
        ProgressBook::open_at(store, PROGRESS_KEY, now_ms)
    }

    /// A record of progress under another key, with the same safeguards.
    pub fn open_at(
        store: S,
        key: &'static str,
        now_ms: u64,
    ) -> (ProgressBook<S>, Option<StorageNotice>) {
        let mut book = ProgressBook {
            store,
            key,
            progress: Progress::default(),
            writable: true,
            set_aside: None,
            told_not_saved: false,
        };
        let notice = book.absorb_stored(now_ms);
        (book, notice)
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Reads what is stored and merges it in. Data this app cannot read is
    /// copied aside first; data from a newer version stops all writing.
    fn absorb_stored(&mut self, now_ms: u64) -> Option<StorageNotice> {
        match self.store.read(self.key) {
            Ok(None) => None,
            Ok(Some(raw)) => match Progress::parse(&raw) {
                Ok(stored) => {
                    self.progress.merge(stored);
                    None
                }
                Err(ParseError::NewerSchema(version)) => {
                    self.writable = false;
                    Some(StorageNotice::NewerVersion(version))
                }
                Err(ParseError::Corrupt(_)) if self.set_aside.as_ref() == Some(&raw) => None,
                Err(ParseError::Corrupt(_)) => {
                    let backup_key = format!("{}{UNREADABLE_SUFFIX}.{now_ms}", self.key);
                    match self.store.write(&backup_key, &raw) {
                        Ok(()) => {
                            self.set_aside = Some(raw);
                            Some(StorageNotice::Unreadable { backup_key })
                        }
                        Err(_) => {
                            self.writable = false;
                            Some(StorageNotice::UnreadableNotBackedUp)
                        }
                    }
                }
            },
            Err(error) => {
                self.writable = false;
                Some(StorageNotice::Unavailable(error))
            }
        }
    }

    /// Whether this record, and what is saved beside it, may be written:
    /// not when storage is refused, holds a newer version's data, or holds
    /// data that could not be copied aside.
    pub fn is_writable(&self) -> bool {
        self.writable
    }

    /// What to tell of a failed save of this record or of what is saved
    /// beside it: the first one a visit, not every one.
    pub fn not_saved(&mut self, error: StoreError) -> Option<StorageNotice> {
        if std::mem::replace(&mut self.told_not_saved, true) {
            return None;
        }
        Some(StorageNotice::NotSaved(error))
    }

    /// Records a finished exam: its attempts, one per book, and its summary.
    pub fn record_exam(
        &mut self,
        attempts: Vec<AttemptResult>,
        summary: ExamSummary,
    ) -> Option<StorageNotice> {
        let now_ms = summary.finished_at_ms;
        for attempt in attempts {
            self.progress.add(attempt);
        }
        self.progress.add_exam(summary);
        self.save(now_ms)
    }

    /// Takes in a copy of this record that another part of the page held
    /// in memory (the home page's own Wasm hands its copy to the whole
    /// app): it may hold what storage no longer does, when another tab
    /// wrote over it. Kept in memory and written with the next save, as
    /// what this book read itself.
    pub fn take_in(&mut self, held: Progress) {
        self.progress.merge(held);
    }

    /// Takes in what another tab saved (on the browser's `storage` event).
    pub fn refresh(&mut self, now_ms: u64) -> Option<StorageNotice> {
        if self.writable {
            self.absorb_stored(now_ms)
        } else {
            None
        }
    }

    /// Keeps the result in memory and saves everything, merged with what
    /// other tabs saved meanwhile. Returns what the person should be told:
    /// the result stays for this visit even when it cannot be saved.
    pub fn record(&mut self, result: AttemptResult) -> Option<StorageNotice> {
        let now_ms = result.finished_at_ms;
        self.progress.add(result);
        self.save(now_ms)
    }

    /// Forgets one book's progress, or every book's with `None`.
    pub fn reset(&mut self, book: Option<&str>, now_ms: u64) -> Option<StorageNotice> {
        self.progress.reset(book, now_ms);
        self.save(now_ms)
    }

    pub fn change_settings(&mut self, settings: Settings) -> Option<StorageNotice> {
        let now_ms = settings.changed_at_ms;
        self.progress.change_settings(settings);
        self.save(now_ms)
    }

    /// Copies of stored data under this record's key that the app could
    /// not read, for the export, so that nothing is lost by moving.
    pub fn unreadable_copies(&self) -> Vec<UnreadableCopy> {
        unreadable_copies(&self.store, self.key, |value| {
            Progress::parse(value).is_ok()
        })
    }

    /// Merges imported progress in. An import only adds: attempts already
    /// here are kept once, the newer settings win, and reset markers in the
    /// file are ignored, while local ones are lifted so the file's older
    /// attempts are taken.
    pub fn import(
        &mut self,
        mut imported: Progress,
        now_ms: u64,
    ) -> (MergeCount, Option<StorageNotice>) {
        imported.forget_resets();
        // Other tabs' saves come in first, so lifting the reset markers below
        // is what gets written.
        let stored_notice = self.refresh(now_ms);
        let mut books = imported.books();
        for book in self.progress.books() {
            if !books.contains(&book) {
                books.push(book);
            }
        }
        let count = |progress: &Progress| -> Vec<usize> {
            books.iter().map(|b| progress.history(b).len()).collect()
        };
        let in_file: usize = count(&imported).iter().sum();
        let before = count(&self.progress);
        let settings_before = self.progress.settings.clone();
        self.progress.forget_resets();
        self.progress.merge(imported);
        let after = count(&self.progress);
        let added: Vec<(String, usize)> = books
            .iter()
            .zip(before.iter().zip(&after))
            .filter(|(_, (b, a))| a > b)
            .map(|(book, (b, a))| (book.clone(), a - b))
            .collect();
        let added_total: usize = added.iter().map(|(_, n)| n).sum();
        let count = MergeCount {
            added,
            already_here: in_file.saturating_sub(added_total),
            settings_applied: self.progress.settings != settings_before,
        };
        let write_notice = self.write();
        (count, stored_notice.or(write_notice))
    }

    /// Writes what memory holds, merged first with what other tabs saved.
    fn save(&mut self, now_ms: u64) -> Option<StorageNotice> {
        if !self.writable {
            return None;
        }
        let stored_notice = self.absorb_stored(now_ms);
        let write_notice = self.write();
        stored_notice.or(write_notice)
    }

    fn write(&mut self) -> Option<StorageNotice> {
        if !self.writable {
            return None;
        }
        let error = self
            .store
            .write(self.key, &self.progress.to_stored_json())
            .err()?;
        self.not_saved(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{PACK_PROGRESS_KEY, PROGRESS_BACKUP_KEY};
    use crate::testing::{sample_result, MemoryStore};

    #[test]
    fn results_are_saved_and_read_back() {
        let (mut book, notice) = ProgressBook::open(MemoryStore::default(), 5);
        assert_eq!(notice, None);
        assert_eq!(book.record(sample_result("a")), None);
        let saved = book.store.value(PROGRESS_KEY).unwrap();
        let (reopened, notice) = ProgressBook::open(MemoryStore::with(PROGRESS_KEY, &saved), 6);
        assert_eq!(notice, None);
        assert_eq!(reopened.progress().attempts, vec![sample_result("a")]);
    }

    #[test]
    fn a_copy_handed_over_from_memory_is_kept_when_storage_lost_it() {
        // The home page read one attempt; another tab then wrote garbage.
        let (mut home, _) = ProgressBook::open(MemoryStore::default(), 1);
        home.record(sample_result("a"));
        let held = Progress::parse(&home.progress().to_json()).unwrap();
        let store = MemoryStore::with(PROGRESS_KEY, "garbage");
        let (mut app, notice) = ProgressBook::open(store, 2);
        assert!(matches!(notice, Some(StorageNotice::Unreadable { .. })));
        app.take_in(held);
        app.record(sample_result("b"));
        let saved = Progress::parse(&app.store.value(PROGRESS_KEY).unwrap()).unwrap();
        assert_eq!(saved.attempts, vec![sample_result("a"), sample_result("b")]);
    }

    #[test]
    fn unreadable_progress_is_backed_up_before_anything_is_written() {
        let store = MemoryStore::with(PROGRESS_KEY, "{\"schema\":1,\"attem");
        let (mut book, notice) = ProgressBook::open(store, 77);
        let backup_key = format!("{PROGRESS_BACKUP_KEY}.77");
        assert_eq!(
            notice,
            Some(StorageNotice::Unreadable {
                backup_key: backup_key.clone()
            })
        );
        assert_eq!(
            book.store.value(&backup_key).unwrap(),
            "{\"schema\":1,\"attem"
        );
        assert_eq!(
            book.record(sample_result("a")),
            None,
            "copied aside once, told once"
        );
        assert_eq!(book.store.keys().unwrap().len(), 2);
        assert!(Progress::parse(&book.store.value(PROGRESS_KEY).unwrap()).is_ok());
    }

    #[test]
    fn unreadable_progress_that_cannot_be_backed_up_is_never_overwritten() {
        let store = MemoryStore::with(PROGRESS_KEY, "not json");
        store.fail_writes_with(StoreError::Full);
        let (mut book, notice) = ProgressBook::open(store, 1);
        assert_eq!(notice, Some(StorageNotice::UnreadableNotBackedUp));
        assert_eq!(book.record(sample_result("a")), None);
        assert_eq!(book.store.value(PROGRESS_KEY).unwrap(), "not json");
        assert_eq!(book.progress().attempts.len(), 1);
    }

    #[test]
    fn two_tabs_saving_in_turn_keep_both_attempts() {
        let store = MemoryStore::default();
        let (mut first_tab, _) = ProgressBook::open(&store, 1);
        let (mut second_tab, _) = ProgressBook::open(&store, 1);
        assert_eq!(first_tab.record(sample_result("a")), None);
        let later = AttemptResult {
            finished_at_ms: 2,
            ..sample_result("b")
        };
        assert_eq!(second_tab.record(later), None);
        let (reopened, _) = ProgressBook::open(&store, 2);
        let ids: Vec<&str> = reopened
            .progress()
            .attempts
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(first_tab.refresh(3), None);
        assert_eq!(
            first_tab.progress().attempts.len(),
            2,
            "a refresh takes in the other tab's save"
        );
    }

    #[test]
    fn data_damaged_by_another_writer_is_backed_up_before_the_next_save() {
        let store = MemoryStore::default();
        let (mut tab, _) = ProgressBook::open(&store, 1);
        store.write(PROGRESS_KEY, "garbage").unwrap();
        let notice = tab.record(sample_result("a"));
        let backup_key = format!("{PROGRESS_BACKUP_KEY}.1");
        assert_eq!(
            notice,
            Some(StorageNotice::Unreadable {
                backup_key: backup_key.clone()
            })
        );
        assert_eq!(store.value(&backup_key).as_deref(), Some("garbage"));
        assert!(Progress::parse(&store.value(PROGRESS_KEY).unwrap()).is_ok());
    }

    #[test]
    fn progress_from_a_newer_version_is_left_alone() {
        let newer = "{\"schema\":3,\"attempts\":[]}";
        let (mut book, notice) = ProgressBook::open(MemoryStore::with(PROGRESS_KEY, newer), 1);
        assert_eq!(notice, Some(StorageNotice::NewerVersion(3)));
        assert_eq!(book.record(sample_result("a")), None);
        assert_eq!(book.store.value(PROGRESS_KEY).unwrap(), newer);
    }

    #[test]
    fn a_full_store_keeps_the_result_in_memory_and_says_so() {
        let (mut book, _) = ProgressBook::open(MemoryStore::default(), 1);
        book.store.fail_writes_with(StoreError::Full);
        assert_eq!(
            book.record(sample_result("a")),
            Some(StorageNotice::NotSaved(StoreError::Full))
        );
        assert_eq!(book.progress().attempts.len(), 1);
        assert_eq!(book.record(sample_result("b")), None, "said once a visit");
        assert_eq!(book.progress().attempts.len(), 2);
        assert!(StorageNotice::NotSaved(StoreError::Full)
            .message()
            .contains("storage is full"));
    }

    #[test]
    fn pack_progress_is_kept_apart_with_the_same_safeguards() {
        let store = MemoryStore::with(PACK_PROGRESS_KEY, "garbage");
        let (mut packs, notice) = ProgressBook::open_at(&store, PACK_PROGRESS_KEY, 7);
        let backup_key = format!("{PACK_PROGRESS_KEY}.unreadable.7");
        assert_eq!(
            notice,
            Some(StorageNotice::Unreadable {
                backup_key: backup_key.clone()
            })
        );
        assert_eq!(store.value(&backup_key).as_deref(), Some("garbage"));
        packs.record(sample_result("a"));
        assert_eq!(
            store.value(PROGRESS_KEY),
            None,
            "the books' record is untouched"
        );
        let (books, _) = ProgressBook::open(&store, 8);
        assert!(books.progress().attempts.is_empty());
        let (reopened, _) = ProgressBook::open_at(&store, PACK_PROGRESS_KEY, 9);
        assert_eq!(reopened.progress().attempts, vec![sample_result("a")]);
    }
}
