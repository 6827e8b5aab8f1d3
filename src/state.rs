//! The state the pages share, and the calls that change it. Each call goes
//! through the application layer; this file only keeps the results in
//! signals so the pages redraw.

use std::sync::Arc;

use leptos::prelude::*;
use quiz_application::{
    read_bank, read_catalog, read_pack, Clock, ExamSummary, HomeSummary, LinkedPack, LoadedPack,
    PackAdded, PackShelf, Progress, ProgressBook, Records, Route, SavedExam, Settings,
    StorageNotice, UnfinishedQuiz, PACK_PROGRESS_KEY, PROGRESS_KEY,
};
use quiz_domain::{AttemptResult, Bank, Catalog, CatalogEntry};

use crate::adapters::app_handover;
use crate::adapters::browser_store::BrowserStore;
use crate::adapters::clock::BrowserClock;
use crate::adapters::fetch::fetch_text;
use crate::adapters::location;
use crate::home_data::HomeData;

#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(String),
}

/// The list of books, fetched at start by either Wasm.
pub async fn fetch_catalog() -> Load<Catalog> {
    match fetch_text("banks/catalog.json").await {
        Ok(json) => read_catalog(&json).map_or_else(Load::Failed, Load::Ready),
        Err(error) => Load::Failed(error),
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    pub progress: RwSignal<Progress>,
    /// A message about stored progress the person should read.
    pub notice: RwSignal<Option<String>>,
    pub catalog: RwSignal<Load<Catalog>>,
    /// The quiz left before its end, offered for resuming.
    pub unfinished: RwSignal<Option<UnfinishedQuiz>>,
    /// The quiz packs loaded in this browser.
    pub packs: RwSignal<Vec<LoadedPack>>,
    /// The progress of packs, kept apart from the books' (`progress`).
    pub pack_progress: RwSignal<Progress>,
    progress_book: StoredValue<ProgressBook<BrowserStore>, LocalStorage>,
    pack_progress_book: StoredValue<ProgressBook<BrowserStore>, LocalStorage>,
    pack_shelf: StoredValue<PackShelf<BrowserStore>, LocalStorage>,
    /// Banks downloaded this visit; five at most, so a list beats a map.
    banks: StoredValue<Vec<(String, Arc<Bank>)>>,
}

impl AppState {
    pub fn start() -> AppState {
        let now_ms = BrowserClock.now_ms();
        let (book, notice) = ProgressBook::open(BrowserStore::open(), now_ms);
        let (pack_book, pack_notice) =
            ProgressBook::open_at(BrowserStore::open(), PACK_PROGRESS_KEY, now_ms);
        let (shelf, shelf_notice) = PackShelf::open(BrowserStore::open(), now_ms);
        // A refused storage is said once, by the books' record.
        let notice = notice.or(pack_notice).map(|n| n.message()).or(shelf_notice);
        let state = AppState {
            route: RwSignal::new(location::current_route()),
            progress: RwSignal::new(book.progress().clone()),
            notice: RwSignal::new(notice),
            catalog: RwSignal::new(Load::Loading),
            unfinished: RwSignal::new(book.unfinished()),
            packs: RwSignal::new(shelf.packs().cloned().collect()),
            pack_progress: RwSignal::new(pack_book.progress().clone()),
            progress_book: StoredValue::new_local(book),
            pack_progress_book: StoredValue::new_local(pack_book),
            pack_shelf: StoredValue::new_local(shelf),
            banks: StoredValue::new(Vec::new()),
        };
        state.take_in_held_records();
        leptos::task::spawn_local(async move {
            let loaded = fetch_catalog().await;
            if let Load::Ready(catalog) = &loaded {
                state.show_packs_beside(catalog);
            }
            state.catalog.set(loaded);
        });
        state
    }

    /// Takes over what the home page's own Wasm held, when it ran first
    /// (`HomeRecords::held`).
    fn take_in_held_records(&self) {
        let records = [
            (PROGRESS_KEY, self.progress_book, self.progress),
            (
                PACK_PROGRESS_KEY,
                self.pack_progress_book,
                self.pack_progress,
            ),
        ];
        for (key, record, shown) in records {
            for held in app_handover::take_held_records(key) {
                // A value the home page saw may be damaged: its copy was or
                // will be set aside by `ProgressBook`.
                let Ok(held) = Progress::parse(&held) else {
                    continue;
                };
                record.update_value(|book| {
                    book.take_in(held);
                    shown.set(book.progress().clone());
                });
            }
        }
    }

    /// What the home page shows, from the progress held here.
    pub fn home_data(&self) -> HomeData {
        let state = *self;
        let summary = Memo::new(move |_| state.progress.with(HomeSummary::of));
        let resume = Memo::new(move |_| {
            state.catalog.track();
            state.unfinished.with(|quiz| {
                quiz.as_ref()
                    .map(|quiz| quiz.offer(&state.book_title(quiz.attempt.book())))
            })
        });
        HomeData {
            catalog: self.catalog.into(),
            summary: summary.into(),
            resume: resume.into(),
            discard: Callback::new(move |()| state.discard_unfinished()),
        }
    }

    /// Tells the shelf the app's own books, which packs give way to.
    fn show_packs_beside(&self, catalog: &Catalog) {
        let books = catalog.books.iter().map(|e| e.book.id.clone()).collect();
        let notice = self.pack_shelf.try_update_value(|shelf| {
            let notice = shelf.beside_books(books);
            self.packs.set(shelf.packs().cloned().collect());
            notice
        });
        if let Some(Some(notice)) = notice {
            self.notice.set(Some(notice));
        }
    }

    fn pack(&self, id: &str) -> Option<LoadedPack> {
        self.packs
            .with_untracked(|packs| packs.iter().find(|p| p.bank.book.id == id).cloned())
    }

    pub fn is_pack(&self, id: &str) -> bool {
        self.pack(id).is_some()
    }

    /// The record a book's or a pack's attempts are kept in.
    pub fn progress_of(&self, book: &str) -> RwSignal<Progress> {
        if self.is_pack(book) {
            self.pack_progress
        } else {
            self.progress
        }
    }

    /// A book of the catalog or a loaded pack, as the book page shows it.
    pub fn entry(&self, book: &str) -> Load<Option<CatalogEntry>> {
        let pack = self.packs.with(|packs| {
            packs
                .iter()
                .find(|p| p.bank.book.id == book)
                .map(|p| CatalogEntry::of(&p.bank))
        });
        match (pack, self.catalog.get()) {
            (Some(entry), _) => Load::Ready(Some(entry)),
            (None, Load::Ready(catalog)) => Load::Ready(catalog.entry(book).cloned()),
            (None, Load::Loading) => Load::Loading,
            (None, Load::Failed(error)) => Load::Failed(error),
        }
    }

    /// The ids of the app's own books, which no pack may take; none before
    /// the catalog arrives (the embed page waits for it).
    fn built_in_books(&self) -> Vec<String> {
        self.catalog.with_untracked(|catalog| match catalog {
            Load::Ready(catalog) => catalog.books.iter().map(|e| e.book.id.clone()).collect(),
            _ => Vec::new(),
        })
    }

    /// Reads a pack and keeps it; returns its id, or every problem found.
    pub fn add_pack(&self, json: &str, source: &str) -> Result<String, Vec<String>> {
        let added = self.change_shelf(|shelf, now_ms| shelf.add(json, source, now_ms))?;
        if let Some(notice) = added.notice {
            self.notice.set(Some(notice));
        }
        Ok(added.id)
    }

    /// Reads the pack a link asks for and keeps it, unless it would replace
    /// a pack of the same id loaded from elsewhere (the person decides).
    pub fn add_pack_from_link(&self, json: &str, source: &str) -> Result<LinkedPack, Vec<String>> {
        let linked =
            self.change_shelf(|shelf, now_ms| shelf.add_from_link(json, source, now_ms))?;
        if let LinkedPack::Added(PackAdded {
            notice: Some(notice),
            ..
        }) = &linked
        {
            self.notice.set(Some(notice.clone()));
        }
        Ok(linked)
    }

    /// Changes the shelf, given the time, and shows its packs.
    fn change_shelf<T>(
        &self,
        change: impl FnOnce(&mut PackShelf<BrowserStore>, u64) -> Result<T, Vec<String>>,
    ) -> Result<T, Vec<String>> {
        let now_ms = self.now_ms();
        self.pack_shelf
            .try_update_value(|shelf| {
                let changed = change(shelf, now_ms);
                self.packs.set(shelf.packs().cloned().collect());
                changed
            })
            .ok_or_else(|| vec!["the app is closing".to_owned()])?
    }

    /// Reads a pack embedded in another site's page and shows it for this
    /// visit only, off the shelf: an embed must not fill the storage of the
    /// sites it sits in with packs. Its attempts are still recorded, under
    /// the packs' progress, as an embedded book's are under the books'.
    pub fn add_embedded_pack(&self, json: &str, source: &str) -> Result<String, Vec<String>> {
        let bank = Arc::new(read_pack(json, &self.built_in_books())?);
        let id = bank.book.id.clone();
        self.packs.update(|packs| {
            packs.retain(|pack| pack.bank.book.id != id);
            packs.push(LoadedPack {
                source: source.to_owned(),
                bank,
            });
        });
        Ok(id)
    }

    /// Forgets a pack and its progress.
    pub fn remove_pack(&self, id: &str) {
        let now_ms = self.now_ms();
        let notice = self.pack_shelf.try_update_value(|shelf| {
            let notice = shelf.remove(id, now_ms);
            self.packs.set(shelf.packs().cloned().collect());
            notice
        });
        if let Some(Some(notice)) = notice {
            self.notice.set(Some(notice));
        }
        self.change_pack_progress(|book| book.reset(Some(id), now_ms));
    }

    pub fn go_to(&self, route: Route) {
        location::go_to(&route);
    }

    /// Records a finished quiz, which is then no longer unfinished.
    pub fn record(&self, result: AttemptResult) {
        if self.is_pack(&result.book) {
            self.change_pack_progress(|book| book.record(result));
            self.discard_unfinished();
            return;
        }
        self.change_progress(|book| {
            let notice = book.record(result);
            book.drop_unfinished();
            notice
        });
        self.unfinished.set(None);
    }

    /// Saves the quiz in progress, so a reload or a crash loses no answer.
    pub fn keep_unfinished(&self, quiz: UnfinishedQuiz) {
        let title = self.book_title(quiz.attempt.book());
        self.change_progress(|book| book.keep_unfinished(&quiz, &title));
        self.unfinished.set(Some(quiz));
    }

    pub fn discard_unfinished(&self) {
        self.change_progress(|book| {
            book.drop_unfinished();
            None
        });
        self.unfinished.set(None);
    }

    /// Forgets one book's or pack's progress, or all of it with `None`.
    pub fn reset_progress(&self, book: Option<String>) {
        let now_ms = self.now_ms();
        let of_pack = book.as_deref().is_some_and(|id| self.is_pack(id));
        if book.is_none() || of_pack {
            self.change_pack_progress(|progress| progress.reset(book.as_deref(), now_ms));
        }
        if !of_pack {
            self.change_progress(|progress| progress.reset(book.as_deref(), now_ms));
        }
    }

    pub fn remember_quiz_length(&self, quiz_length: usize) {
        let settings = Settings {
            quiz_length: Some(quiz_length),
            changed_at_ms: self.now_ms(),
        };
        self.change_progress(|progress| progress.change_settings(settings));
    }

    /// Everything kept, as the text of an export file.
    pub fn export_progress(&self) -> String {
        let now_ms = self.now_ms();
        self.with_records(|records| records.export(now_ms))
            .unwrap_or_default()
    }

    /// Merges an export file in; the message says what was imported or why
    /// the file was refused.
    pub fn import_progress(&self, text: &str) -> Result<String, String> {
        let now_ms = self.now_ms();
        let outcome = self
            .with_records(|records| {
                let outcome = records.import(text, now_ms);
                self.progress.set(records.books.progress().clone());
                self.pack_progress
                    .set(records.pack_progress.progress().clone());
                self.packs.set(records.packs.packs().cloned().collect());
                outcome
            })
            .ok_or_else(|| "The app is closing.".to_owned())?;
        let (report, notices) = outcome.map_err(|error| error.message())?;
        if !notices.is_empty() {
            self.notice.set(Some(notices.join(" ")));
        }
        Ok(report.message(|book| self.book_title(book)))
    }

    /// Works on the three stored records together; `None` once the app is
    /// closing.
    fn with_records<T>(&self, act: impl FnOnce(&mut Records<BrowserStore>) -> T) -> Option<T> {
        self.progress_book.try_update_value(|books| {
            self.pack_progress_book.try_update_value(|pack_progress| {
                self.pack_shelf.try_update_value(|packs| {
                    act(&mut Records {
                        books,
                        pack_progress,
                        packs,
                    })
                })
            })
        })??
    }

    /// The title of a book of the catalog or of a pack, or its id before
    /// it is loaded.
    pub fn book_title(&self, book: &str) -> String {
        if let Some(pack) = self.pack(book) {
            return pack.bank.book.title.clone();
        }
        self.catalog.with_untracked(|catalog| match catalog {
            Load::Ready(catalog) => catalog
                .entry(book)
                .map_or_else(|| book.to_owned(), |entry| entry.book.title.clone()),
            _ => book.to_owned(),
        })
    }

    /// The interview exam left running, if any.
    pub fn saved_exam(&self) -> Option<SavedExam> {
        self.progress_book.with_value(|book| book.saved_exam())
    }

    /// Saves the exam after each answer, so a reload keeps it and its clock.
    pub fn keep_exam(&self, exam: SavedExam) {
        self.change_progress(|book| book.keep_exam(&exam));
    }

    pub fn record_exam(&self, attempts: Vec<AttemptResult>, summary: ExamSummary) {
        self.change_progress(|book| book.record_exam(attempts, summary));
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
        self.change_progress(|book| book.refresh(now_ms));
        self.change_pack_progress(|book| book.refresh(now_ms));
        // An embed shows its pack off the shelf: the shelf is not its list.
        if matches!(self.route.get_untracked(), Route::Embed(_)) {
            return;
        }
        let notice = self.pack_shelf.try_update_value(|shelf| {
            let notice = shelf.refresh(now_ms);
            let packs: Vec<LoadedPack> = shelf.packs().cloned().collect();
            // Most storage events are progress saves: pages showing packs
            // are redrawn only when the list really changed.
            if self.packs.with_untracked(|shown| *shown != packs) {
                self.packs.set(packs);
            }
            notice
        });
        if let Some(Some(notice)) = notice {
            self.notice.set(Some(notice));
        }
    }

    fn change_progress(
        &self,
        change: impl FnOnce(&mut ProgressBook<BrowserStore>) -> Option<StorageNotice>,
    ) {
        self.change_record(self.progress_book, self.progress, change);
    }

    fn change_pack_progress(
        &self,
        change: impl FnOnce(&mut ProgressBook<BrowserStore>) -> Option<StorageNotice>,
    ) {
        self.change_record(self.pack_progress_book, self.pack_progress, change);
    }

    /// Changes one record of progress and shows the result and any notice.
    fn change_record(
        &self,
        record: StoredValue<ProgressBook<BrowserStore>, LocalStorage>,
        shown: RwSignal<Progress>,
        change: impl FnOnce(&mut ProgressBook<BrowserStore>) -> Option<StorageNotice>,
    ) {
        let notice = record.try_update_value(|book| {
            let notice = change(book);
            shown.set(book.progress().clone());
            notice
        });
        if let Some(Some(notice)) = notice {
            self.notice.set(Some(notice.message()));
        }
    }

    /// A book's bank, downloaded once per visit, or a loaded pack's.
    pub async fn bank(&self, book: &str) -> Result<Arc<Bank>, String> {
        if let Some(pack) = self.pack(book) {
            return Ok(pack.bank);
        }
        let cached = self.banks.with_value(|banks| {
            banks
                .iter()
                .find(|(id, _)| id == book)
                .map(|(_, bank)| bank.clone())
        });
        if let Some(bank) = cached {
            return Ok(bank);
        }
        let json = fetch_text(&format!("banks/{book}.json")).await?;
        let bank = Arc::new(read_bank(&json)?);
        self.banks
            .update_value(|banks| banks.push((book.to_owned(), bank.clone())));
        Ok(bank)
    }

    pub fn now_ms(&self) -> u64 {
        BrowserClock.now_ms()
    }
}

pub fn app_state() -> AppState {
    expect_context::<AppState>()
}
