use std::sync::Arc;

use leptos::prelude::*;
use quiz_domain::{Bank, WhereToRead};

use crate::state::app_state;
use crate::ui::reading_links::{OfflineNote, ReadingLinkList};

/// Where the book itself can be read, on its page: the free edition and its
/// licence, or the publisher, and free reading beside it. It comes with the
/// bank, which the page downloads at once since a quiz will need it.
#[component]
pub fn WhereToReadSection(book: String) -> impl IntoView {
    let state = app_state();
    let bank = RwSignal::new(None::<Result<Arc<Bank>, String>>);
    leptos::task::spawn_local(async move {
        drop(bank.try_set(Some(state.bank(&book).await)));
    });
    move || match bank.get() {
        None => None,
        Some(Err(error)) => Some(
            view! {
                <section class="where-to-read" aria-labelledby="where-to-read">
                    <h2 id="where-to-read">"Where to read it"</h2>
                    <p role="alert" class="error">{error}</p>
                </section>
            }
            .into_any(),
        ),
        Some(Ok(bank)) => bank.where_to_read.clone().map(|places| {
            view! {
                <section class="where-to-read" aria-labelledby="where-to-read">
                    <h2 id="where-to-read">"Where to read it"</h2>
                    <Places places/>
                    <OfflineNote/>
                </section>
            }
            .into_any()
        }),
    }
}

#[component]
fn Places(places: WhereToRead) -> impl IntoView {
    let edition = match (places.free_edition, places.publisher) {
        (Some(free), _) => Some(view! {
            <p>{format!("Free to read online, by its authors' choice. Licence: {}.", free.licence)}</p>
            <ReadingLinkList links=vec![free.link]/>
        }.into_any()),
        (None, Some(publisher)) => Some(view! {
            <p>"Not free online: the publisher's page."</p>
            <ReadingLinkList links=vec![publisher]/>
        }.into_any()),
        (None, None) => None,
    };
    let companions = (!places.companions.is_empty()).then(|| {
        view! {
            <p>"Free reading on the same ground:"</p>
            <ReadingLinkList links=places.companions/>
        }
    });
    view! { {edition} {companions} }
}
