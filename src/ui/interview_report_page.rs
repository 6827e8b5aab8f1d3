use std::sync::Arc;

use leptos::prelude::*;
use quiz_application::exam::ExamReport;
use quiz_application::reports::{exam_details_html, exam_overview_html};
use quiz_application::score_text;
use quiz_domain::{AttemptResult, Bank};

use crate::adapters::clock::{local_date_time, random_seed};
use crate::adapters::connection::is_online;
use crate::state::app_state;
use crate::ui::focus::focus_page_on_open;
use crate::ui::results_page::ReviewItem;

/// The readiness report of an interview exam.
#[component]
pub fn InterviewReportPage(exam: String) -> impl IntoView {
    let state = app_state();
    focus_page_on_open();
    let Some(summary) = state.progress.with_untracked(|p| p.exam(&exam).cloned()) else {
        return view! {
            <section class="page">
                <h1 tabindex="-1" data-autofocus="">"No such report"</h1>
                <p role="alert">"This browser has no interview exam with the id \"" {exam} "\"."</p>
                <p><a href="#/interview">"Go to interview mode"</a></p>
            </section>
        }
        .into_any();
    };
    let attempts: Vec<AttemptResult> = state.progress.with_untracked(|p| {
        summary
            .books
            .iter()
            .filter_map(|(book, _)| p.attempt(&summary.attempt_id(book)).cloned())
            .collect()
    });
    let books: Vec<String> = summary.books.iter().map(|(book, _)| book.clone()).collect();
    let banks = RwSignal::new(None::<Result<Vec<Arc<Bank>>, String>>);
    leptos::task::spawn_local(async move {
        drop(banks.try_set(Some(state.banks(&books).await)));
    });
    let overview = exam_overview_html(&summary, &|book| state.book_title(book), &local_date_time);
    view! {
        <section class="page report">
            <p class="crumbs"><a href="#/interview">"Interview mode"</a></p>
            <h1 tabindex="-1" data-autofocus="">"Readiness report"</h1>
            <p class="score" id="score">{score_text(summary.score)}</p>
            <div inner_html=overview></div>
            {move || match banks.get() {
                None => view! { <p role="status">"Loading the questions…"</p> }.into_any(),
                Some(Err(error)) => view! { <p role="alert" class="error">"The questions could not be loaded: " {error}</p> }.into_any(),
                Some(Ok(banks)) => {
                    let refs: Vec<&Bank> = banks.iter().map(|b| b.as_ref()).collect();
                    let report = ExamReport::of(&attempts, &refs);
                    let details = exam_details_html(&report, &|book| state.book_title(book), random_seed(), is_online());
                    let missed: Vec<_> = report.answers.iter().filter(|(_, r)| !r.correct).cloned().collect();
                    view! {
                        <div inner_html=details></div>
                        <h2>{format!("The {} questions missed", missed.len())}</h2>
                        <ol class="review">
                            {missed.into_iter().filter_map(|(book, response)| {
                                let bank = banks.iter().find(|b| b.book.id == book)?.clone();
                                Some(view! { <ReviewItem bank response/> })
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
        </section>
    }
    .into_any()
}
