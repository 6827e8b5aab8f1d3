use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `on_change` with the document's height in CSS pixels (rounded up)
/// at once and whenever it changes, through a ResizeObserver on `<html>`,
/// whose height is its content's. Watches for the life of the page.
pub fn watch_document_height(on_change: impl Fn(u32) + 'static) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let measured = root.clone();
    let callback = Closure::<dyn Fn()>::new(move || {
        on_change(measured.get_bounding_client_rect().height().ceil() as u32)
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer calls it until the page closes.
    callback.forget();
}
