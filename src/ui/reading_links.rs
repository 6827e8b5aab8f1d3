//! The places to read about a question: after its answer and in the results
//! review, and where to read a book, on its page. Each opens in a new tab,
//! says which site it leads to, and is announced as external; the readiness
//! report, built as a string, lists them in the same words and markup
//! (`quiz_application::reports`).

use leptos::prelude::*;
use quiz_application::reports::{EXTERNAL, NEEDS_CONNECTION};
use quiz_domain::ReadingLink;

use crate::adapters::connection::is_online;

#[component]
pub fn ReadingLinks(links: Vec<ReadingLink>) -> impl IntoView {
    view! {
        <div class="reading">
            <p class="reading-title">"Read more"</p>
            <ReadingLinkList links/>
            <OfflineNote/>
        </div>
    }
}

/// The links as a list; one without a plain https host is left out.
#[component]
pub fn ReadingLinkList(links: Vec<ReadingLink>) -> impl IntoView {
    let items = links
        .into_iter()
        .filter_map(|link| {
            let host = link.host()?.to_owned();
            Some(view! {
                <li>
                    <a href=link.url target="_blank" rel="noopener noreferrer">
                        {link.label}<span class="visually-hidden">{EXTERNAL}</span>
                    </a>
                    " " <span class="link-host">{host}</span>
                </li>
            })
        })
        .collect_view();
    view! { <ul class="reading-links">{items}</ul> }
}

/// Shown while the browser is offline, beside links it cannot open then.
#[component]
pub fn OfflineNote() -> impl IntoView {
    let online = RwSignal::new(is_online());
    let on_change = move |_| online.set(is_online());
    let listeners = [
        window_event_listener(leptos::ev::online, on_change),
        window_event_listener(leptos::ev::offline, on_change),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));
    view! { <p class="offline-note" hidden=move || online.get()>{NEEDS_CONNECTION}</p> }
}
