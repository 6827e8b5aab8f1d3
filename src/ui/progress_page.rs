use leptos::prelude::*;
use quiz_application::{AttemptSummary, BookMastery, Route};
use quiz_domain::CatalogEntry;

use crate::adapters::clock::local_date_time;
use crate::state::{app_state, Load};
use crate::ui::confirm_button::ConfirmButton;
use crate::ui::focus::focus_page_on_open;
use crate::ui::mastery_view::MasteryView;
use crate::ui::progress_transfer::ProgressTransfer;
use crate::ui::score_chart::ScoreChart;
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
            <ProgressTransfer/>
        </section>
    }
}

fn duration_text(ms: u64) -> String {
    let seconds = ms / 1000;
    match seconds {
        0..60 => format!("{seconds} s"),
        _ => format!("{} min {} s", seconds / 60, seconds % 60),
    }
}

#[component]
fn BookProgress(entry: CatalogEntry) -> impl IntoView {
    let state = app_state();
    let id = entry.book.id.clone();
    let title = entry.book.title.clone();
    let history = state.progress.with_untracked(|p| p.history(&id));
    let stats = state.progress.with_untracked(|p| p.stats(&id));
    let mastery = RwSignal::new(Load::Loading);
    {
        let id = id.clone();
        leptos::task::spawn_local(async move {
            let loaded = match state.bank(&id).await {
                Ok(bank) => Load::Ready(
                    state
                        .progress
                        .with_untracked(|p| BookMastery::of(p, &bank, state.now_ms())),
                ),
                Err(error) => Load::Failed(error),
            };
            drop(mastery.try_set(loaded));
        });
    }
    let recent: Vec<AttemptSummary> = history.iter().rev().take(RECENT_SHOWN).cloned().collect();
    let figures = format!(
        "{} attempts · best {} · last {} · average {}%",
        stats.attempts,
        stats.best.map(score_text).unwrap_or_default(),
        stats.last.map(score_text).unwrap_or_default(),
        stats.average_percent.unwrap_or(0)
    );
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
            <ScoreChart title=title.clone() history/>
            {move || match mastery.get() {
                Load::Loading => view! { <p role="status">"Working out your mastery…"</p> }.into_any(),
                Load::Failed(error) => view! { <p role="alert" class="error">"Mastery needs the book's questions, which could not be loaded: " {error} "."</p> }.into_any(),
                Load::Ready(mastery) => view! { <MasteryView mastery/> }.into_any(),
            }}
            <h3>"Recent attempts"</h3>
            <table class="recent">
                <thead><tr><th scope="col">"Finished"</th><th scope="col">"Mode"</th><th scope="col">"Score"</th><th scope="col">"Time taken"</th></tr></thead>
                <tbody>
                    {recent.into_iter().map(|a| view! {
                        <tr>
                            <td>{local_date_time(a.finished_at_ms)}</td>
                            <td>{a.mode.name()}</td>
                            <td>{match a.id {
                                Some(attempt) => view! { <a href=Route::Results { attempt }.to_hash()>{score_text(a.score)}</a> }.into_any(),
                                None => score_text(a.score).into_any(),
                            }}</td>
                            <td>{duration_text(a.duration_ms)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <ConfirmButton id="reset-book" label=format!("Reset {title}") question=reset_question confirm="Delete".into() on_confirm=reset/>
        </section>
    }
}
