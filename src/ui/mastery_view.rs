//! The chapter grid, the weakest topics with a link to practise each, and
//! every topic on request. Built as an HTML string, like the score chart.

use quiz_application::progress::{BookMastery, Mastery, HALF_LIFE_DAYS};
use quiz_application::quiz::{QuizRequest, DEFAULT_QUIZ_LENGTH};
use quiz_application::Route;

use crate::ui::html_text::escape;

/// How many weak topics are offered for practice.
const WEAKEST_SHOWN: usize = 5;

/// A mastery cell: shaded from level 0 (none) to 4 (full) so the grid
/// reads at a glance, with the figure always written too.
fn cell(name: &str, mastery: &Mastery) -> String {
    format!(
        r#"<li class="cell level-{}"><span class="cell-name">{}</span><strong class="cell-figure">{}%</strong><span class="cell-seen">{} of {} answered</span></li>"#,
        mastery.percent.div_ceil(25).min(4),
        escape(name),
        mastery.percent,
        mastery.seen,
        mastery.questions
    )
}

pub fn mastery_html(mastery: &BookMastery, seed: u64) -> String {
    let chapters: String = mastery
        .chapters
        .iter()
        .map(|(chapter, m)| cell(&format!("{} · {}", chapter.id, chapter.title), m))
        .collect();
    let topics: String = mastery
        .topics
        .iter()
        .map(|(topic, m)| cell(topic, m))
        .collect();
    let weakest: String = mastery
        .weakest_topics(WEAKEST_SHOWN)
        .into_iter()
        .map(|(topic, m)| {
            let mut request = QuizRequest::new(
                mastery.book.clone(),
                m.questions.min(DEFAULT_QUIZ_LENGTH),
                seed,
            );
            request.topics = vec![topic.clone()];
            format!(
                r#"<li>{topic}: {}% ({} of {} answered) <a href="{}">Practise {topic}</a></li>"#,
                m.percent,
                m.seen,
                m.questions,
                escape(&Route::Quiz(request).to_hash()),
                topic = escape(&topic)
            )
        })
        .collect();
    let weakest = if weakest.is_empty() {
        "<p>Answer a few questions and the topics to work on will show here.</p>".to_owned()
    } else {
        format!(r#"<ul class="weak-topics">{weakest}</ul>"#)
    };
    let retry = match mastery.mistakes.len() {
        0 => String::new(),
        n => format!(
            r#"<p><a class="button retry-mistakes" href="{}">Retry the {n} question{} you last answered wrong</a></p>"#,
            escape(
                &Route::Quiz(QuizRequest::mistakes(
                    mastery.book.clone(),
                    mastery.mistakes.clone(),
                    seed
                ))
                .to_hash()
            ),
            if n == 1 { "" } else { "s" }
        ),
    };
    format!(
        r#"<h3>Mastery: {}%</h3><ul class="mastery-grid" aria-label="Mastery by chapter">{chapters}</ul><h3>Weakest topics</h3>{weakest}{retry}<details><summary>Mastery of all {} topics</summary><ul class="mastery-grid">{topics}</ul></details><p class="hint">Mastery counts each question by your latest answer: fully when you answered it right today, half after {HALF_LIFE_DAYS} days, a quarter after {}; nothing when it was wrong or not answered yet.</p>"#,
        mastery.overall(),
        mastery.topics.len(),
        HALF_LIFE_DAYS * 2
    )
}
