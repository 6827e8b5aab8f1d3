use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::focus::focus_soon;

/// A button for something that cannot be undone: the first press asks,
/// the second (on the button that appears, which takes focus) does it.
#[component]
pub fn ConfirmButton(
    /// The id of the first button; the confirming one is `{id}-confirm`.
    id: String,
    label: String,
    question: String,
    confirm: String,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let confirm_id = format!("{id}-confirm");
    move || {
        if asking.get() {
            focus_soon(format!("#{confirm_id}"));
            view! {
                <div class="confirm" role="group" aria-label=label.clone()>
                    <p>{question.clone()}</p>
                    <button type="button" class="danger" id=confirm_id.clone() on:click=move |_| {
                        asking.set(false);
                        on_confirm.run(());
                    }>{confirm.clone()}</button>
                    <button type="button" on:click=move |_| asking.set(false)>"Keep it"</button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" id=id.clone() on:click=move |_| asking.set(true)>{label.clone()}</button>
            }
            .into_any()
        }
    }
}

/// Presses the first button of the `ConfirmButton` with `id`, as a keyboard
/// shortcut does (Escape asks whether to leave a quiz or an exam).
pub fn press_confirm_button(id: &str) {
    if let Some(button) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        button.click();
    }
}
