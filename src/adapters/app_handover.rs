//! The home page and a quiz link each run a Wasm of their own, a third of
//! the whole app's size, so the first page loads fast. The loader in
//! index.html (`public/boot.js`) swaps either for the whole app when the
//! person goes beyond it; these are the two ends of that swap: the first
//! Wasm's and the whole app's.

use wasm_bindgen::{JsCast, JsValue};

/// Sent by the first Wasm: the person is going beyond its page.
const OPEN_APP: &str = "python-architect-quiz:open-app";
/// Sent by the loader once the whole app is ready to start.
const HAND_OVER: &str = "python-architect-quiz:hand-over";

/// Where the first Wasm leaves what it has seen and kept for the whole
/// app: a property of the page's window, never stored.
const HELD_RECORDS: &str = "pythonArchitectQuizHeldRecords";

/// Asks the loader for the whole app, which then starts on the current
/// route. `held` are values by storage key: the progress records the home
/// page has seen, or the quiz the quiz's Wasm kept; storage may have lost
/// them (another tab wrote over it) or refused them.
pub fn open_full_app(held: &[(&str, String)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let records = js_sys::Object::new();
    for (key, value) in held {
        let key = JsValue::from_str(key);
        let values = js_sys::Reflect::get(&records, &key)
            .ok()
            .and_then(|values| values.dyn_into::<js_sys::Array>().ok())
            .unwrap_or_default();
        values.push(&JsValue::from_str(value));
        let _ = js_sys::Reflect::set(&records, &key, &values);
    }
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str(HELD_RECORDS), &records);
    if let Ok(event) = web_sys::Event::new(OPEN_APP) {
        let _ = window.dispatch_event(&event);
    }
}

/// Whether this Wasm takes over from another in the same page.
pub fn is_taking_over() -> bool {
    web_sys::window().is_some_and(|window| {
        js_sys::Reflect::has(&window, &JsValue::from_str(HELD_RECORDS)).unwrap_or(false)
    })
}

/// The values under `key` the first Wasm held when it handed over, once.
pub fn take_held_records(key: &str) -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let Ok(records) = js_sys::Reflect::get(&window, &JsValue::from_str(HELD_RECORDS)) else {
        return Vec::new();
    };
    let Some(records) = records.dyn_ref::<js_sys::Object>() else {
        return Vec::new();
    };
    let key = JsValue::from_str(key);
    let values = js_sys::Reflect::get(records, &key)
        .ok()
        .and_then(|values| values.dyn_into::<js_sys::Array>().ok())
        .map(|values| {
            values
                .iter()
                .filter_map(|value| value.as_string())
                .collect()
        })
        .unwrap_or_default();
    let _ = js_sys::Reflect::delete_property(records, &key);
    values
}

/// Runs `leave` when the loader is about to start the whole app.
pub fn on_hand_over(leave: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(leave);
    let _ = window.add_event_listener_with_callback(HAND_OVER, callback.unchecked_ref());
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn held_records_reach_the_whole_app_once_each() {
        let asked = Rc::new(Cell::new(false));
        let listener = {
            let asked = asked.clone();
            Closure::<dyn Fn()>::new(move || asked.set(true))
        };
        let window = web_sys::window().unwrap();
        window
            .add_event_listener_with_callback(OPEN_APP, listener.as_ref().unchecked_ref())
            .unwrap();
        open_full_app(&[
            ("progress", "first".into()),
            ("packs", "only".into()),
            ("progress", "second".into()),
        ]);
        assert!(asked.get(), "the loader is asked for the whole app");
        assert!(is_taking_over());
        assert_eq!(take_held_records("progress"), ["first", "second"]);
        assert_eq!(take_held_records("progress"), Vec::<String>::new());
        assert_eq!(take_held_records("packs"), ["only"]);
        assert_eq!(take_held_records("nothing"), Vec::<String>::new());
        window
            .remove_event_listener_with_callback(OPEN_APP, listener.as_ref().unchecked_ref())
            .unwrap();
    }

    #[wasm_bindgen_test]
    fn the_first_wasm_leaves_once_the_loader_says_so() {
        let left = Rc::new(Cell::new(0));
        {
            let left = left.clone();
            on_hand_over(move || left.set(left.get() + 1));
        }
        let window = web_sys::window().unwrap();
        window
            .dispatch_event(&web_sys::Event::new(HAND_OVER).unwrap())
            .unwrap();
        assert_eq!(left.get(), 1);
    }
}
