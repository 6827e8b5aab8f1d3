use leptos::ev;
use leptos::prelude::*;

use crate::adapters::{app_handover, location};
use crate::state::AppState;
use crate::ui::home_page::HomePage;
use crate::ui::notice::Notice;
use crate::ui::site_frame::{SiteFooter, SiteHeader};

/// The home page as a Wasm of its own: any other route is the whole app's,
/// which the loader starts in its place.
#[component]
pub fn HomeApp() -> impl IntoView {
    let state = AppState::start_home();
    provide_context(state);
    let leave_if_not_home = move || {
        if !location::is_at_home() {
            app_handover::open_full_app(&state.held_records());
        }
    };
    leave_if_not_home();
    let listener = window_event_listener(ev::hashchange, move |_| leave_if_not_home());
    // Another tab of the app saved progress: show it here too.
    let other_tabs = window_event_listener(ev::storage, move |_| state.refresh_progress());
    on_cleanup(move || {
        listener.remove();
        other_tabs.remove();
    });
    view! {
        <SiteHeader/>
        <Notice/>
        <main id="main">
            <HomePage/>
        </main>
        <SiteFooter/>
    }
}
