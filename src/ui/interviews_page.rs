use leptos::prelude::*;
use quiz_application::exam::{ExamRequest, DEFAULT_EXAM_MINUTES, DEFAULT_EXAM_QUESTIONS};
use quiz_application::score_text;
use quiz_application::Route;

use crate::adapters::clock::{local_date_time, random_seed};
use crate::state::{app_state, Load};
use crate::ui::focus::focus_page_on_open;
use crate::ui::form_values::input_values;

const QUESTION_COUNTS: [usize; 4] = [10, 20, DEFAULT_EXAM_QUESTIONS, 50];
const MINUTES: [u32; 5] = [10, 20, DEFAULT_EXAM_MINUTES, 45, 60];

/// Interview mode: pick the books, the length and the time, and see how
/// past exams went.
#[component]
pub fn InterviewsPage() -> impl IntoView {
    let state = app_state();
    focus_page_on_open();
    let count = RwSignal::new(DEFAULT_EXAM_QUESTIONS);
    let minutes = RwSignal::new(DEFAULT_EXAM_MINUTES);
    let start = move |_| {
        let Load::Ready(catalog) = state.catalog.get_untracked() else {
            return;
        };
        let mut books = input_values(".interviews .chapters input:checked");
        if books.is_empty() {
            books = catalog.books.iter().map(|e| e.book.id.clone()).collect();
        }
        state.go_to(Route::Interview(ExamRequest {
            books,
            count: count.get_untracked(),
            minutes: minutes.get_untracked(),
            seed: random_seed(),
        }));
    };
    let running = state.saved_exam().map(|saved| {
        let link = Route::Interview(saved.request).to_hash();
        view! {
            <div class="resume" role="region" aria-label="Exam in progress">
                <p>"You have an exam in progress; its clock is still running."</p>
                <a class="button primary" id="resume-exam" href=link>"Back to the exam"</a>
            </div>
        }
    });
    view! {
        <section class="page interviews">
            <p class="crumbs"><a href="#/">"All books"</a></p>
            <h1 tabindex="-1" data-autofocus="">"Interview mode"</h1>
            <p class="lead">"A timed exam across the books you choose: no feedback until the end, then a readiness report with your score per book and chapter, your strong and weak topics, the time each question took, and what to reread."</p>
            {running}
            {move || match state.catalog.get() {
                Load::Ready(catalog) => view! {
                    <fieldset class="chapters">
                        <legend>"Books (none ticked: all five)"</legend>
                        {catalog.books.into_iter().map(|entry| view! {
                            <label class="chapter-choice">
                                <input type="checkbox" value=entry.book.id.clone()/>
                                {format!(" {}", entry.book.title)}
                            </label>
                        }).collect_view()}
                    </fieldset>
                }.into_any(),
                Load::Loading => view! { <p role="status">"Loading the books…"</p> }.into_any(),
                Load::Failed(error) => view! { <p role="alert" class="error">{error}</p> }.into_any(),
            }}
            <div class="start">
                <label for="exam-count">"Questions"</label>
                <select id="exam-count" on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() { count.set(n) }
                }>
                    {QUESTION_COUNTS.map(|n| view! { <option value=n.to_string() selected=n == DEFAULT_EXAM_QUESTIONS>{n.to_string()}</option> }).collect_view()}
                </select>
                <label for="exam-minutes">"Minutes"</label>
                <select id="exam-minutes" on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() { minutes.set(n) }
                }>
                    {MINUTES.map(|n| view! { <option value=n.to_string() selected=n == DEFAULT_EXAM_MINUTES>{n.to_string()}</option> }).collect_view()}
                </select>
                <button type="button" class="primary" id="start-exam" on:click=start>"Start the exam"</button>
            </div>
            <PastExams/>
        </section>
    }
}

/// Past exams, newest first, to compare over time.
#[component]
fn PastExams() -> impl IntoView {
    let state = app_state();
    move || {
        let exams = state.progress.with(|p| p.exams.clone());
        (!exams.is_empty()).then(|| {
            view! {
                <h2>"Past exams"</h2>
                <table class="recent" id="past-exams">
                    <thead><tr><th scope="col">"Finished"</th><th scope="col">"Score"</th><th scope="col">"Books"</th></tr></thead>
                    <tbody>
                        {exams.into_iter().rev().map(|exam| {
                            let books: Vec<String> = exam.books.iter().map(|(book, score)| format!("{} {}%", state.book_title(book), score.percent())).collect();
                            view! {
                                <tr>
                                    <td>{local_date_time(exam.finished_at_ms)}</td>
                                    <td><a href=Route::InterviewReport { exam: exam.id.clone() }.to_hash()>{score_text(exam.score)}</a></td>
                                    <td>{books.join(", ")}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })
    }
}
