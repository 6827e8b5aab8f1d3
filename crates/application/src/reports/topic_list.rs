//! Every topic of a book, each with its mastery and a link to a quiz on it.

use crate::html_text::escape;
use crate::progress::{BookMastery, Mastery};
use crate::quiz::{QuizRequest, DEFAULT_QUIZ_LENGTH};
use crate::Route;

/// The list of `mastery`'s topics; `seed` draws the quizzes they link to.
pub fn topic_list_html(mastery: &BookMastery, seed: u64) -> String {
    let items: String = mastery
        .topics
        .iter()
        .map(|(topic, m)| {
            format!(
                r#"<li><a href="{}">{}</a> · {} question{} · mastery {}%</li>"#,
                topic_quiz_href(&mastery.book, topic, m, seed),
                escape(topic),
                m.questions,
                if m.questions == 1 { "" } else { "s" },
                m.percent
            )
        })
        .collect();
    format!(r#"<ul class="topic-list">{items}</ul>"#)
}

/// The link to a quiz on `topic` of `book`, escaped for an attribute: as
/// long as the default quiz, or as the topic's questions when they are
/// fewer.
pub(super) fn topic_quiz_href(book: &str, topic: &str, mastery: &Mastery, seed: u64) -> String {
    let mut request = QuizRequest::new(book, mastery.questions.min(DEFAULT_QUIZ_LENGTH), seed);
    request.topics = vec![topic.to_owned()];
    escape(&Route::Quiz(request).to_hash())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::test_payload::{assert_escaped, mastery, payload};

    #[test]
    fn each_topic_links_to_a_quiz_no_longer_than_its_questions() {
        let book = BookMastery {
            book: "fp".into(),
            chapters: Vec::new(),
            topics: vec![
                ("closures".into(), mastery(100, 1, 1)),
                ("descriptors".into(), mastery(0, 1, 30)),
            ],
            mistakes: Vec::new(),
        };
        assert_eq!(
            topic_list_html(&book, 7),
            concat!(
                r#"<ul class="topic-list">"#,
                r##"<li><a href="#/book/fp/quiz?count=1&amp;seed=7&amp;topics=closures">closures</a> · 1 question · mastery 100%</li>"##,
                r##"<li><a href="#/book/fp/quiz?count=10&amp;seed=7&amp;topics=descriptors">descriptors</a> · 30 questions · mastery 0%</li></ul>"##
            )
        );
    }

    #[test]
    fn every_text_of_the_topic_list_is_escaped() {
        let book = BookMastery {
            book: payload("book"),
            chapters: Vec::new(),
            topics: vec![(payload("topic"), mastery(0, 0, 2))],
            mistakes: Vec::new(),
        };
        assert_escaped(&topic_list_html(&book, 7), &["book", "topic"]);
    }
}
