//! The state of the home page's own Wasm: what `HomeRecords` reads from
//! storage, the catalog, and the swap to the whole app when the person
//! leaves home or another tab leaves records home cannot show.

use leptos::prelude::*;
use quiz_application::home::{HomeRecords, HomeSummary, HomeView};
use quiz_application::quiz::ResumeOffer;
use quiz_domain::Catalog;

use crate::adapters::app_handover;
use crate::adapters::browser_store::BrowserStore;
use crate::home_data::HomeData;
use crate::state::{fetch_catalog, Load};

#[derive(Clone, Copy)]
pub struct HomeState {
    records: StoredValue<HomeRecords<BrowserStore>, LocalStorage>,
    catalog: RwSignal<Load<Catalog>>,
    summary: RwSignal<HomeSummary>,
    resume: RwSignal<Option<ResumeOffer>>,
}

impl HomeState {
    /// Starts on what `records` showed at their first reading.
    pub fn start(records: HomeRecords<BrowserStore>, first: HomeView) -> HomeState {
        let state = HomeState {
            records: StoredValue::new_local(records),
            catalog: RwSignal::new(Load::Loading),
            summary: RwSignal::new(first.summary),
            resume: RwSignal::new(first.resume),
        };
        leptos::task::spawn_local(async move { state.catalog.set(fetch_catalog().await) });
        state
    }

    /// Shows what was read, or hands the page to the whole app, which can
    /// tell what the records hold and say what is wrong with them.
    fn show(&self, view: Option<HomeView>) {
        match view {
            Some(view) => {
                self.summary.set(view.summary);
                self.resume.set(view.resume);
            }
            None => self.open_full_app(),
        }
    }

    /// Takes in what another tab saved (the `storage` event).
    pub fn refresh(&self) {
        let view = self.records.try_update_value(|records| records.read());
        if let Some(view) = view {
            self.show(view);
        }
    }

    pub fn open_full_app(&self) {
        self.records
            .with_value(|records| app_handover::open_full_app(records.held()));
    }

    pub fn data(&self) -> HomeData {
        let state = *self;
        HomeData {
            catalog: self.catalog.into(),
            summary: self.summary.into(),
            resume: self.resume.into(),
            discard: Callback::new(move |()| {
                state.records.with_value(HomeRecords::discard_unfinished);
                state.resume.set(None);
            }),
        }
    }
}
