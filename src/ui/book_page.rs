use leptos::prelude::*;
use quiz_application::quiz::{QuizRequest, DEFAULT_QUIZ_LENGTH};
use quiz_application::score_text;
use quiz_application::Route;

use crate::adapters::clock::random_seed;
use crate::state::{app_state, Load};
use crate::ui::focus::focus_page_when_ready;
use crate::ui::form_values::input_values;
use crate::ui::topic_practice::TopicPractice;
use crate::ui::where_to_read::WhereToReadSection;

const QUIZ_LENGTHS: [usize; 3] = [5, DEFAULT_QUIZ_LENGTH, 20];

#[component]
pub fn BookPage(book: String) -> impl IntoView {
    let state = app_state();
    let entry = {
        let book = book.clone();
        move || state.entry(&book)
    };
    focus_page_when_ready({
        let entry = entry.clone();
        move || !matches!(entry(), Load::Loading)
    });
    let progress = state.progress_of(&book);
    let remembered = state
        .progress
        .with_untracked(|p| p.settings.quiz_length)
        .unwrap_or(DEFAULT_QUIZ_LENGTH);
    let length = RwSignal::new(remembered);
    let start = {
        let book = book.clone();
        move |_| {
            let mut request = QuizRequest::new(book.clone(), length.get_untracked(), random_seed());
            // In book order, as the page lists them; none ticked is the whole book.
            request.chapters = input_values(".chapters input:checked");
            state.go_to(Route::Quiz(request))
        }
    };
    view! {
        <section class="page">
            <p class="crumbs"><a href="#/">"All books"</a></p>
            {move || match entry() {
                Load::Loading => view! { <p role="status">"Loading…"</p> }.into_any(),
                Load::Failed(error) => view! { <p role="alert" class="error">{error}</p> }.into_any(),
                Load::Ready(None) => view! {
                    <h1 tabindex="-1" data-autofocus="">"No such book"</h1>
                    <p role="alert">{format!("There is no book or quiz pack with the id \"{book}\".")} " " <a href="#/">"See the list of books"</a> " or " <a href="#/packs">"your quiz packs"</a>"."</p>
                }.into_any(),
                Load::Ready(Some(entry)) => {
                    let id = entry.book.id.clone();
                    let stats = move || progress.with(|p| p.stats(&id));
                    let history = {
                        let id = entry.book.id.clone();
                        move || progress.with(|p| {
                            p.attempts.iter().rev().filter(|a| a.book == id).take(5).cloned().collect::<Vec<_>>()
                        })
                    };
                    let total = entry.question_count;
                    let preferred = remembered.min(total);
                    length.set(preferred);
                    view! {
                        <h1 tabindex="-1" data-autofocus="">{entry.book.title.clone()}</h1>
                        <p class="authors">{entry.book.authors.clone()} {entry.book.edition.clone().map(|e| format!(" · {e}"))}</p>
                        <p>{entry.book.summary.clone()}</p>
                        <p class="stats">{move || {
                            let stats = stats();
                            match stats.best {
                                Some(best) => format!("Best score: {} · last: {} · {} attempt(s)", score_text(best), stats.last.map(score_text).unwrap_or_default(), stats.attempts),
                                None => "You have not taken this quiz yet.".to_owned(),
                            }
                        }}</p>
                        <fieldset class="chapters">
                            <legend>"Chapters to practise (none ticked: the whole book)"</legend>
                            {entry.chapters.iter().map(|c| view! {
                                <label class="chapter-choice">
                                    <input type="checkbox" value=c.id.clone()/>
                                    {format!(" {} · {}", c.id, c.title)}
                                </label>
                            }).collect_view()}
                        </fieldset>
                        <TopicPractice book=entry.book.id.clone()/>
                        <div class="start">
                            <label for="quiz-length">"Questions"</label>
                            <select id="quiz-length" on:change=move |ev| {
                                if let Ok(n) = event_target_value(&ev).parse() {
                                    length.set(n);
                                    state.remember_quiz_length(n);
                                }
                            }>
                                {QUIZ_LENGTHS.iter().filter(|&&n| n < total).map(|&n| view! {
                                    <option value=n.to_string() selected=n == preferred>{n.to_string()}</option>
                                }).collect_view()}
                                <option value=total.to_string() selected=preferred == total>{format!("All {total}")}</option>
                            </select>
                            <button type="button" class="primary" id="start-quiz" on:click=start.clone()>"Start the quiz"</button>
                        </div>
                        {move || {
                            let attempts = history();
                            (!attempts.is_empty()).then(|| view! {
                                <h2>"Recent results"</h2>
                                <ul class="history">
                                    {attempts.into_iter().map(|a| view! {
                                        <li><a href=Route::Results { attempt: a.id.clone() }.to_hash()>{score_text(a.score)}</a></li>
                                    }).collect_view()}
                                </ul>
                            })
                        }}
                        <WhereToReadSection book=entry.book.id.clone()/>
                    }.into_any()
                }
            }}
        </section>
    }
}
