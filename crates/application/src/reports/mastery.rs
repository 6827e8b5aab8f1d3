//! The chapter grid, the weakest topics with a link to practise each, and
//! every topic on request.

use crate::html_text::escape;
use crate::progress::{BookMastery, Mastery, HALF_LIFE_DAYS};
use crate::quiz::QuizRequest;
use crate::reports::topic_list::topic_quiz_href;
use crate::Route;

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

/// A book's mastery; `seed` draws the quizzes its links offer.
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
            format!(
                r#"<li>{topic}: {}% ({} of {} answered) <a href="{}">Practise {topic}</a></li>"#,
                m.percent,
                m.seen,
                m.questions,
                topic_quiz_href(&mastery.book, &topic, &m, seed),
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

#[cfg(test)]
mod tests {
    use quiz_domain::Chapter;

    use super::*;
    use crate::reports::test_payload::{assert_escaped, mastery, payload};

    fn chapter(id: &str, title: &str) -> Chapter {
        Chapter {
            id: id.into(),
            title: title.into(),
        }
    }

    #[test]
    fn mastery_shows_the_chapters_the_weakest_topics_and_a_retry_link() {
        let book = BookMastery {
            book: "fp".into(),
            chapters: vec![(chapter("2", "Data model"), mastery(50, 1, 2))],
            topics: vec![
                ("closures".into(), mastery(100, 1, 1)),
                ("descriptors".into(), mastery(0, 1, 30)),
                ("unseen".into(), mastery(0, 0, 2)),
            ],
            mistakes: vec!["fp-q1".into()],
        };
        assert_eq!(
            mastery_html(&book, 7),
            concat!(
                r#"<h3>Mastery: 50%</h3><ul class="mastery-grid" aria-label="Mastery by chapter">"#,
                r#"<li class="cell level-2"><span class="cell-name">2 · Data model</span><strong class="cell-figure">50%</strong><span class="cell-seen">1 of 2 answered</span></li></ul>"#,
                r#"<h3>Weakest topics</h3><ul class="weak-topics">"#,
                r##"<li>descriptors: 0% (1 of 30 answered) <a href="#/book/fp/quiz?count=10&amp;seed=7&amp;topics=descriptors">Practise descriptors</a></li>"##,
                r##"<li>closures: 100% (1 of 1 answered) <a href="#/book/fp/quiz?count=1&amp;seed=7&amp;topics=closures">Practise closures</a></li></ul>"##,
                r##"<p><a class="button retry-mistakes" href="#/book/fp/quiz?count=200&amp;seed=7&amp;questions=fp-q1&amp;mode=mistakes">Retry the 1 question you last answered wrong</a></p>"##,
                r#"<details><summary>Mastery of all 3 topics</summary><ul class="mastery-grid">"#,
                r#"<li class="cell level-4"><span class="cell-name">closures</span><strong class="cell-figure">100%</strong><span class="cell-seen">1 of 1 answered</span></li>"#,
                r#"<li class="cell level-0"><span class="cell-name">descriptors</span><strong class="cell-figure">0%</strong><span class="cell-seen">1 of 30 answered</span></li>"#,
                r#"<li class="cell level-0"><span class="cell-name">unseen</span><strong class="cell-figure">0%</strong><span class="cell-seen">0 of 2 answered</span></li></ul></details>"#,
                r#"<p class="hint">Mastery counts each question by your latest answer: fully when you answered it right today, half after 30 days, a quarter after 60; nothing when it was wrong or not answered yet.</p>"#
            )
        );
    }

    #[test]
    fn before_any_answer_there_is_no_topic_to_work_on_and_nothing_to_retry() {
        let book = BookMastery {
            book: "fp".into(),
            chapters: vec![(chapter("2", "Data model"), mastery(0, 0, 2))],
            topics: vec![("closures".into(), mastery(0, 0, 2))],
            mistakes: Vec::new(),
        };
        let html = mastery_html(&book, 7);
        assert!(html.contains(
            "<h3>Weakest topics</h3><p>Answer a few questions and the topics to work on will show here.</p><details>"
        ));
        assert!(!html.contains("retry-mistakes"), "{html}");
    }

    #[test]
    fn every_text_of_the_mastery_is_escaped() {
        let book = BookMastery {
            book: payload("book"),
            chapters: vec![(
                chapter(&payload("chapter-id"), &payload("chapter-title")),
                mastery(50, 1, 2),
            )],
            topics: vec![(payload("topic"), mastery(50, 1, 2))],
            mistakes: vec![payload("mistake")],
        };
        assert_escaped(
            &mastery_html(&book, 7),
            &["book", "chapter-id", "chapter-title", "topic", "mistake"],
        );
    }
}
