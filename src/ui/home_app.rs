use leptos::ev;
use leptos::prelude::*;
use quiz_application::home::{HomeRecords, HomeView};

use crate::adapters::browser_store::BrowserStore;
use crate::adapters::location;
use crate::home_state::HomeState;
use crate::ui::home_page::HomePage;
use crate::ui::site_frame::{SiteFooter, SiteHeader};

/// The home page as a Wasm of its own: any other route is the whole app's,
/// which the loader starts in its place.
#[component]
pub fn HomeApp(records: HomeRecords<BrowserStore>, first: HomeView) -> impl IntoView {
    let state = HomeState::start(records, first);
    let leave_if_not_home = move || {
        if !location::is_at_home() {
            state.open_full_app();
        }
    };
    leave_if_not_home();
    let listener = window_event_listener(ev::hashchange, move |_| leave_if_not_home());
    // Another tab of the app saved progress: show it here too.
    let other_tabs = window_event_listener(ev::storage, move |_| state.refresh());
    on_cleanup(move || {
        listener.remove();
        other_tabs.remove();
    });
    view! {
        <SiteHeader/>
        <main id="main">
            <HomePage data=state.data()/>
        </main>
        <SiteFooter/>
    }
}
