//! The state the pages share, and the calls that change it. Each call goes
//! through the application layer; this file only keeps the results in
//! signals so the pages redraw.

use std::sync::Arc;

use leptos::prelude::*;
use quiz_application::{
    read_bank, read_catalog, Clock, Progress, ProgressBook, Route, StorageNotice, UnfinishedQuiz,
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
