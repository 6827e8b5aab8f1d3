use leptos::ev;
use leptos::prelude::*;
use quiz_application::packs::{pack_size_problem, LoadedPack, PackUrl, MAX_PACK_BYTES};
use quiz_application::Route;
use wasm_bindgen::JsCast;

use crate::adapters::file_transfer::read_chosen_file;
use crate::state::app_state;
use crate::ui::confirm_button::ConfirmButton;
use crate::ui::focus::focus_page_on_open;
use crate::ui::form_values::input_values;
use crate::ui::pack_problems::PackProblems;

/// `#/packs`: the quiz packs loaded in this browser, and loading another
/// from an address or a file.
#[component]
pub fn PacksPage() -> impl IntoView {
    let state = app_state();
    focus_page_on_open();
    let problems = RwSignal::new(None::<Vec<String>>);
    let load_address = move |event: ev::SubmitEvent| {
        event.prevent_default();
        let address = input_values("#pack-url").concat();
        match PackUrl::parse(address.trim()) {
            Ok(url) => state.go_to(Route::LoadPack(Ok(url))),
            Err(problem) => problems.set(Some(vec![problem])),
        }
    };
    let load_file = move |event: ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let too_big = |bytes| pack_size_problem(bytes).unwrap_or_default();
            let added = match read_chosen_file(&input, MAX_PACK_BYTES, too_big).await {
                Ok(Some(file)) => state.add_pack(&file.text, &file.name),
                Ok(None) => return,
                Err(problem) => Err(vec![problem]),
            };
            // Cleared so that choosing the same file again loads it again.
            input.set_value("");
            match added {
                Ok(book) => state.go_to(Route::Book { book }),
                Err(found) => problems.set(Some(found)),
            }
        });
    };
    view! {
        <section class="page packs-page">
            <p class="crumbs"><a href="#/">"All books"</a></p>
            <h1 tabindex="-1" data-autofocus="">"Your quiz packs"</h1>
            <p class="lead">"A course author can give you a pack of questions of their own: a file, or an address to load it from. Packs and their scores stay in this browser, apart from the books."</p>
            {move || {
                let packs = state.packs.get();
                if packs.is_empty() {
                    view! { <p id="no-packs">"No pack loaded yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="books packs">{packs.into_iter().map(|pack| view! { <PackCard pack/> }).collect_view()}</ul>
                    }.into_any()
                }
            }}
            <h2>"Load a pack"</h2>
            {move || problems.get().map(|problems| view! { <PackProblems problems/> })}
            <form class="pack-address" novalidate="" on:submit=load_address>
                <label for="pack-url">"The pack's address (https://…)"</label>
                <input type="url" id="pack-url" name="url" required="" spellcheck="false" placeholder="https://course.example/pack.json"/>
                <button type="submit" class="primary" id="load-pack-url">"Load"</button>
            </form>
            <p class="actions">
                <label class="button" for="pack-file">"Load a pack file"</label>
                <input type="file" id="pack-file" class="visually-hidden" accept=".json,application/json" on:change=load_file/>
            </p>
            <p class="hint">"A pack is a question bank in the app's JSON format, 1 MB and 200 questions at most; its site must allow other sites to read it (CORS). The authoring guide says how to write one."</p>
        </section>
    }
}

#[component]
fn PackCard(pack: LoadedPack) -> impl IntoView {
    let state = app_state();
    let book = pack.bank.book.clone();
    let id = book.id.clone();
    let attempts = state
        .pack_progress
        .with_untracked(|p| p.stats(&id).attempts);
    let remove = Callback::new({
        let id = id.clone();
        move |()| state.remove_pack(&id)
    });
    view! {
        <li class="book-card" data-pack=id.clone()>
            <h2><a href=Route::Book { book: id.clone() }.to_hash()>{book.title.clone()}</a></h2>
            <p class="authors">{book.authors}</p>
            <p class="summary">{book.summary}</p>
            <p class="meta">{format!("{} questions · from ", pack.bank.questions.len())} <span class="pack-source">{pack.source}</span></p>
            <ConfirmButton id=format!("remove-{id}") label=format!("Remove {}", book.title)
                question=format!("Remove {} and its {attempts} result(s) from this browser?", book.title)
                confirm="Remove".into() on_confirm=remove/>
        </li>
    }
}
