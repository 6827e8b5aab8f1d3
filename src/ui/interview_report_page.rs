use std::sync::Arc;

use leptos::prelude::*;
use quiz_application::exam::{ChapterScore, ExamReport, ExamSummary};
use quiz_application::quiz::{QuizRequest, DEFAULT_QUIZ_LENGTH};
use quiz_application::Route;
use quiz_domain::{AttemptResult, Bank, Score};

use crate::adapters::clock::{local_date_time, random_seed};
use crate::state::app_state;
use crate::ui::focus::focus_page_on_open;
use crate::ui::html_text::escape;
use crate::ui::reading_links::{offline_note_html, reading_link_html};
use crate::ui::results_page::ReviewItem;
use crate::ui::score_text::score_text;

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
    let overview = overview_html(&summary, &|book| state.book_title(book));
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
                    let details = details_html(&report, &|book| state.book_title(book));
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

fn overview_html(summary: &ExamSummary, title_of: &dyn Fn(&str) -> String) -> String {
    let used_seconds = (summary.finished_at_ms - summary.started_at_ms) / 1000;
    let ending = if summary.timed_out {
        "Time ran out; unanswered questions count as wrong."
    } else {
        "Every question was answered in time."
    };
    let rows: String = summary
        .books
        .iter()
        .map(|(book, score)| {
            format!(
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(&title_of(book)),
                score_text(*score)
            )
        })
        .collect();
    format!(
        r#"<p>Finished {}; {} min {} s used of {} minutes. {ending}</p><h2>Per book</h2><table class="recent"><thead><tr><th scope="col">Book</th><th scope="col">Score</th></tr></thead><tbody>{rows}</tbody></table>"#,
        escape(&local_date_time(summary.finished_at_ms)),
        used_seconds / 60,
        used_seconds % 60,
        summary.minutes
    )
}

fn topics_html(topics: &[(String, Score)], empty: &str) -> String {
    if topics.is_empty() {
        return format!("<p>{empty}</p>");
    }
    let items: String = topics
        .iter()
        .map(|(topic, score)| format!("<li>{}: {}</li>", escape(topic), score_text(*score)))
        .collect();
    format!("<ul>{items}</ul>")
}

fn chapter_name(chapter: &ChapterScore, title_of: &dyn Fn(&str) -> String) -> String {
    escape(&format!(
        "{} · {} · {}",
        title_of(&chapter.book),
        chapter.chapter.id,
        chapter.chapter.title
    ))
}

fn details_html(report: &ExamReport, title_of: &dyn Fn(&str) -> String) -> String {
    let chapters: String = report
        .chapters
        .iter()
        .map(|c| {
            format!(
                "<tr><td>{}</td><td>{}</td></tr>",
                chapter_name(c, title_of),
                score_text(c.score)
            )
        })
        .collect();
    let seed = random_seed();
    let reading: String = report
        .reading_list
        .iter()
        .map(|group| {
            let c = &group.chapter;
            let mut request = QuizRequest::new(c.book.clone(), DEFAULT_QUIZ_LENGTH, seed);
            request.chapters = vec![c.chapter.id.clone()];
            let sections: String = group
                .sections
                .iter()
                .filter_map(|(link, missed)| {
                    let note = match missed {
                        1 => " (1 missed question)".to_owned(),
                        n => format!(" ({n} missed questions)"),
                    };
                    reading_link_html(link, &note)
                })
                .collect();
            let sections = if sections.is_empty() {
                String::new()
            } else {
                format!(r#"<ul class="reading-links">{sections}</ul>"#)
            };
            format!(
                r#"<li>{} ({}) <a href="{}">Practise this chapter</a>{sections}</li>"#,
                chapter_name(c, title_of),
                score_text(c.score),
                escape(&Route::Quiz(request).to_hash())
            )
        })
        .collect();
    let reading = if reading.is_empty() {
        "<p>No question was missed.</p>".to_owned()
    } else {
        format!(
            r#"<ul class="reread-list">{reading}</ul>{}"#,
            offline_note_html()
        )
    };
    let times: String = report
        .answers
        .iter()
        .enumerate()
        .map(|(n, (book, response))| {
            let time = response.time_ms.map_or("not answered".to_owned(), |ms| {
                format!("{} s", ms.div_ceil(1000))
            });
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{time}</td></tr>",
                n + 1,
                escape(&title_of(book)),
                if response.correct { "right" } else { "wrong" }
            )
        })
        .collect();
    format!(
        r#"<h2>Per chapter</h2><table class="recent"><thead><tr><th scope="col">Chapter</th><th scope="col">Score</th></tr></thead><tbody>{chapters}</tbody></table><h2>Strong topics</h2>{}<h2>Weak topics</h2>{}<h2>Reading list</h2>{reading}<h2>Time per question</h2><table class="recent"><thead><tr><th scope="col">#</th><th scope="col">Book</th><th scope="col">Answer</th><th scope="col">Time</th></tr></thead><tbody>{times}</tbody></table>"#,
        topics_html(
            &report.strong_topics,
            "No topic was answered right every time."
        ),
        topics_html(&report.weak_topics, "No topic scored under half.")
    )
}
