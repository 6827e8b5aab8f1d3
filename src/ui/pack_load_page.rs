use leptos::prelude::*;
use quiz_application::{PackUrl, Route};

use crate::adapters::fetch::fetch_pack;
use crate::adapters::location;
use crate::state::app_state;
use crate::ui::focus::focus_page_on_open;
use crate::ui::pack_problems::PackProblems;

/// `#/pack?url=…`: fetches the pack, keeps it and opens its page, or says
/// why it could not.
#[component]
pub fn PackLoadPage(url: Result<PackUrl, String>) -> impl IntoView {
    let state = app_state();
    focus_page_on_open();
    let problems = RwSignal::new(None::<Vec<String>>);
    let source = url.as_ref().ok().map(|url| url.as_str().to_owned());
    match url {
        Err(reason) => problems.set(Some(vec![reason])),
        Ok(url) => leptos::task::spawn_local(async move {
            let added = match fetch_pack(url.as_str()).await {
                Ok(json) => state.add_pack(&json, url.as_str()),
                Err(problem) => Err(vec![problem]),
            };
            match added {
                // Replaced, not pushed: Back must not load the pack again.
                Ok(book) => location::replace_with(&Route::Book { book }),
                Err(found) => drop(problems.try_set(Some(found))),
            }
        }),
    }
    view! {
        <section class="page">
            <p class="crumbs"><a href="#/packs">"Your quiz packs"</a></p>
            <h1 tabindex="-1" data-autofocus="">"Loading a quiz pack"</h1>
            {source.map(|source| view! { <p class="pack-source">"From " <code>{source}</code></p> })}
            {move || match problems.get() {
                None => view! { <p role="status">"Loading the pack…"</p> }.into_any(),
                Some(problems) => view! {
                    <PackProblems problems/>
                    <p><a href="#/packs">"Load a pack from a file or another address"</a></p>
                }.into_any(),
            }}
        </section>
    }
}
