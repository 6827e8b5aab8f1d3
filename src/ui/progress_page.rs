use std::sync::Arc;

use leptos::prelude::*;
use quiz_application::html_text::escape;
use quiz_application::progress::BookMastery;
use quiz_application::reports::{mastery_html, recent_attempts_html, score_chart_html};
use quiz_application::score_text;
use quiz_domain::{Bank, CatalogEntry};

use crate::adapters::clock::{local_date_time, random_seed};
use crate::state::{app_state, Load};
use crate::ui::confirm_button::ConfirmButton;
use crate::ui::focus::focus_page_on_open;
use crate::ui::progress_transfer::ProgressTransfer;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let state = app_state();
    focus_page_on_open();
    view! {
        <section class="page progress-page">
            <p class="crumbs"><a href="#/">"All books"</a></p>
            <h1 tabindex="-1" data-autofocus="">"Your progress"</h1>
            {move || match state.catalog.get() {
                Load::Loading => view! { <p role="status">"Loading the books…"</p> }.into_any(),
                Load::Failed(error) => view! {
                    <p role="alert" class="error">"The list of books could not be loaded: " {error} "."</p>
                }.into_any(),
                Load::Ready(catalog) => {
                    let books: Vec<CatalogEntry> = state.progress.with(|progress| {
                        catalog.books.into_iter().filter(|entry| progress.stats(&entry.book.id).attempts > 0).collect()
                    });
                    if books.is_empty() {
                        view! { <p class="lead">"No quiz finished yet. Take one and your scores, mastery and weakest topics will show here."</p> }.into_any()
                    } else {
                        books.into_iter().map(|entry| view! { <BookProgress entry/> }).collect_view().into_any()
                    }
                }
            }}
            <PackProgress/>
            <ProgressTransfer/>
        </section>
    }
}

/// The packs with results, apart from the books, each as a book is shown.
#[component]
fn PackProgress() -> impl IntoView {
    let state = app_state();
    move || {
        let packs: Vec<CatalogEntry> = state.packs.with(|packs| {
            state.pack_progress.with(|progress| {
                packs
                    .iter()
                    .filter(|pack| progress.stats(&pack.bank.book.id).attempts > 0)
                    .map(|pack| CatalogEntry::of(&pack.bank))
                    .collect()
            })
        });
        (!packs.is_empty()).then(|| {
            view! {
                <section class="pack-progress" aria-labelledby="pack-progress-title">
                    <h2 id="pack-progress-title">"Your packs"</h2>
                    <p>"Quiz packs from course authors, kept apart from the books; the progress file below carries them too. " <a href="#/packs">"Manage your packs"</a></p>
                    {packs.into_iter().map(|entry| view! { <BookProgress entry/> }).collect_view()}
                </section>
            }
        })
    }
}

#[component]
fn BookProgress(entry: CatalogEntry) -> impl IntoView {
    let state = app_state();
    let id = entry.book.id.clone();
    let title = entry.book.title.clone();
    let progress = state.progress_of(&id);
    let history = progress.with_untracked(|p| p.history(&id));
    let stats = progress.with_untracked(|p| p.stats(&id));
    let bank = RwSignal::new(None::<Result<Arc<Bank>, String>>);
    {
        let id = id.clone();
        leptos::task::spawn_local(async move {
            drop(bank.try_set(Some(state.bank(&id).await)));
        });
    }
    let figures = format!(
        "{} · best {} · last {} · average {}%",
        match stats.attempts {
            1 => "1 attempt".to_owned(),
            n => format!("{n} attempts"),
        },
        stats.best.map(score_text).unwrap_or_default(),
        stats.last.map(score_text).unwrap_or_default(),
        stats.average_percent.unwrap_or(0)
    );
    let chart = score_chart_html(&title, &history, &local_date_time);
    let recent = recent_attempts_html(&history, &local_date_time);
    // One seed for the page's practice links: each topic draws from its
    // own questions, so sharing it repeats nothing.
    let seed = random_seed();
    let mastery = move || match bank.get() {
        None => r#"<p role="status">Working out your mastery…</p>"#.to_owned(),
        Some(Err(error)) => format!(
            r#"<p role="alert" class="error">Mastery needs the book's questions, which could not be loaded: {}.</p>"#,
            escape(&error)
        ),
        Some(Ok(bank)) => progress
            .with_untracked(|p| mastery_html(&BookMastery::of(p, &bank, state.now_ms()), seed)),
    };
    let heading = format!("progress-{id}");
    let labelled_by = heading.clone();
    let reset_question = format!(
        "Delete all {} attempts and answers of {title} from this browser?",
        stats.attempts
    );
    let reset = Callback::new({
        let id = id.clone();
        move |()| state.reset_progress(Some(id.clone()))
    });
    view! {
        <section class="book-progress" data-book=id.clone() aria-labelledby=labelled_by>
            <h2 id=heading>{title.clone()}</h2>
            <p class="stats">{figures}</p>
            <div inner_html=chart></div>
            <div inner_html=mastery></div>
            <div inner_html=recent></div>
            <ConfirmButton id=format!("reset-{id}") label=format!("Reset {title}") question=reset_question confirm="Delete".into() on_confirm=reset/>
        </section>
    }
}
