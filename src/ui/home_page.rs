use leptos::prelude::*;
use quiz_application::{QuizRequest, Route};
use quiz_domain::CatalogEntry;

use crate::adapters::clock::{end_of_local_day_ms, random_seed};

use crate::state::{app_state, Load};
use crate::ui::focus::focus_page_on_open;
use crate::ui::score_text::score_text;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = app_state();
    focus_page_on_open();
    view! {
        <section class="page">
            <h1 tabindex="-1" data-autofocus="">"Five books, one question at a time"</h1>
            <ResumeOffer/>
            <DueSummary/>
            <p class="lead">
                "Check what you really know about architecture, idiomatic Python, performance and the standard library. Every answer is explained; every code answer was run by CPython."
            </p>
            {move || match state.catalog.get() {
                Load::Loading => view! { <p role="status">"Loading the books…"</p> }.into_any(),
                Load::Failed(error) => view! {
                    <p role="alert" class="error">"The list of books could not be loaded: " {error} ". Check your connection and reload the page."</p>
                }.into_any(),
                Load::Ready(catalog) => view! {
                    <ul class="books">
                        {catalog.books.into_iter().map(|entry| view! { <BookCard entry/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn BookCard(entry: CatalogEntry) -> impl IntoView {
    let state = app_state();
    let id = entry.book.id.clone();
    let book_id = entry.book.id.clone();
    let best = move || {
        state.progress.with(|p| p.stats(&id).best).map_or_else(
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
                let due = state.progress.with(|p| p.due(&book_id, end_of_local_day_ms()));
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
fn DueSummary() -> impl IntoView {
    let state = app_state();
    move || {
        let by = end_of_local_day_ms();
        let due: usize = state
            .progress
            .with(|p| p.books().iter().map(|book| p.due(book, by).len()).sum());
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
fn ResumeOffer() -> impl IntoView {
    let state = app_state();
    move || {
        state.unfinished.get().map(|quiz| {
            state.catalog.track();
            let title = state.book_title(quiz.attempt.book());
            view! {
                <div class="resume" role="region" aria-label="Unfinished quiz">
                    <p>
                        {format!(
                            "You have an unfinished {title} quiz: {} of {} answered.",
                            quiz.attempt.answered(),
                            quiz.attempt.total()
                        )}
                    </p>
                    <a class="button primary" id="resume" href=quiz.route().to_hash()>"Resume it"</a>
                    <button type="button" id="discard" on:click=move |_| state.discard_unfinished()>"Discard it"</button>
                </div>
            }
        })
    }
}
