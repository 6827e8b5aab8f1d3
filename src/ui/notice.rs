use leptos::prelude::*;

use crate::state::app_state;

#[component]
pub fn Notice() -> impl IntoView {
    let state = app_state();
    move || {
        state.notice.get().map(|message| {
            view! {
                <div class="notice" role="alert">
                    <p>{message}</p>
                    <button type="button" on:click=move |_| state.notice.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}
