//! The readiness report of an interview exam: the overview, known from the
//! exam's summary alone, then the details, which need the books' questions.

use quiz_domain::Score;

use crate::exam::{ChapterScore, ExamReport, ExamSummary, ReadingGroup};
use crate::html_text::{escape, table};
use crate::quiz::{QuizRequest, DEFAULT_QUIZ_LENGTH};
use crate::reports::reading_links::{offline_note_html, reading_link_html};
use crate::score_text;
use crate::Route;

/// When the exam finished (as `local_time` writes it), the time it took
/// and the score of each book, each book named by `title_of` its id.
pub fn exam_overview_html(
    summary: &ExamSummary,
    title_of: &dyn Fn(&str) -> String,
    local_time: &dyn Fn(u64) -> String,
) -> String {
    let used_seconds = (summary.finished_at_ms - summary.started_at_ms) / 1000;
    let ending = if summary.timed_out {
        "Time ran out; unanswered questions count as wrong."
    } else {
        "Every question was answered in time."
    };
    let books = summary
        .books
        .iter()
        .map(|(book, score)| vec![escape(&title_of(book)), score_text(*score)]);
    format!(
        "<p>Finished {}; {} min {} s used of {} minutes. {ending}</p><h2>Per book</h2>{}",
        escape(&local_time(summary.finished_at_ms)),
        used_seconds / 60,
        used_seconds % 60,
        summary.minutes,
        table("recent", &["Book", "Score"], books)
    )
}

/// The scores per chapter, the strong and weak topics, the reading list
/// and the time per question. `seed` draws the quizzes its links offer;
/// `online` is whether the reading links can be opened now.
pub fn exam_details_html(
    report: &ExamReport,
    title_of: &dyn Fn(&str) -> String,
    seed: u64,
    online: bool,
) -> String {
    let chapters = report
        .chapters
        .iter()
        .map(|c| vec![chapter_name(c, title_of), score_text(c.score)]);
    let times = report
        .answers
        .iter()
        .enumerate()
        .map(|(n, (book, response))| {
            let time = response.time_ms.map_or("not answered".to_owned(), |ms| {
                format!("{} s", ms.div_ceil(1000))
            });
            let answer = if response.correct { "right" } else { "wrong" };
            vec![
                (n + 1).to_string(),
                escape(&title_of(book)),
                answer.to_owned(),
                time,
            ]
        });
    format!(
        "<h2>Per chapter</h2>{}<h2>Strong topics</h2>{}<h2>Weak topics</h2>{}<h2>Reading list</h2>{}<h2>Time per question</h2>{}",
        table("recent", &["Chapter", "Score"], chapters),
        topics_html(
            &report.strong_topics,
            "No topic was answered right every time."
        ),
        topics_html(&report.weak_topics, "No topic scored under half."),
        reading_list_html(&report.reading_list, title_of, seed, online),
        table("recent", &["#", "Book", "Answer", "Time"], times)
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

/// Each chapter with a missed question, a link to practise it and the
/// sections to read, each with how many missed questions sent there.
fn reading_list_html(
    groups: &[ReadingGroup],
    title_of: &dyn Fn(&str) -> String,
    seed: u64,
    online: bool,
) -> String {
    let reading: String = groups
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
    if reading.is_empty() {
        "<p>No question was missed.</p>".to_owned()
    } else {
        format!(
            r#"<ul class="reread-list">{reading}</ul>{}"#,
            offline_note_html(online)
        )
    }
}

#[cfg(test)]
mod tests {
    use quiz_domain::{Answer, Chapter, ReadingLink, Response};

    use super::*;
    use crate::reports::test_payload::{assert_escaped, payload};

    fn score(correct: u32, total: u32) -> Score {
        Score { correct, total }
    }

    fn response(correct: bool, time_ms: Option<u64>) -> Response {
        Response {
            question: "q".into(),
            answer: Answer::new([0]),
            correct,
            time_ms,
        }
    }

    fn title_of(book: &str) -> String {
        format!("Book {book}")
    }

    fn local_time(ms: u64) -> String {
        format!("at {ms}")
    }

    #[test]
    fn the_overview_says_when_and_how_long_then_scores_each_book() {
        let summary = ExamSummary {
            id: "e1".into(),
            started_at_ms: 0,
            finished_at_ms: 754_000,
            minutes: 30,
            score: score(3, 4),
            books: vec![("fp".into(), score(2, 2)), ("ap".into(), score(1, 2))],
            timed_out: true,
        };
        assert_eq!(
            exam_overview_html(&summary, &title_of, &local_time),
            concat!(
                "<p>Finished at 754000; 12 min 34 s used of 30 minutes. Time ran out; unanswered questions count as wrong.</p>",
                r#"<h2>Per book</h2><table class="recent"><thead><tr><th scope="col">Book</th><th scope="col">Score</th></tr></thead>"#,
                "<tbody><tr><td>Book fp</td><td>2 of 2 (100%)</td></tr><tr><td>Book ap</td><td>1 of 2 (50%)</td></tr></tbody></table>"
            )
        );
    }

    #[test]
    fn the_details_score_chapters_and_topics_then_list_reading_and_times() {
        let chapter = ChapterScore {
            book: "fp".into(),
            chapter: Chapter {
                id: "2".into(),
                title: "Data model".into(),
            },
            score: score(1, 2),
        };
        let link = ReadingLink {
            url: "https://docs.python.org/3/reference/datamodel.html".into(),
            label: "Data model".into(),
        };
        let report = ExamReport {
            chapters: vec![chapter.clone()],
            strong_topics: vec![("closures".into(), score(2, 2))],
            weak_topics: Vec::new(),
            answers: vec![
                ("fp".into(), response(true, Some(1500))),
                ("fp".into(), response(false, None)),
            ],
            reading_list: vec![ReadingGroup {
                chapter,
                sections: vec![(link, 1)],
            }],
        };
        assert_eq!(
            exam_details_html(&report, &title_of, 42, false),
            concat!(
                r#"<h2>Per chapter</h2><table class="recent"><thead><tr><th scope="col">Chapter</th><th scope="col">Score</th></tr></thead>"#,
                "<tbody><tr><td>Book fp · 2 · Data model</td><td>1 of 2 (50%)</td></tr></tbody></table>",
                "<h2>Strong topics</h2><ul><li>closures: 2 of 2 (100%)</li></ul>",
                "<h2>Weak topics</h2><p>No topic scored under half.</p>",
                r##"<h2>Reading list</h2><ul class="reread-list"><li>Book fp · 2 · Data model (1 of 2 (50%)) <a href="#/book/fp/quiz?count=10&amp;seed=42&amp;chapters=2">Practise this chapter</a>"##,
                r#"<ul class="reading-links"><li><a href="https://docs.python.org/3/reference/datamodel.html" target="_blank" rel="noopener noreferrer">Data model"#,
                r#"<span class="visually-hidden">, external site, opens in a new tab</span></a> <span class="link-host">docs.python.org</span> (1 missed question)</li></ul></li></ul>"#,
                r#"<p class="offline-note">These links need a connection.</p>"#,
                r##"<h2>Time per question</h2><table class="recent"><thead><tr><th scope="col">#</th><th scope="col">Book</th><th scope="col">Answer</th><th scope="col">Time</th></tr></thead>"##,
                "<tbody><tr><td>1</td><td>Book fp</td><td>right</td><td>2 s</td></tr><tr><td>2</td><td>Book fp</td><td>wrong</td><td>not answered</td></tr></tbody></table>"
            )
        );
    }

    #[test]
    fn a_report_without_misses_or_topics_says_so() {
        let report = ExamReport {
            chapters: Vec::new(),
            strong_topics: Vec::new(),
            weak_topics: Vec::new(),
            answers: Vec::new(),
            reading_list: Vec::new(),
        };
        let html = exam_details_html(&report, &title_of, 42, true);
        assert!(
            html.contains("<h2>Strong topics</h2><p>No topic was answered right every time.</p>")
        );
        assert!(html.contains("<h2>Reading list</h2><p>No question was missed.</p>"));
        assert!(!html.contains("offline-note"), "{html}");
    }

    #[test]
    fn every_text_of_the_overview_is_escaped() {
        let summary = ExamSummary {
            id: payload("exam"),
            started_at_ms: 0,
            finished_at_ms: 1000,
            minutes: 30,
            score: score(1, 1),
            books: vec![(payload("book"), score(1, 1))],
            timed_out: false,
        };
        let html = exam_overview_html(
            &summary,
            &|book| format!("{}{book}", payload("title")),
            &|_| payload("time"),
        );
        assert_escaped(&html, &["title", "book", "time"]);
    }

    #[test]
    fn every_text_of_the_details_is_escaped() {
        let chapter = ChapterScore {
            book: payload("book"),
            chapter: Chapter {
                id: payload("chapter-id"),
                title: payload("chapter-title"),
            },
            score: score(0, 1),
        };
        let link = ReadingLink {
            url: format!("https://docs.example/{}", payload("url")),
            label: payload("label"),
        };
        let report = ExamReport {
            chapters: vec![chapter.clone()],
            strong_topics: vec![(payload("strong-topic"), score(1, 1))],
            weak_topics: vec![(payload("weak-topic"), score(0, 1))],
            answers: vec![(payload("answered-book"), response(false, Some(1)))],
            reading_list: vec![ReadingGroup {
                chapter,
                sections: vec![(link, 2)],
            }],
        };
        let html = exam_details_html(
            &report,
            &|book| format!("{}{book}", payload("title")),
            42,
            false,
        );
        assert_escaped(
            &html,
            &[
                "title",
                "book",
                "chapter-id",
                "chapter-title",
                "url",
                "label",
                "strong-topic",
                "weak-topic",
                "answered-book",
            ],
        );
    }
}
