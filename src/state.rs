//! The state the pages share. Every rule is the application's `Library`;
//! this file holds it, mirrors what it keeps in signals so the pages
//! redraw, and fetches the catalog and the banks it asks for.

use std::sync::Arc;

use leptos::prelude::*;
use quiz_application::content::{read_bank, read_catalog};
use quiz_application::exam::{ExamRequest, ExamSession, SavedExam};
use quiz_application::home::HomeSummary;
use quiz_application::packs::{LinkedPack, LoadedPack};
use quiz_application::progress::Progress;
use quiz_application::quiz::{QuizRequest, QuizSession, UnfinishedQuiz};
use quiz_application::{Clock, Library, Route};
use quiz_domain::{AttemptResult, Bank, Catalog, CatalogEntry};

use crate::adapters::app_handover;
use crate::adapters::browser_store::BrowserStore;
use crate::adapters::clock::BrowserClock;
use crate::adapters::fetch::fetch_text;
use crate::adapters::location;
use crate::home_data::HomeData;
use crate::quiz_host::QuizHost;

#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(String),
}

/// The list of books, fetched at start by the whole app and the home
/// page's Wasm.
pub async fn fetch_catalog() -> Load<Catalog> {
    match fetch_text("banks/catalog.json").await {
        Ok(json) => read_catalog(&json).map_or_else(Load::Failed, Load::Ready),
        Err(error) => Load::Failed(error),
    }
}

/// The signals the pages read; only this file writes them.
#[derive(Clone, Copy)]
struct Mirror {
    progress: RwSignal<Progress>,
    pack_progress: RwSignal<Progress>,
    packs: RwSignal<Vec<LoadedPack>>,
    unfinished: RwSignal<Option<UnfinishedQuiz>>,
}

impl Mirror {
    fn of(library: &Library<BrowserStore>) -> Mirror {
        Mirror {
            progress: RwSignal::new(library.progress().clone()),
            pack_progress: RwSignal::new(library.pack_progress().clone()),
            packs: RwSignal::new(library.packs().to_vec()),
            unfinished: RwSignal::new(library.unfinished().cloned()),
        }
    }

    /// Copies what may have changed. The records of progress are copied
    /// after every change, as the pages' own saves always did; the packs
    /// only when they differ, since most changes leave them alone.
    fn show(&self, library: &Library<BrowserStore>) {
        self.progress.set(library.progress().clone());
        self.pack_progress.set(library.pack_progress().clone());
        if self
            .packs
            .with_untracked(|shown| shown.as_slice() != library.packs())
        {
            self.packs.set(library.packs().to_vec());
        }
        self.unfinished.set(library.unfinished().cloned());
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    /// A message about stored data the person should read.
    pub notice: RwSignal<Option<String>>,
    pub catalog: ReadSignal<Load<Catalog>>,
    set_catalog: WriteSignal<Load<Catalog>>,
    /// The books' progress.
    pub progress: ReadSignal<Progress>,
    /// The progress of packs, kept apart from the books'.
    pub pack_progress: ReadSignal<Progress>,
    /// The quiz packs shown: those loaded in this browser, and an embedded one.
    pub packs: ReadSignal<Vec<LoadedPack>>,
    mirror: Mirror,
    library: StoredValue<Library<BrowserStore>, LocalStorage>,
}

impl AppState {
    pub fn start() -> AppState {
        let mut library = Library::open(BrowserStore::open(), BrowserClock.now_ms());
        library.take_in_held(app_handover::take_held_records);
        let mirror = Mirror::of(&library);
        let (catalog, set_catalog) = signal(Load::Loading);
        let state = AppState {
            route: RwSignal::new(location::current_route()),
            notice: RwSignal::new(library.take_notice()),
            catalog,
            set_catalog,
            progress: mirror.progress.read_only(),
            pack_progress: mirror.pack_progress.read_only(),
            packs: mirror.packs.read_only(),
            mirror,
            library: StoredValue::new_local(library),
        };
        leptos::task::spawn_local(async move {
            let loaded = fetch_catalog().await;
            if let Load::Ready(catalog) = &loaded {
                state.change(|library| library.set_catalog(catalog.clone()));
            }
            state.set_catalog.set(loaded);
        });
        state
    }

    /// Runs `act` on the library, then shows what it changed and any
    /// notice; `None` once the app is closing.
    fn change<T>(&self, act: impl FnOnce(&mut Library<BrowserStore>) -> T) -> Option<T> {
        self.library.try_update_value(|library| {
            let done = act(library);
            self.show(library);
            done
        })
    }

    /// Runs `act` on the library where nothing shown changes (a bank kept
    /// for the visit, an export read out); `None` once the app is closing.
    fn quietly<T>(&self, act: impl FnOnce(&mut Library<BrowserStore>) -> T) -> Option<T> {
        self.library.try_update_value(act)
    }

    /// Shows what the library holds now, and its notice once.
    fn show(&self, library: &mut Library<BrowserStore>) {
        self.mirror.show(library);
        if let Some(notice) = library.take_notice() {
            self.notice.set(Some(notice));
        }
    }

    fn read<T>(&self, ask: impl FnOnce(&Library<BrowserStore>) -> T) -> Option<T> {
        self.library.try_with_value(ask)
    }

    /// What the home page shows, from the progress held here.
    pub fn home_data(&self) -> HomeData {
        let state = *self;
        let summary = Memo::new(move |_| state.progress.with(HomeSummary::of));
        let resume = Memo::new(move |_| {
            state.catalog.track();
            state.mirror.unfinished.track();
            state.read(Library::resume_offer).flatten()
        });
        HomeData {
            catalog: self.catalog.into(),
            summary: summary.into(),
            resume: resume.into(),
            discard: Callback::new(move |()| state.discard_unfinished()),
        }
    }

    pub fn is_pack(&self, id: &str) -> bool {
        self.read(|library| library.is_pack(id)).unwrap_or(false)
    }

    /// The record a book's or a pack's attempts are kept in.
    pub fn progress_of(&self, book: &str) -> ReadSignal<Progress> {
        if self.is_pack(book) {
            self.pack_progress
        } else {
            self.progress
        }
    }

    /// A finished attempt at a book or a pack.
    pub fn attempt(&self, id: &str) -> Option<AttemptResult> {
        self.read(|library| library.attempt(id).cloned()).flatten()
    }

    /// A book of the catalog or a loaded pack, as the book page shows it.
    pub fn entry(&self, book: &str) -> Load<Option<CatalogEntry>> {
        self.packs.track();
        let catalog = self.catalog.get();
        if let Some(entry) = self.read(|library| library.entry(book)).flatten() {
            return Load::Ready(Some(entry));
        }
        match catalog {
            Load::Ready(_) => Load::Ready(None),
            Load::Loading => Load::Loading,
            Load::Failed(error) => Load::Failed(error),
        }
    }

    /// The title of a book of the catalog or of a pack, or its id before
    /// it is loaded.
    pub fn book_title(&self, book: &str) -> String {
        self.read(|library| library.title(book))
            .unwrap_or_else(|| book.to_owned())
    }

    /// Reads a pack and keeps it; returns its id, or every problem found.
    pub fn add_pack(&self, json: &str, source: &str) -> Result<String, Vec<String>> {
        let now_ms = self.now_ms();
        self.change(|library| library.add_pack(json, source, now_ms))
            .unwrap_or_else(closing)
    }

    /// Reads the pack a link asks for and keeps it, unless it would replace
    /// a pack of the same id loaded from elsewhere (the person decides).
    pub fn add_pack_from_link(&self, json: &str, source: &str) -> Result<LinkedPack, Vec<String>> {
        let now_ms = self.now_ms();
        self.change(|library| library.add_pack_from_link(json, source, now_ms))
            .unwrap_or_else(closing)
    }

    /// Shows a pack embedded in another site's page for this visit only.
    pub fn add_embedded_pack(&self, json: &str, source: &str) -> Result<String, Vec<String>> {
        self.change(|library| library.add_embedded_pack(json, source))
            .unwrap_or_else(closing)
    }

    /// Forgets a pack and its progress.
    pub fn remove_pack(&self, id: &str) {
        let now_ms = self.now_ms();
        self.change(|library| library.remove_pack(id, now_ms));
    }

    pub fn go_to(&self, route: Route) {
        location::go_to(&route);
    }

    /// The quiz left unfinished, as last kept.
    pub fn unfinished(&self) -> Option<UnfinishedQuiz> {
        self.read(|library| library.unfinished().cloned()).flatten()
    }

    /// Forgets one book's or pack's progress, or all of it with `None`.
    pub fn reset_progress(&self, book: Option<String>) {
        let now_ms = self.now_ms();
        self.change(|library| library.reset(book.as_deref(), now_ms));
    }

    pub fn remember_quiz_length(&self, quiz_length: usize) {
        let now_ms = self.now_ms();
        self.change(|library| library.remember_quiz_length(quiz_length, now_ms));
    }

    /// Everything kept, as the text of an export file.
    pub fn export_progress(&self) -> String {
        let now_ms = self.now_ms();
        self.quietly(|library| library.export(now_ms))
            .unwrap_or_default()
    }

    /// Merges an export file in; the message says what was imported or why
    /// the file was refused.
    pub fn import_progress(&self, text: &str) -> Result<String, String> {
        let now_ms = self.now_ms();
        self.change(|library| library.import(text, now_ms))
            .unwrap_or_else(|| Err("The app is closing.".to_owned()))
    }

    /// The interview exam left running, if any.
    pub fn saved_exam(&self) -> Option<SavedExam> {
        self.read(Library::running_exam).flatten()
    }

    /// The exam a link asks for, resumed when it is the one running, and
    /// saved at once.
    pub async fn start_exam(&self, request: &ExamRequest) -> Result<ExamSession, String> {
        let banks = self.banks(&request.books).await?;
        let banks: Vec<&Bank> = banks.iter().map(|bank| bank.as_ref()).collect();
        let now_ms = self.now_ms();
        self.change(|library| library.start_exam(&banks, request, now_ms))
            .unwrap_or_else(|| Err("The app is closing.".into()))
    }

    /// Saves the exam after each answer, so a reload keeps it and its clock.
    pub fn keep_exam(&self, exam: &SavedExam) {
        self.change(|library| library.keep_exam(exam));
    }

    /// Records the exam as it stands at `now_ms`; its id.
    pub fn finish_exam(&self, session: &ExamSession, now_ms: u64) -> Option<String> {
        self.change(|library| library.finish_exam(session, now_ms))
    }

    /// The banks of several books, downloaded once per visit.
    pub async fn banks(&self, books: &[String]) -> Result<Vec<Arc<Bank>>, String> {
        let mut banks = Vec::with_capacity(books.len());
        for book in books {
            banks.push(self.bank(book).await?);
        }
        Ok(banks)
    }

    /// Takes in what another tab saved (the `storage` event).
    pub fn refresh_progress(&self) {
        let now_ms = self.now_ms();
        // An embed or an LMS launch shows its pack off the shelf: the shelf
        // is not its list.
        let with_shelf = !matches!(self.route.get_untracked(), Route::Embed(_) | Route::Lms(_));
        self.change(|library| library.refresh(now_ms, with_shelf));
    }

    /// A book's bank, downloaded once per visit, or a loaded pack's.
    pub async fn bank(&self, book: &str) -> Result<Arc<Bank>, String> {
        if let Some(bank) = self.read(|library| library.bank(book)).flatten() {
            return Ok(bank);
        }
        let json = fetch_text(&format!("banks/{book}.json")).await?;
        let bank = Arc::new(read_bank(&json)?);
        self.quietly(|library| library.keep_bank(book, bank.clone()));
        Ok(bank)
    }

    pub fn now_ms(&self) -> u64 {
        BrowserClock.now_ms()
    }
}

impl QuizHost for AppState {
    async fn start_quiz(&self, request: &QuizRequest) -> Result<QuizSession, String> {
        let bank = self.bank(&request.book).await?;
        let now_ms = self.now_ms();
        self.quietly(|library| library.start_quiz(&bank, request, now_ms))
            .unwrap_or_else(|| Err("The app is closing.".into()))
    }

    fn keep_unfinished(&self, quiz: UnfinishedQuiz) {
        self.change(|library| library.keep_unfinished(quiz));
    }

    fn discard_unfinished(&self) {
        self.change(Library::discard_unfinished);
    }

    fn title_of(&self, book: &str) -> Option<String> {
        match self.entry(book) {
            Load::Ready(Some(entry)) => Some(entry.book.title),
            // A quiz taken over at its end may finish before the catalog
            // is in; its bank is.
            _ => self
                .read(|library| Some(library.bank(book)?.book.title.clone()))
                .flatten(),
        }
    }

    fn finish(&self, session: &QuizSession) -> Option<AttemptResult> {
        let now_ms = self.now_ms();
        self.change(|library| {
            let result = library.finish_quiz(session, now_ms)?;
            library.record(result.clone());
            Some(result)
        })
        .flatten()
    }

    fn now_ms(&self) -> u64 {
        AppState::now_ms(self)
    }
}

fn closing<T>() -> Result<T, Vec<String>> {
    Err(vec!["the app is closing".to_owned()])
}

pub fn app_state() -> AppState {
    expect_context::<AppState>()
}
