//! Python Architect Quiz in the browser: the Leptos delivery layer and the
//! browser adapters. Rules live in `quiz-domain`, use cases in
//! `quiz-application`; this crate only wires them to the page.

use adapters::browser_store::BrowserStore;
use quiz_application::home::HomeRecords;

mod adapters;
mod first_quiz_state;
mod home_data;
mod home_state;
mod quiz_host;
mod state;
mod ui;

/// Entry point of the whole app, called by its binary once the Wasm
/// module is loaded.
pub fn start() {
    adapters::fatal::install_panic_hook();
    remove_boot_message();
    leptos::mount::mount_to_body(ui::app::App);
}

/// Entry point of the home page's own Wasm, which gives the page to the
/// whole app when the person leaves home, or at once when the stored
/// records are ones only the whole app can show (the "Loading…" message
/// then stays until it starts).
pub fn start_home() {
    adapters::fatal::install_panic_hook();
    let mut records = HomeRecords::open(BrowserStore::open());
    let Some(first) = records.read() else {
        adapters::app_handover::open_full_app(records.held());
        return;
    };
    mount_until_hand_over(move || leptos::view! { <ui::home_app::HomeApp records first/> });
}

/// Entry point of the quiz's own Wasm, which a quiz link or a book's
/// embed starts: it asks the questions, then gives the page to the whole
/// app for the results, or as soon as the person goes elsewhere.
pub fn start_first_quiz() {
    adapters::fatal::install_panic_hook();
    use ui::first_quiz_app::{FirstQuizApp, FirstQuizPage};
    let Some(page) = FirstQuizPage::of(adapters::location::current_route()) else {
        adapters::app_handover::open_full_app(&[]);
        return;
    };
    mount_until_hand_over(move || leptos::view! { <FirstQuizApp page/> });
}

/// Draws a first Wasm's page until the loader starts the whole app.
fn mount_until_hand_over<V: leptos::prelude::IntoView + 'static>(
    page: impl FnOnce() -> V + 'static,
) {
    remove_boot_message();
    let body = leptos::prelude::document()
        .body()
        .expect("a page has a body");
    let mounted = leptos::mount::mount_to(body, page);
    adapters::app_handover::on_hand_over(move || drop(mounted));
}

fn remove_boot_message() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}
