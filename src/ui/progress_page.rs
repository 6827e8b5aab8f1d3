use std::sync::Arc;

use leptos::prelude::*;
use quiz_application::progress::{AttemptSummary, BookMastery};
use quiz_application::Route;
use quiz_domain::{Bank, CatalogEntry};

use crate::adapters::clock::{local_date_time, random_seed};
use crate::state::{app_state, Load};
use crate::ui::confirm_button::ConfirmButton;
use crate::ui::focus::focus_page_on_open;
use crate::ui::html_text::escape;
use crate::ui::mastery_view::mastery_html;
use crate::ui::progress_transfer::ProgressTransfer;
use crate::ui::score_chart::score_chart_html;
use crate::ui::score_text::score_text;

/// How many recent attempts each book lists.
const RECENT_SHOWN: usize = 10;

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

fn duration_text(ms: u64) -> String {
    let seconds = ms / 1000;
    match seconds {
        0..60 => format!("{seconds} s"),
        _ => format!("{} min {} s", seconds / 60, seconds % 60),
    }
}

fn recent_attempts_html(history: &[AttemptSummary]) -> String {
    let rows: String = history
        .iter()
        .rev()
        .take(RECENT_SHOWN)
        .map(|a| {
            let score = match &a.id {
                Some(attempt) => format!(
                    r#"<a href="{}">{}</a>"#,
                    escape(
                        &Route::Results {
                            attempt: attempt.clone()
                        }
                        .to_hash()
                    ),
                    score_text(a.score)
                ),
                None => score_text(a.score),
            };
            format!(
                "<tr><td>{}</td><td>{}</td><td>{score}</td><td>{}</td></tr>",
                escape(&local_date_time(a.finished_at_ms)),
                a.mode.name(),
                duration_text(a.duration_ms)
            )
        })
        .collect();
    format!(
        r#"<h3>Recent attempts</h3><table class="recent"><thead><tr><th scope="col">Finished</th><th scope="col">Mode</th><th scope="col">Score</th><th scope="col">Time taken</th></tr></thead><tbody>{rows}</tbody></table>"#
    )
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
    let chart = score_chart_html(&title, &history);
    let recent = recent_attempts_html(&history);
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
