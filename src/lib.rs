//! Python Architect Quiz in the browser: the Leptos delivery layer and the
//! browser adapters. Rules live in `quiz-domain`, use cases in
//! `quiz-application`; this crate only wires them to the page.

mod adapters;
mod state;
mod ui;

/// Entry point called by the binary once the Wasm module is loaded.
pub fn start() {
    adapters::fatal::install_panic_hook();
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(ui::app::App);
}
