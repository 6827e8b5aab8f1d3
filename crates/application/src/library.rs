//! Everything this browser keeps, behind one object: the books' and the
//! packs' records of progress, the shelf of packs, the quiz left unfinished
//! and the exam running, and the banks fetched this visit. It answers the
//! questions every page asks (is this id a pack or a book, so which record,
//! bank and title) and runs what changes them, so the UI only mirrors it.

use std::sync::Arc;

use quiz_domain::{AttemptResult, Bank, Catalog, CatalogEntry};

use crate::exam::{ExamRequest, ExamSession, RunningExamStore, SavedExam};
use crate::packs::{read_pack, LinkedPack, LoadedPack, PackShelf};
use crate::ports::{KeyValueStore, StoreError};
use crate::progress::{Progress, ProgressBook, Settings, StorageNotice};
use crate::quiz::{
    QuizRequest, QuizSession, ResumeOffer, UnfinishedQuiz, UnfinishedStore, QUIZ_AT_ITS_END,
};
use crate::storage::{PACK_PROGRESS_KEY, PROGRESS_KEY, UNFINISHED_KEY};
use crate::transfer::Records;

pub struct Library<S: KeyValueStore> {
    books: ProgressBook<S>,
    /// The progress of packs, kept apart from the books'.
    pack_progress: ProgressBook<S>,
    shelf: PackShelf<S>,
    /// The packs shown: the shelf's, and a pack embedded for this visit.
    packs: Vec<LoadedPack>,
    unfinished_store: UnfinishedStore<S>,
    unfinished: Option<UnfinishedQuiz>,
    running_exam: RunningExamStore<S>,
    catalog: Option<Catalog>,
    /// Banks fetched this visit; five at most, so a list beats a map.
    banks: Vec<(String, Arc<Bank>)>,
    /// What the person should read next about their stored data.
    notice: Option<String>,
    /// The quiz's own Wasm handed its quiz over answered to the end.
    handed_over_at_its_end: bool,
}

impl<S: KeyValueStore + Clone> Library<S> {
    pub fn open(store: S, now_ms: u64) -> Library<S> {
        let (books, books_notice) = ProgressBook::open(store.clone(), now_ms);
        let (pack_progress, pack_notice) =
            ProgressBook::open_at(store.clone(), PACK_PROGRESS_KEY, now_ms);
        let (shelf, shelf_notice) = PackShelf::open(store.clone(), now_ms);
        let unfinished_store = UnfinishedStore::new(store.clone());
        // A refused storage is said once, by the books' record.
        let notice = books_notice
            .or(pack_notice)
            .map(|notice| notice.message())
            .or(shelf_notice);
        Library {
            packs: shelf.packs().cloned().collect(),
            unfinished: unfinished_store.read(),
            unfinished_store,
            running_exam: RunningExamStore::new(store),
            books,
            pack_progress,
            shelf,
            catalog: None,
            banks: Vec::new(),
            notice,
            handed_over_at_its_end: false,
        }
    }
}

impl<S: KeyValueStore> Library<S> {
    /// Takes over what another Wasm of the page held in memory, by storage
    /// key, since storage may have lost it or refused it: the records the
    /// home page's Wasm read, the quiz the quiz's own Wasm asked.
    pub fn take_in_held(&mut self, held: impl Fn(&str) -> Vec<String>) {
        for (key, record) in [
            (PROGRESS_KEY, &mut self.books),
            (PACK_PROGRESS_KEY, &mut self.pack_progress),
        ] {
            // A value the home page saw may be damaged: its copy was or will
            // be set aside by the record itself.
            for held in held(key).iter().filter_map(|raw| Progress::parse(raw).ok()) {
                record.take_in(held);
            }
        }
        if let Some(quiz) = held(UNFINISHED_KEY)
            .iter()
            .find_map(|raw| UnfinishedQuiz::read(raw))
        {
            self.unfinished = Some(quiz);
            self.handed_over_at_its_end = !held(QUIZ_AT_ITS_END).is_empty();
        }
    }

    /// The notice to show, once.
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    fn tell(&mut self, notice: Option<StorageNotice>) {
        if let Some(notice) = notice {
            self.notice = Some(notice.message());
        }
    }

    fn tell_not_saved(&mut self, saved: Result<(), StoreError>) {
        if let Err(error) = saved {
            let notice = self.books.not_saved(error);
            self.tell(notice);
        }
    }

    /// Takes the list of books in; packs give way to the app's own books.
    pub fn set_catalog(&mut self, catalog: Catalog) {
        let books = catalog.books.iter().map(|e| e.book.id.clone()).collect();
        if let Some(notice) = self.shelf.beside_books(books) {
            self.notice = Some(notice);
        }
        self.show_shelf();
        self.catalog = Some(catalog);
    }

    pub fn catalog(&self) -> Option<&Catalog> {
        self.catalog.as_ref()
    }

    pub fn packs(&self) -> &[LoadedPack] {
        &self.packs
    }

    fn show_shelf(&mut self) {
        self.packs = self.shelf.packs().cloned().collect();
    }

    fn pack(&self, id: &str) -> Option<&LoadedPack> {
        self.packs.iter().find(|pack| pack.bank.book.id == id)
    }

    pub fn is_pack(&self, id: &str) -> bool {
        self.pack(id).is_some()
    }

    /// The books' record of progress.
    pub fn progress(&self) -> &Progress {
        self.books.progress()
    }

    pub fn pack_progress(&self) -> &Progress {
        self.pack_progress.progress()
    }

    /// The record a book's or a pack's attempts are kept in.
    pub fn progress_of(&self, book: &str) -> &Progress {
        if self.is_pack(book) {
            self.pack_progress.progress()
        } else {
            self.books.progress()
        }
    }

    /// A finished attempt, in whichever record holds it.
    pub fn attempt(&self, id: &str) -> Option<&AttemptResult> {
        self.books
            .progress()
            .attempt(id)
            .or_else(|| self.pack_progress.progress().attempt(id))
    }

    /// A loaded pack or a book of the catalog, as the book page shows it;
    /// `None` when neither has the id (or the catalog is not in yet).
    pub fn entry(&self, book: &str) -> Option<CatalogEntry> {
        match self.pack(book) {
            Some(pack) => Some(CatalogEntry::of(&pack.bank)),
            None => self.catalog.as_ref()?.entry(book).cloned(),
        }
    }

    /// The title of a pack or of a book of the catalog, or its id before
    /// either is loaded.
    pub fn title(&self, book: &str) -> String {
        if let Some(pack) = self.pack(book) {
            return pack.bank.book.title.clone();
        }
        self.catalog
            .as_ref()
            .and_then(|catalog| catalog.entry(book))
            .map_or_else(|| book.to_owned(), |entry| entry.book.title.clone())
    }

    /// A pack's bank, or a book's fetched earlier this visit.
    pub fn bank(&self, book: &str) -> Option<Arc<Bank>> {
        if let Some(pack) = self.pack(book) {
            return Some(pack.bank.clone());
        }
        self.banks
            .iter()
            .find(|(id, _)| id == book)
            .map(|(_, bank)| bank.clone())
    }

    /// Keeps a book's bank for the rest of the visit.
    pub fn keep_bank(&mut self, book: &str, bank: Arc<Bank>) {
        self.banks.push((book.to_owned(), bank));
    }

    /// Reads a pack and keeps it; its id, or every problem found.
    pub fn add_pack(
        &mut self,
        json: &str,
        source: &str,
        now_ms: u64,
    ) -> Result<String, Vec<String>> {
        let added = self.shelf.add(json, source, now_ms);
        self.show_shelf();
        let added = added?;
        if added.notice.is_some() {
            self.notice = added.notice;
        }
        Ok(added.id)
    }

    /// Reads the pack a link asks for and keeps it, unless it would replace
    /// a pack of the same id loaded from elsewhere (the person decides).
    pub fn add_pack_from_link(
        &mut self,
        json: &str,
        source: &str,
        now_ms: u64,
    ) -> Result<LinkedPack, Vec<String>> {
        let linked = self.shelf.add_from_link(json, source, now_ms);
        self.show_shelf();
        let linked = linked?;
        if let LinkedPack::Added(added) = &linked {
            if added.notice.is_some() {
                self.notice.clone_from(&added.notice);
            }
        }
        Ok(linked)
    }

    /// Reads a pack embedded in another site's page and shows it for this
    /// visit only, off the shelf: an embed must not fill the storage of the
    /// sites it sits in with packs. Its attempts are still recorded, under
    /// the packs' progress, as an embedded book's are under the books'.
    pub fn add_embedded_pack(&mut self, json: &str, source: &str) -> Result<String, Vec<String>> {
        let built_in: Vec<String> = self
            .catalog
            .iter()
            .flat_map(|catalog| catalog.books.iter().map(|e| e.book.id.clone()))
            .collect();
        let bank = Arc::new(read_pack(json, &built_in)?);
        let id = bank.book.id.clone();
        self.packs.retain(|pack| pack.bank.book.id != id);
        self.packs.push(LoadedPack {
            source: source.to_owned(),
            bank,
        });
        Ok(id)
    }

    /// Forgets a pack and its progress.
    pub fn remove_pack(&mut self, id: &str, now_ms: u64) {
        if let Some(notice) = self.shelf.remove(id, now_ms) {
            self.notice = Some(notice);
        }
        self.show_shelf();
        let notice = self.pack_progress.reset(Some(id), now_ms);
        self.tell(notice);
    }

    /// The quiz left before its end, offered for resuming.
    pub fn unfinished(&self) -> Option<&UnfinishedQuiz> {
        self.unfinished.as_ref()
    }

    /// What the home page says of the unfinished quiz.
    pub fn resume_offer(&self) -> Option<ResumeOffer> {
        let quiz = self.unfinished.as_ref()?;
        Some(quiz.offer(&self.title(quiz.attempt.book())))
    }

    /// The quiz a link asks for: resumed where it stopped when it is the
    /// one left unfinished, drawn afresh otherwise. A quiz handed over at
    /// its end by the quiz's own Wasm starts finished, so that the page
    /// goes straight on to its results.
    pub fn start_quiz(
        &mut self,
        bank: &Bank,
        request: &QuizRequest,
        now_ms: u64,
    ) -> Result<QuizSession, String> {
        let mut session =
            QuizSession::start_or_resume(bank, request, self.unfinished.clone(), now_ms)?;
        if std::mem::take(&mut self.handed_over_at_its_end) && session.is_complete() {
            session.next();
        }
        Ok(session)
    }

    /// Saves the quiz after each answer, so a reload or a crash loses none.
    pub fn keep_unfinished(&mut self, quiz: UnfinishedQuiz) {
        if self.books.is_writable() {
            let title = self.title(quiz.attempt.book());
            let saved = self.unfinished_store.keep(&quiz, &title);
            self.tell_not_saved(saved);
        }
        self.unfinished = Some(quiz);
    }

    pub fn discard_unfinished(&mut self) {
        if self.books.is_writable() {
            self.unfinished_store.forget();
        }
        self.unfinished = None;
    }

    /// The finished quiz's result, with an id of its record's.
    pub fn finish_quiz(&self, session: &QuizSession, now_ms: u64) -> Option<AttemptResult> {
        let id = self
            .progress_of(session.book())
            .new_attempt_id(session.book(), now_ms);
        session.finish(id, now_ms).ok()
    }

    /// Records a finished quiz, which is then no longer unfinished.
    pub fn record(&mut self, result: AttemptResult) {
        let notice = if self.is_pack(&result.book) {
            self.pack_progress.record(result)
        } else {
            self.books.record(result)
        };
        self.tell(notice);
        self.discard_unfinished();
    }

    /// The exam a link asks for, resumed when it is the one running, and
    /// saved at once: its clock runs from the start, reloads or not.
    pub fn start_exam(
        &mut self,
        banks: &[&Bank],
        request: &ExamRequest,
        now_ms: u64,
    ) -> Result<ExamSession, String> {
        let running = self
            .running_exam
            .read()
            .filter(|saved| saved.request == *request);
        let session = match running.and_then(|saved| ExamSession::resume(banks, saved)) {
            Some(resumed) => resumed,
            None => ExamSession::start(banks, request, now_ms)?,
        };
        self.keep_exam(session.saved());
        Ok(session)
    }

    /// The exam left running, if any.
    pub fn running_exam(&self) -> Option<SavedExam> {
        self.running_exam.read()
    }

    /// Saves the exam after each answer, so a reload keeps it and its clock.
    pub fn keep_exam(&mut self, exam: &SavedExam) {
        if self.books.is_writable() {
            let saved = self.running_exam.keep(exam);
            self.tell_not_saved(saved);
        }
    }

    /// Records the exam as it stands at `now_ms` and returns its id.
    pub fn finish_exam(&mut self, session: &ExamSession, now_ms: u64) -> String {
        let id = format!("interview-{}", session.saved().started_at_ms);
        let (attempts, summary) = session.finish(&id, now_ms);
        if self.books.is_writable() {
            self.running_exam.forget();
        }
        let notice = self.books.record_exam(attempts, summary);
        self.tell(notice);
        id
    }

    /// Forgets one book's or pack's progress, or all of it with `None`.
    pub fn reset(&mut self, book: Option<&str>, now_ms: u64) {
        let of_pack = book.is_some_and(|id| self.is_pack(id));
        if book.is_none() || of_pack {
            let notice = self.pack_progress.reset(book, now_ms);
            self.tell(notice);
        }
        if !of_pack {
            let notice = self.books.reset(book, now_ms);
            self.tell(notice);
        }
    }

    pub fn remember_quiz_length(&mut self, quiz_length: usize, now_ms: u64) {
        let notice = self.books.change_settings(Settings {
            quiz_length: Some(quiz_length),
            changed_at_ms: now_ms,
        });
        self.tell(notice);
    }

    fn records(&mut self) -> Records<'_, S> {
        Records {
            books: &mut self.books,
            pack_progress: &mut self.pack_progress,
            packs: &mut self.shelf,
        }
    }

    /// Everything kept, as the text of an export file.
    pub fn export(&mut self, now_ms: u64) -> String {
        self.records().export(now_ms)
    }

    /// Merges an export file in; the message says what was imported or why
    /// the file was refused.
    pub fn import(&mut self, text: &str, now_ms: u64) -> Result<String, String> {
        let imported = self.records().import(text, now_ms);
        self.show_shelf();
        let (report, notices) = imported.map_err(|error| error.message())?;
        if !notices.is_empty() {
            self.notice = Some(notices.join(" "));
        }
        Ok(report.message(|book| self.title(book)))
    }

    /// Takes in what another tab saved (the `storage` event). An embed
    /// shows its pack off the shelf, so the shelf is left out of its list
    /// (`with_shelf` false).
    pub fn refresh(&mut self, now_ms: u64, with_shelf: bool) {
        let notice = self.books.refresh(now_ms);
        self.tell(notice);
        let notice = self.pack_progress.refresh(now_ms);
        self.tell(notice);
        if with_shelf {
            if let Some(notice) = self.shelf.refresh(now_ms) {
                self.notice = Some(notice);
            }
            self.show_shelf();
        }
    }
}

#[cfg(test)]
mod tests {
    use quiz_domain::fixtures::{bank, question};
    use quiz_domain::QuestionKind;

    use super::*;
    use crate::storage::{EXAM_KEY, UNFINISHED_KEY};
    use crate::testing::{sample_pack, sample_result, MemoryStore};

    fn book_bank() -> Bank {
        let questions = (0..4)
            .map(|i| question(&format!("fp-{i}"), QuestionKind::Single, &[0]))
            .collect();
        bank("fp", &["1"], questions)
    }

    /// A library with the catalog of one book, "fp", and one pack on its
    /// shelf.
    fn library(store: &MemoryStore) -> Library<&MemoryStore> {
        let mut library = Library::open(store, 1);
        let pack = serde_json::to_string(&sample_pack()).unwrap();
        library.add_pack(&pack, "week-1.json", 1).unwrap();
        library.set_catalog(Catalog::of(&[book_bank()]));
        library
    }

    fn answered_once(library: &mut Library<&MemoryStore>, bank: &Bank) -> UnfinishedQuiz {
        let mut session = library
            .start_quiz(bank, &QuizRequest::new(bank.book.id.clone(), 2, 7), 10)
            .unwrap();
        session.choose(0);
        session.submit().unwrap();
        session.unfinished()
    }

    #[test]
    fn an_id_names_a_pack_or_a_book_with_its_record_title_and_bank() {
        let store = MemoryStore::default();
        let mut library = library(&store);
        let pack = sample_pack();
        assert!(library.is_pack("course-pack") && !library.is_pack("fp"));
        assert_eq!(library.title("course-pack"), "A course pack");
        assert_eq!(library.title("fp"), book_bank().book.title);
        assert_eq!(library.title("unknown"), "unknown");
        assert_eq!(library.entry("course-pack"), Some(CatalogEntry::of(&pack)));
        assert_eq!(library.entry("fp"), Some(CatalogEntry::of(&book_bank())));
        assert_eq!(library.entry("unknown"), None);
        assert_eq!(library.bank("course-pack").as_deref(), Some(&pack));
        assert_eq!(library.bank("fp"), None, "a book's bank is fetched first");
        library.keep_bank("fp", Arc::new(book_bank()));
        assert_eq!(library.bank("fp").as_deref(), Some(&book_bank()));

        library.record(AttemptResult {
            book: "course-pack".into(),
            ..sample_result("p1")
        });
        library.record(sample_result("b1"));
        assert_eq!(library.pack_progress().attempts.len(), 1);
        assert_eq!(library.progress().attempts, vec![sample_result("b1")]);
        assert_eq!(library.progress_of("course-pack").attempts[0].id, "p1");
        assert_eq!(library.attempt("p1").unwrap().book, "course-pack");
        assert_eq!(library.attempt("b1"), Some(&sample_result("b1")));
        let reopened = Library::open(&store, 2);
        assert_eq!(reopened.pack_progress().attempts.len(), 1);
        assert_eq!(reopened.progress().attempts.len(), 1);
    }

    #[test]
    fn the_unfinished_quiz_is_resumed_by_its_own_link_only_and_ends_when_recorded() {
        let store = MemoryStore::default();
        let mut library = library(&store);
        let bank = book_bank();
        let quiz = answered_once(&mut library, &bank);
        library.keep_unfinished(quiz.clone());
        assert!(store.value(UNFINISHED_KEY).is_some());

        let mut reopened = library_after_reload(&store);
        assert_eq!(reopened.unfinished(), Some(&quiz));
        assert_eq!(
            reopened.resume_offer().map(|offer| offer.link),
            Some(quiz.request.link())
        );
        let resumed = reopened.start_quiz(&bank, &quiz.request, 20).unwrap();
        assert_eq!(resumed.number(), 2, "the first answer is kept");
        let other = QuizRequest::new("fp", 2, 8);
        assert_eq!(reopened.start_quiz(&bank, &other, 20).unwrap().number(), 1);

        let result = reopened.finish_quiz(&resumed, 30);
        assert_eq!(result, None, "a quiz is finished only once answered");
        reopened.record(sample_result("done"));
        assert_eq!(reopened.unfinished(), None);
        assert_eq!(store.value(UNFINISHED_KEY), None);
    }

    fn library_after_reload(store: &MemoryStore) -> Library<&MemoryStore> {
        let mut library = Library::open(store, 2);
        library.set_catalog(Catalog::of(&[book_bank()]));
        library
    }

    #[test]
    fn an_exam_is_saved_from_its_start_resumed_by_its_link_and_forgotten_once_recorded() {
        let store = MemoryStore::default();
        let mut library = library(&store);
        let bank = book_bank();
        let request = ExamRequest::from_query("books=fp&count=2&minutes=5&seed=3").unwrap();
        let started = library.start_exam(&[&bank], &request, 1_000).unwrap();
        assert!(store.value(EXAM_KEY).is_some(), "saved before any answer");

        let mut reopened = library_after_reload(&store);
        let resumed = reopened.start_exam(&[&bank], &request, 9_000).unwrap();
        assert_eq!(resumed.saved().started_at_ms, 1_000, "the clock kept on");
        let id = reopened.finish_exam(&resumed, 9_500);
        assert_eq!(id, "interview-1000");
        assert_eq!(store.value(EXAM_KEY), None);
        assert!(reopened.progress().exam(&id).is_some());
        assert_eq!(started.saved().request, request);
    }

    #[test]
    fn a_full_store_keeps_the_quiz_in_memory_and_says_so_once() {
        let store = MemoryStore::default();
        let mut library = library(&store);
        assert_eq!(library.take_notice(), None);
        store.fail_writes_with(StoreError::Full);
        let quiz = answered_once(&mut library, &book_bank());
        library.keep_unfinished(quiz.clone());
        assert_eq!(
            library.take_notice(),
            Some(StorageNotice::NotSaved(StoreError::Full).message())
        );
        assert_eq!(library.unfinished(), Some(&quiz));
        library.record(sample_result("a"));
        assert_eq!(library.take_notice(), None, "said once a visit");
        assert_eq!(library.progress().attempts.len(), 1);
    }

    #[test]
    fn nothing_is_written_beside_a_record_of_a_newer_version() {
        let newer = r#"{"schema":3,"attempts":[]}"#;
        let store = MemoryStore::with(PROGRESS_KEY, newer);
        let mut library = Library::open(&store, 1);
        assert_eq!(
            library.take_notice(),
            Some(StorageNotice::NewerVersion(3).message())
        );
        let quiz = answered_once(&mut library, &book_bank());
        library.keep_unfinished(quiz);
        let request = ExamRequest::from_query("books=fp&count=2").unwrap();
        library.start_exam(&[&book_bank()], &request, 1).unwrap();
        assert_eq!(store.value(UNFINISHED_KEY), None);
        assert_eq!(store.value(EXAM_KEY), None);
        assert_eq!(store.value(PROGRESS_KEY).as_deref(), Some(newer));
    }

    #[test]
    fn an_embedded_pack_is_shown_off_the_shelf_and_its_attempts_kept_with_the_packs() {
        let store = MemoryStore::default();
        let mut library = Library::open(&store, 1);
        library.set_catalog(Catalog::of(&[book_bank()]));
        let mut pack = sample_pack();
        pack.book.id = "embedded".into();
        let json = serde_json::to_string(&pack).unwrap();
        assert_eq!(
            library.add_embedded_pack(&json, "https://course.example/p.json"),
            Ok("embedded".into())
        );
        assert!(library.is_pack("embedded"));
        assert_eq!(Library::open(&store, 2).packs(), &[], "not on the shelf");
        library.record(AttemptResult {
            book: "embedded".into(),
            ..sample_result("e1")
        });
        assert_eq!(Library::open(&store, 2).pack_progress().attempts.len(), 1);
        pack.book.id = "fp".into();
        let taken = serde_json::to_string(&pack).unwrap();
        assert!(
            library.add_embedded_pack(&taken, "x").is_err(),
            "a book's id is taken"
        );
    }

    #[test]
    fn records_held_by_the_home_page_are_taken_in_and_damaged_ones_skipped() {
        let store = MemoryStore::default();
        let mut seen = Library::open(&store, 1);
        seen.record(sample_result("a"));
        let held = store.value(PROGRESS_KEY).unwrap();
        store.write(PROGRESS_KEY, "garbage").unwrap();
        let mut library = Library::open(&store, 2);
        library.take_in_held(|key| match key {
            PROGRESS_KEY => vec![held.clone(), "damaged".into()],
            _ => Vec::new(),
        });
        assert_eq!(library.progress().attempts, vec![sample_result("a")]);
    }

    #[test]
    fn progress_moves_to_another_browser_with_its_packs() {
        let here = MemoryStore::default();
        let mut library = library(&here);
        library.record(sample_result("a"));
        library.remember_quiz_length(20, 5);
        let file = library.export(6);
        let there = MemoryStore::default();
        let mut other = Library::open(&there, 7);
        other.set_catalog(Catalog::of(&[book_bank()]));
        let message = other.import(&file, 8).unwrap();
        assert!(message.contains("Imported 1 attempt"), "{message}");
        assert!(message.contains("Pack added: A course pack."), "{message}");
        assert!(other.is_pack("course-pack"));
        assert_eq!(other.progress().settings.quiz_length, Some(20));
        assert!(other.import("{}", 9).unwrap_err().contains("not imported"));
    }

    #[test]
    fn resetting_a_pack_leaves_the_books_and_resetting_all_clears_both() {
        let store = MemoryStore::default();
        let mut library = library(&store);
        library.record(sample_result("b"));
        library.record(AttemptResult {
            book: "course-pack".into(),
            ..sample_result("p")
        });
        library.reset(Some("course-pack"), 10);
        assert!(library.pack_progress().attempts.is_empty());
        assert_eq!(library.progress().attempts.len(), 1);
        library.record(AttemptResult {
            book: "course-pack".into(),
            finished_at_ms: 20,
            ..sample_result("p2")
        });
        library.reset(None, 30);
        assert!(library.pack_progress().attempts.is_empty());
        assert!(library.progress().attempts.is_empty());
        library.remove_pack("course-pack", 40);
        assert!(!library.is_pack("course-pack"));
        assert_eq!(Library::open(&store, 41).packs(), &[]);
    }
}
