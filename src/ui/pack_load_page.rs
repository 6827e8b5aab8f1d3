use leptos::prelude::*;
use quiz_application::packs::{LinkedPack, LoadedPack, PackUrl};
use quiz_application::Route;

use crate::adapters::fetch::fetch_pack;
use crate::adapters::location;
use crate::state::app_state;
use crate::ui::focus::{focus_page_on_open, focus_soon};
use crate::ui::pack_problems::PackProblems;

/// Where loading the pack of a link stands.
#[derive(Clone)]
enum Loading {
    Fetching,
    Refused(Vec<String>),
    /// The pack (its JSON) would replace this one, loaded from elsewhere.
    AsksToReplace(String, LoadedPack),
}

/// `#/pack?url=…`: fetches the pack, keeps it and opens its page, or says
/// why it could not. A pack that would replace one of the same id loaded
/// from elsewhere waits for the person to choose.
#[component]
pub fn PackLoadPage(url: Result<PackUrl, String>) -> impl IntoView {
    let state = app_state();
    focus_page_on_open();
    let loading = RwSignal::new(Loading::Fetching);
    let source = url.as_ref().ok().map(|url| url.as_str().to_owned());
    // Replaced, not pushed: Back must not load the pack again.
    let open_pack = |book: String| location::replace_with(&Route::Book { book });
    match url {
        Err(reason) => loading.set(Loading::Refused(vec![reason])),
        Ok(url) => leptos::task::spawn_local(async move {
            let fetched = fetch_pack(url.as_str()).await;
            let linked = fetched
                .map_err(|problem| vec![problem])
                .and_then(|json| Ok((state.add_pack_from_link(&json, url.as_str())?, json)));
            match linked {
                Ok((LinkedPack::Added(added), _)) => open_pack(added.id),
                Ok((LinkedPack::WouldReplace(kept), json)) => {
                    drop(loading.try_set(Loading::AsksToReplace(json, kept)))
                }
                Err(found) => drop(loading.try_set(Loading::Refused(found))),
            }
        }),
    }
    let replace = {
        let source = source.clone().unwrap_or_default();
        move |json: String| match state.add_pack(&json, &source) {
            Ok(book) => open_pack(book),
            Err(found) => loading.set(Loading::Refused(found)),
        }
    };
    view! {
        <section class="page">
            <p class="crumbs"><a href="#/packs">"Your quiz packs"</a></p>
            <h1 tabindex="-1" data-autofocus="">"Loading a quiz pack"</h1>
            {source.map(|source| view! { <p class="pack-source">"From " <code>{source}</code></p> })}
            {move || match loading.get() {
                Loading::Fetching => view! { <p role="status">"Loading the pack…"</p> }.into_any(),
                Loading::Refused(problems) => view! {
                    <PackProblems problems/>
                    <p><a href="#/packs">"Load a pack from a file or another address"</a></p>
                }.into_any(),
                Loading::AsksToReplace(json, kept) => {
                    let replace = replace.clone();
                    let id = kept.bank.book.id.clone();
                    focus_soon("#replace-pack");
                    view! {
                        <p role="alert" id="replace-question">
                            "This link's pack has the id of \"" {kept.bank.book.title.clone()}
                            "\", which you loaded from " <code>{kept.source.clone()}</code>
                            ". Replace it with the pack from this link? Its results are kept."
                        </p>
                        <p class="actions">
                            <button type="button" class="primary" id="replace-pack" on:click=move |_| replace(json.clone())>"Replace it"</button>
                            <button type="button" id="keep-pack" on:click=move |_| open_pack(id.clone())>"Keep the one I have"</button>
                        </p>
                    }.into_any()
                }
            }}
        </section>
    }
}
