use leptos::prelude::*;
use quiz_application::home::HomeSummary;
use quiz_application::quiz::ResumeOffer;
use quiz_domain::Catalog;

use crate::state::Load;

/// What the home page draws: from the whole app's state
/// (`AppState::home_data`), or from the summaries the home page's own
/// Wasm reads (`HomeState`).
#[derive(Clone, Copy)]
pub struct HomeData {
    pub catalog: Signal<Load<Catalog>>,
    pub summary: Signal<HomeSummary>,
    pub resume: Signal<Option<ResumeOffer>>,
    pub discard: Callback<()>,
}
