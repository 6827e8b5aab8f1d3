use leptos::prelude::*;

/// What the person should read about their stored data, until dismissed.
#[component]
pub fn Notice(notice: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        notice.get().map(|message| {
            view! {
                <div class="notice" role="alert">
                    <p>{message}</p>
                    <button type="button" on:click=move |_| notice.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}
