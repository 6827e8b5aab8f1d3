use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves keyboard focus to the first element matching `selector` once the
/// page has drawn, so the next thing to do is where the keyboard is.
pub fn focus_soon(selector: impl Into<String>) {
    let selector = selector.into();
    request_animation_frame(move || {
        let element = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// Focuses the page's heading (or what it marks with `data-autofocus`)
/// whenever a page opens.
pub fn focus_page_on_open() {
    Effect::new(move |_| focus_soon("[data-autofocus]"));
}

/// `focus_page_on_open` for a page whose heading waits for a download
/// (a deep link, or the whole app taking over from the home page's Wasm):
/// focuses it once, when `ready` first holds.
pub fn focus_page_when_ready(ready: impl Fn() -> bool + 'static) {
    Effect::new(move |focused: Option<bool>| {
        if focused == Some(true) {
            return true;
        }
        let ready = ready();
        if ready {
            focus_soon("[data-autofocus]");
        }
        ready
    });
}
