//! Python Architect Quiz in the browser: the Leptos delivery layer and the
//! browser adapters. Rules live in `quiz-domain`, use cases in
//! `quiz-application`; this crate only wires them to the page.

mod adapters;
mod state;
mod ui;

/// Entry point of the whole app, called by its binary once the Wasm
/// module is loaded.
pub fn start() {
    adapters::fatal::install_panic_hook();
    remove_boot_message();
    leptos::mount::mount_to_body(ui::app::App);
}

/// Entry point of the home page's own Wasm, which gives the page back to
/// the whole app when the person leaves home.
pub fn start_home() {
    adapters::fatal::install_panic_hook();
    remove_boot_message();
    let home = leptos::mount::mount_to(
        leptos::prelude::document()
            .body()
            .expect("a page has a body"),
        ui::home_app::HomeApp,
    );
    adapters::app_handover::on_leave_home(move || drop(home));
}

fn remove_boot_message() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}
