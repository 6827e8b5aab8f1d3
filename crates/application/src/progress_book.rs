use quiz_domain::AttemptResult;

use crate::exam::{ExamSummary, SavedExam};
use crate::export::{ImportReport, UnreadableCopy};
use crate::ports::{KeyValueStore, StoreError};
use crate::progress::{ParseError, Progress};
use crate::settings::Settings;
use crate::unfinished::UnfinishedQuiz;

use crate::storage::{EXAM_KEY, PROGRESS_KEY, UNFINISHED_KEY, UNREADABLE_SUFFIX};

/// What the person should be told about their stored progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Nothing can be saved in this browser; the quiz still works.
    Unavailable(StoreError),
    /// The stored progress could not be read; it was kept under `backup_key`.
    Unreadable { backup_key: String },
    /// The stored progress could not be read nor copied aside, so nothing is
    /// written over it.
    UnreadableNotBackedUp,
    /// Written by a newer version of the app; left untouched.
    NewerVersion(u64),
    /// A save failed; the result is kept until the page is closed.
    NotSaved(StoreError),
}

impl StorageNotice {
    pub fn message(&self) -> String {
        match self {
            StorageNotice::Unavailable(error) => format!(
                "Your progress cannot be saved in this browser: {error}. You can still take quizzes; scores last until you close the page."
            ),
            StorageNotice::Unreadable { backup_key } => format!(
                "Your saved progress could not be read, so it was copied aside under the key \"{backup_key}\" and a fresh record was started. Nothing was deleted."
            ),
            StorageNotice::UnreadableNotBackedUp => "Your saved progress could not be read and could not be copied aside, so it is left untouched and new scores will not be saved.".into(),
            StorageNotice::NewerVersion(version) => format!(
                "Your progress was saved by a newer version of this app (format {version}). It is left untouched; reload to get the newer version. New scores will not be saved."
            ),
            StorageNotice::NotSaved(error) => format!(
                "Your last result could not be saved: {error}. It stays available until you close the page."
            ),
        }
    }
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

    /// The quiz left unfinished, if one was saved and can still be read.
    pub fn unfinished(&self) -> Option<UnfinishedQuiz> {
        let raw = self.store.read(UNFINISHED_KEY).ok()??;
        serde_json::from_str::<UnfinishedQuiz>(&raw)
            .ok()
            .filter(|quiz| quiz.attempt.is_consistent() && quiz.attempt.book() == quiz.request.book)
    }

    /// Saves the quiz in progress after each answer, with the home page's
    /// offer of it under its book's `title`.
    pub fn keep_unfinished(&mut self, quiz: &UnfinishedQuiz, title: &str) -> Option<StorageNotice> {
        self.keep(UNFINISHED_KEY, &quiz.to_stored_json(title))
    }

    /// Writes what is in progress under `key`, unless writing is stopped.
    fn keep(&mut self, key: &str, json: &str) -> Option<StorageNotice> {
        if !self.writable {
            return None;
        }
        let error = self.store.write(key, json).err()?;
        self.not_saved(error)
    }

    fn not_saved(&mut self, error: StoreError) -> Option<StorageNotice> {
        if std::mem::replace(&mut self.told_not_saved, true) {
            return None;
        }
        Some(StorageNotice::NotSaved(error))
    }

    /// The exam in progress, if one was saved and can still be read.
    pub fn saved_exam(&self) -> Option<SavedExam> {
        let raw = self.store.read(EXAM_KEY).ok()??;
        serde_json::from_str(&raw).ok()
    }

    /// Saves the exam after each answer, so a reload keeps it and its clock.
    pub fn keep_exam(&mut self, exam: &SavedExam) -> Option<StorageNotice> {
        let json = serde_json::to_string(exam).expect("an exam always serialises");
        self.keep(EXAM_KEY, &json)
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
        if self.writable {
            let _ = self.store.remove(EXAM_KEY);
        }
        self.save(now_ms)
    }

    /// Forgets the saved quiz once it is finished or given up.
    pub fn drop_unfinished(&mut self) {
        if self.writable {
            let _ = self.store.remove(UNFINISHED_KEY);
        }
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
    ) -> (ImportReport, Option<StorageNotice>) {
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
        let report = ImportReport {
            added,
            already_here: in_file.saturating_sub(added_total),
            settings_applied: self.progress.settings != settings_before,
            ..ImportReport::default()
        };
        let write_notice = self.write();
        (report, stored_notice.or(write_notice))
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

/// The values under `key` and the keys that extend it (its copies set
/// aside) that `readable` refuses.
pub fn unreadable_copies(
    store: &impl KeyValueStore,
    key: &str,
    readable: impl Fn(&str) -> bool,
) -> Vec<UnreadableCopy> {
    store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|stored| stored.starts_with(key))
        .filter_map(|stored| {
            let value = store.read(&stored).ok()??;
            (!readable(&value)).then_some(UnreadableCopy { key: stored, value })
        })
        .collect()
}

/// A finished two-question attempt at "fp", one answer right, for tests.
#[cfg(test)]
pub(crate) fn sample_result(id: &str) -> AttemptResult {
    use quiz_domain::{Answer, Mode, Response, Score};
    let response = |correct| Response {
        question: format!("{id}-question"),
        answer: Answer::new([0]),
        correct,
        time_ms: None,
    };
    AttemptResult {
        id: id.into(),
        book: "fp".into(),
        mode: Mode::Practice,
        responses: vec![response(true), response(false)],
        score: Score {
            correct: 1,
            total: 2,
        },
        started_at_ms: 0,
        finished_at_ms: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::MemoryStore;
    use crate::storage::{PACK_PROGRESS_KEY, PROGRESS_BACKUP_KEY};

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
    fn an_unfinished_quiz_is_kept_until_dropped() {
        let store = MemoryStore::default();
        let (mut book, _) = ProgressBook::open(&store, 1);
        assert_eq!(book.unfinished(), None);
        let quiz = UnfinishedQuiz {
            request: crate::QuizRequest::new("fp", 3, 9),
            attempt: quiz_domain::Attempt::start("fp", vec!["q".into()], 5).unwrap(),
        };
        assert_eq!(book.keep_unfinished(&quiz, "A book"), None);
        let (reopened, _) = ProgressBook::open(&store, 2);
        assert_eq!(reopened.unfinished(), Some(quiz));
        book.drop_unfinished();
        assert_eq!(book.unfinished(), None);
        store.write(UNFINISHED_KEY, "{broken").unwrap();
        assert_eq!(
            book.unfinished(),
            None,
            "an unreadable saved quiz is not offered"
        );
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
