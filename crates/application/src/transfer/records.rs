//! Moving everything this browser keeps to another one: the books'
//! progress, the packs' progress and the packs themselves, in one export
//! file, and taking such a file in.

use crate::packs::PackShelf;
use crate::ports::KeyValueStore;
use crate::progress::{ProgressBook, StorageNotice};
use crate::transfer::export::{export_file, read_export};
use crate::transfer::{ImportError, ImportReport};

/// The records an export is made of and an import goes into.
pub struct Records<'a, S: KeyValueStore> {
    pub books: &'a mut ProgressBook<S>,
    pub pack_progress: &'a mut ProgressBook<S>,
    pub packs: &'a mut PackShelf<S>,
}

impl<S: KeyValueStore> Records<'_, S> {
    /// The text of the export file, with copies of any stored data the app
    /// could not read, so that nothing is lost by moving.
    pub fn export(&self, now_ms: u64) -> String {
        let mut unreadable = self.books.unreadable_copies();
        unreadable.extend(self.pack_progress.unreadable_copies());
        unreadable.extend(self.packs.unreadable_copies());
        export_file(
            self.books.progress(),
            self.pack_progress.progress(),
            self.packs.exported(),
            unreadable,
            now_ms,
        )
    }

    /// Takes an export file in: its packs first (each checked as a pack
    /// loaded by hand), then both records of progress. A refused file
    /// changes nothing.
    pub fn import(
        &mut self,
        text: &str,
        now_ms: u64,
    ) -> Result<(ImportReport, Vec<String>), ImportError> {
        let contents = read_export(text)?;
        let mut notices = Vec::new();
        let mut packs_added = Vec::new();
        let mut packs_refused = Vec::new();
        for exported in contents.packs {
            let known: Vec<String> = self
                .packs
                .packs()
                .map(|pack| pack.bank.book.id.clone())
                .collect();
            match self
                .packs
                .add(exported.pack.get(), &exported.source, now_ms)
            {
                Ok(added) => {
                    if !known.contains(&added.id) {
                        packs_added.push(self.packs.title(&added.id));
                    }
                    notices.extend(added.notice);
                }
                Err(problems) => {
                    packs_refused.push(format!("\"{}\" ({})", exported.source, problems.join("; ")))
                }
            }
        }
        let (books, books_notice) = self.books.import(contents.progress, now_ms);
        let (packs, packs_notice) = self.pack_progress.import(contents.pack_progress, now_ms);
        notices.extend(
            books_notice
                .or(packs_notice)
                .as_ref()
                .map(StorageNotice::message),
        );
        let mut added = books.added;
        added.extend(packs.added);
        let report = ImportReport {
            added,
            already_here: books.already_here + packs.already_here,
            settings_applied: books.settings_applied,
            unreadable_skipped: contents.unreadable_copies,
            packs_added,
            packs_refused,
        };
        Ok((report, notices))
    }
}

#[cfg(test)]
mod tests {
    use quiz_domain::AttemptResult;

    use super::*;
    use crate::progress::Settings;
    use crate::storage::{PACKS_KEY, PACK_PROGRESS_KEY, PROGRESS_BACKUP_KEY, PROGRESS_KEY};
    use crate::testing::MemoryStore;
    use crate::testing::{sample_pack, sample_result};

    fn result(id: &str, book: &str, finished_at_ms: u64) -> AttemptResult {
        AttemptResult {
            book: book.into(),
            finished_at_ms,
            ..sample_result(id)
        }
    }

    fn pack_json(id: &str) -> String {
        let mut pack = sample_pack();
        pack.book.id = id.into();
        pack.book.title = format!("Pack {id}");
        serde_json::to_string(&pack).unwrap()
    }

    /// The three records of one browser.
    struct Browser {
        store: MemoryStore,
    }

    impl Browser {
        fn new() -> Browser {
            Browser {
                store: MemoryStore::default(),
            }
        }

        fn with<T>(&self, now_ms: u64, act: impl FnOnce(&mut Records<&MemoryStore>) -> T) -> T {
            let (mut books, _) = ProgressBook::open(&self.store, now_ms);
            let (mut pack_progress, _) =
                ProgressBook::open_at(&self.store, PACK_PROGRESS_KEY, now_ms);
            let (mut packs, _) = PackShelf::open(&self.store, now_ms);
            act(&mut Records {
                books: &mut books,
                pack_progress: &mut pack_progress,
                packs: &mut packs,
            })
        }
    }

    #[test]
    fn export_then_import_elsewhere_brings_progress_packs_and_unreadable_copies() {
        let first = Browser::new();
        first
            .store
            .write(&format!("{PROGRESS_BACKUP_KEY}.5"), "{damaged")
            .unwrap();
        first
            .store
            .write(&format!("{PACKS_KEY}.unreadable.6"), "{damaged packs")
            .unwrap();
        let file = first.with(7, |records| {
            records.books.record(result("a", "fp", 1));
            records.books.record(result("b", "fp", 2));
            records.books.change_settings(Settings {
                quiz_length: Some(20),
                changed_at_ms: 3,
            });
            records
                .packs
                .add(&pack_json("week-1"), "https://course.example/w1.json", 7)
                .unwrap();
            records.pack_progress.record(result("p", "week-1", 4));
            records.export(8)
        });
        assert!(file.contains("{damaged"), "unreadable copies are exported");
        assert!(file.contains("{damaged packs"));

        let second = Browser::new();
        second.with(9, |records| {
            records.books.record(result("c", "hp", 5));
        });
        let (report, notices) = second
            .with(10, |records| records.import(&file, 10))
            .unwrap();
        assert_eq!(notices, Vec::<String>::new());
        assert_eq!(report.added, vec![("fp".into(), 2), ("week-1".into(), 1)]);
        assert_eq!(report.packs_added, ["Pack week-1"]);
        assert!(report.settings_applied);
        assert_eq!(report.unreadable_skipped, 2);

        second.with(11, |records| {
            let mut ids: Vec<&str> = records
                .books
                .progress()
                .attempts
                .iter()
                .map(|a| a.id.as_str())
                .collect();
            ids.sort();
            assert_eq!(ids, ["a", "b", "c"]);
            assert_eq!(records.books.progress().settings.quiz_length, Some(20));
            assert_eq!(records.pack_progress.progress().stats("week-1").attempts, 1);
            let pack = records.packs.packs().next().unwrap();
            assert_eq!(pack.source, "https://course.example/w1.json");
        });
        let (again, _) = second
            .with(12, |records| records.import(&file, 12))
            .unwrap();
        assert_eq!(again.added, vec![]);
        assert_eq!(again.already_here, 3);
        assert_eq!(again.packs_added, Vec::<String>::new());
    }

    #[test]
    fn a_refused_file_changes_nothing() {
        let browser = Browser::new();
        browser.with(1, |records| records.books.record(result("a", "fp", 1)));
        let before = browser.store.value(PROGRESS_KEY);
        let refused = browser.with(2, |records| records.import("not json", 2));
        assert!(refused.is_err());
        assert_eq!(browser.store.value(PROGRESS_KEY), before);
        assert_eq!(browser.store.value(PACKS_KEY), None);
    }

    #[test]
    fn a_pack_the_checks_refuse_is_named_and_the_rest_is_taken() {
        let first = Browser::new();
        let file = first.with(1, |records| {
            records
                .packs
                .add(&pack_json("week-1"), "w1.json", 1)
                .unwrap();
            records.books.record(result("a", "fp", 1));
            records.export(2)
        });
        // The other browser's app has since gained a book with the pack's id.
        let second = Browser::new();
        let (report, _) = second
            .with(3, |records| {
                records.packs.beside_books(vec!["week-1".into()]);
                records.import(&file, 3)
            })
            .unwrap();
        assert_eq!(report.packs_added, Vec::<String>::new());
        assert_eq!(report.packs_refused.len(), 1);
        assert!(
            report.packs_refused[0].starts_with("\"w1.json\" ("),
            "{report:?}"
        );
        assert_eq!(report.added, vec![("fp".into(), 1)]);
    }

    #[test]
    fn an_import_brings_back_attempts_older_than_a_reset() {
        let browser = Browser::new();
        let file = browser.with(1, |records| {
            records.books.record(result("a", "fp", 1));
            records.export(2)
        });
        browser.with(3, |records| {
            assert_eq!(records.books.reset(Some("fp"), 3), None);
            assert_eq!(records.books.progress().stats("fp").attempts, 0);
        });
        let (report, _) = browser.with(4, |records| records.import(&file, 4)).unwrap();
        assert_eq!(report.added, vec![("fp".into(), 1)]);
        browser.with(5, |records| {
            assert_eq!(records.books.progress().stats("fp").attempts, 1)
        });
    }
}
