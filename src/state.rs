//! The state the pages share, and the calls that change it. Each call goes
//! through the application layer; this file only keeps the results in
//! signals so the pages redraw.

use std::sync::Arc;

use leptos::prelude::*;
use quiz_application::{
    read_bank, read_catalog, Clock, ExamSummary, Progress, ProgressBook, Route, SavedExam,
    Settings, StorageNotice, UnfinishedQuiz,
};
use quiz_domain::{AttemptResult, Bank, Catalog};

use crate::adapters::browser_store::BrowserStore;
use crate::adapters::clock::BrowserClock;
use crate::adapters::fetch::fetch_text;
use crate::adapters::location;

#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(String),
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
    progress_book: StoredValue<ProgressBook<BrowserStore>, LocalStorage>,
    /// Banks downloaded this visit; five at most, so a list beats a map.
    banks: StoredValue<Vec<(String, Arc<Bank>)>>,
}

impl AppState {
    pub fn start() -> AppState {
        let (book, notice) = ProgressBook::open(BrowserStore::open(), BrowserClock.now_ms());
        let state = AppState {
            route: RwSignal::new(location::current_route()),
            progress: RwSignal::new(book.progress().clone()),
            notice: RwSignal::new(notice.map(|n| n.message())),
            catalog: RwSignal::new(Load::Loading),
            unfinished: RwSignal::new(book.unfinished()),
            progress_book: StoredValue::new_local(book),
            banks: StoredValue::new(Vec::new()),
        };
        leptos::task::spawn_local(async move {
            let loaded = match fetch_text("banks/catalog.json").await {
                Ok(json) => read_catalog(&json).map_or_else(Load::Failed, Load::Ready),
                Err(error) => Load::Failed(error),
            };
            state.catalog.set(loaded);
        });
        state
    }

    pub fn go_to(&self, route: Route) {
        location::go_to(&route);
    }

    /// Records a finished quiz, which is then no longer unfinished.
    pub fn record(&self, result: AttemptResult) {
        self.change_progress(|book| {
            let notice = book.record(result);
            book.drop_unfinished();
            notice
        });
        self.unfinished.set(None);
    }

    /// Saves the quiz in progress, so a reload or a crash loses no answer.
    pub fn keep_unfinished(&self, quiz: UnfinishedQuiz) {
        self.change_progress(|book| book.keep_unfinished(&quiz));
        self.unfinished.set(Some(quiz));
    }

    pub fn discard_unfinished(&self) {
        self.change_progress(|book| {
            book.drop_unfinished();
            None
        });
        self.unfinished.set(None);
    }

    /// Forgets one book's progress, or every book's with `None`.
    pub fn reset_progress(&self, book: Option<String>) {
        let now_ms = self.now_ms();
        self.change_progress(|progress| progress.reset(book.as_deref(), now_ms));
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
        self.progress_book.with_value(|book| book.export(now_ms))
    }

    /// Merges an export file in; the message says what was imported or why
    /// the file was refused.
    pub fn import_progress(&self, text: &str) -> Result<String, String> {
        let now_ms = self.now_ms();
        let outcome = self
            .progress_book
            .try_update_value(|book| {
                let outcome = book.import(text, now_ms);
                self.progress.set(book.progress().clone());
                outcome
            })
            .ok_or_else(|| "The app is closing.".to_owned())?;
        let (report, notice) = outcome.map_err(|error| error.message())?;
        if let Some(notice) = notice {
            self.notice.set(Some(notice.message()));
        }
        Ok(report.message(|book| self.book_title(book)))
    }

    /// The title of a book of the catalog, or its id before it is loaded.
    pub fn book_title(&self, book: &str) -> String {
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
    }

    fn change_progress(
        &self,
        change: impl FnOnce(&mut ProgressBook<BrowserStore>) -> Option<StorageNotice>,
    ) {
        let notice = self.progress_book.try_update_value(|book| {
            let notice = change(book);
            self.progress.set(book.progress().clone());
            notice
        });
        if let Some(Some(notice)) = notice {
            self.notice.set(Some(notice.message()));
        }
    }

    /// A book's bank, downloaded once per visit.
    pub async fn bank(&self, book: &str) -> Result<Arc<Bank>, String> {
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
