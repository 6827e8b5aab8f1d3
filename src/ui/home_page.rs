use leptos::prelude::*;
use quiz_application::quiz::QuizRequest;
use quiz_application::score_text;
use quiz_application::Route;
use quiz_domain::CatalogEntry;

use crate::adapters::clock::{end_of_local_day_ms, random_seed};

use crate::home_data::HomeData;
use crate::state::Load;
use crate::ui::focus::focus_page_on_open;

#[component]
pub fn HomePage(data: HomeData) -> impl IntoView {
    focus_page_on_open();
    view! {
        <section class="page">
            <h1 tabindex="-1" data-autofocus="">"Five books, one question at a time"</h1>
            <Resume data/>
            <DueSummary data/>
            <p class="lead">
                "Check what you really know about architecture, idiomatic Python, performance and the standard library. Every answer is explained; every code answer was run by CPython."
            </p>
            {move || match data.catalog.get() {
                Load::Loading => view! { <p role="status">"Loading the books…"</p> }.into_any(),
                Load::Failed(error) => view! {
                    <p role="alert" class="error">"The list of books could not be loaded: " {error} ". Check your connection and reload the page."</p>
                }.into_any(),
                Load::Ready(catalog) => view! {
                    <ul class="books">
                        {catalog.books.into_iter().map(|entry| view! { <BookCard entry data/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn BookCard(entry: CatalogEntry, data: HomeData) -> impl IntoView {
    let id = entry.book.id.clone();
    let book_id = entry.book.id.clone();
    let best = move || {
        data.summary.with(|s| s.best(&id)).map_or_else(
            || "Not taken yet".to_owned(),
            |score| format!("Best score: {}", score_text(score)),
        )
    };
    view! {
        <li class="book-card" data-book=entry.book.id.clone()>
            <h2><a href=Route::Book { book: entry.book.id.clone() }.to_hash()>{entry.book.title}</a></h2>
            <p class="authors">{entry.book.authors}</p>
            <p class="summary">{entry.book.summary}</p>
            <p class="meta">
                {format!("{} questions · {} chapters · ", entry.question_count, entry.chapters.len())}
                <span class="best">{best}</span>
            </p>
            {move || {
                let due = data.summary.with(|s| s.due(&book_id, end_of_local_day_ms()));
                (!due.is_empty()).then(|| {
                    let text = format!("Review {} due today", due.len());
                    let link = Route::Quiz(QuizRequest::review(book_id.clone(), due, random_seed()));
                    view! { <p class="due"><a class="button" href=link.to_hash()>{text}</a></p> }
                })
            }}
        </li>
    }
}

/// How many questions the review schedule brings back today.
#[component]
fn DueSummary(data: HomeData) -> impl IntoView {
    move || {
        let due = data.summary.with(|s| s.due_count(end_of_local_day_ms()));
        (due > 0).then(|| {
            let text = match due {
                1 => "1 question is due for review today: it is with its book below.".to_owned(),
                n => format!(
                    "{n} questions are due for review today: each book below says how many."
                ),
            };
            view! { <p class="due-summary" id="due-summary">{text}</p> }
        })
    }
}

/// Offers the quiz left before its end, where it stopped.
#[component]
fn Resume(data: HomeData) -> impl IntoView {
    move || {
        data.resume.get().map(|offer| {
            view! {
                <div class="resume" role="region" aria-label="Unfinished quiz">
                    <p>
                        {format!(
                            "You have an unfinished {} quiz: {} of {} answered.",
                            offer.title, offer.answered, offer.total
                        )}
                    </p>
                    <a class="button primary" id="resume" href=offer.link>"Resume it"</a>
                    <button type="button" id="discard" on:click=move |_| data.discard.run(())>"Discard it"</button>
                </div>
            }
        })
    }
}
