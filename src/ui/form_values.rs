use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The values of the inputs matching `selector` (ticked checkboxes, say),
/// in page order: read from the form when it is used, so ticking costs no
/// reactive state.
pub fn input_values(selector: &str) -> Vec<String> {
    let Ok(inputs) = document().query_selector_all(selector) else {
        return Vec::new();
    };
    (0..inputs.length())
        .filter_map(|i| inputs.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .collect()
}
