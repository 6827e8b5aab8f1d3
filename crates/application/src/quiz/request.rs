use quiz_domain::{is_slug, Mode};
use serde::{Deserialize, Serialize};

use crate::url_query::query_pairs;

pub const DEFAULT_QUIZ_LENGTH: usize = 10;
pub const MAX_QUIZ_LENGTH: usize = 200;
/// The modes a one-book quiz link can ask for; interviews have their own.
const QUIZ_MODES: [Mode; 3] = [Mode::Practice, Mode::Mistakes, Mode::Review];
/// A review session asks at most this many due questions, soonest first.
pub const REVIEW_SESSION_LENGTH: usize = 20;

/// The quiz a person asked for: which book, how many questions, from which
/// chapters (all when empty), and the seed that draws them, so the same
/// request always asks the same questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizRequest {
    pub book: String,
    pub count: usize,
    pub seed: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chapters: Vec<String>,
    /// Only questions tagged with one of these (any question when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// These questions, in this order, instead of a draw (mistakes to retry).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
    #[serde(default)]
    pub mode: Mode,
}

impl QuizRequest {
    pub fn new(book: impl Into<String>, count: usize, seed: u64) -> QuizRequest {
        QuizRequest {
            book: book.into(),
            count,
            seed,
            chapters: Vec::new(),
            topics: Vec::new(),
            questions: Vec::new(),
            mode: Mode::Practice,
        }
    }

    /// Retries `questions` (ids of one book) in mistakes mode.
    pub fn mistakes(book: impl Into<String>, questions: Vec<String>, seed: u64) -> QuizRequest {
        QuizRequest {
            questions,
            mode: Mode::Mistakes,
            ..QuizRequest::new(book, MAX_QUIZ_LENGTH, seed)
        }
    }

    /// Asks the first `REVIEW_SESSION_LENGTH` of `due` (soonest first) in
    /// review mode.
    pub fn review(book: impl Into<String>, mut due: Vec<String>, seed: u64) -> QuizRequest {
        due.truncate(REVIEW_SESSION_LENGTH);
        QuizRequest {
            mode: Mode::Review,
            ..QuizRequest::mistakes(book, due, seed)
        }
    }

    /// The quiz's page, as a URL hash: `#/book/<book>/quiz?<query>`.
    pub fn link(&self) -> String {
        format!("#/book/{}/quiz?{}", self.book, self.to_query())
    }

    /// The query part of the quiz link, `count=10&seed=42` then, when set,
    /// `&chapters=1,9`, `&topics=closures`, `&questions=…`, `&mode=mistakes`.
    pub fn to_query(&self) -> String {
        let mut query = format!("count={}&seed={}", self.count, self.seed);
        let lists = [
            ("chapters", &self.chapters),
            ("topics", &self.topics),
            ("questions", &self.questions),
        ];
        for (name, list) in lists {
            if !list.is_empty() {
                query.push_str(&format!("&{name}={}", list.join(",")));
            }
        }
        if self.mode != Mode::Practice {
            query.push_str(&format!("&mode={}", self.mode.name()));
        }
        query
    }

    /// Reads the query of a quiz link; the error says what is wrong.
    pub fn from_query(book: String, query: &str) -> Result<QuizRequest, String> {
        // Without a seed every reload would draw a new quiz; 0 is as good as any.
        let mut request = QuizRequest::new(book, DEFAULT_QUIZ_LENGTH, 0);
        for (name, value) in query_pairs(query)? {
            match name {
                "count" => request.count = question_count(value)?,
                "seed" => request.seed = seed(value)?,
                "chapters" => request.chapters = chapter_list(value)?,
                "topics" => {
                    request.topics = id_list(value, "topics", "topic ids", "closures,decorators")?
                }
                "questions" => {
                    request.questions = id_list(value, "questions", "question ids", "fp-a,fp-b")?
                }
                "mode" => {
                    request.mode = Mode::from_name(value)
                        .filter(|mode| QUIZ_MODES.contains(mode))
                        .ok_or_else(|| {
                        let known: Vec<&str> = QUIZ_MODES.iter().map(|m| m.name()).collect();
                        format!("mode must be one of {}, not \"{value}\"", known.join(", "))
                    })?
                }
                other => {
                    return Err(format!(
                        "unknown quiz parameter \"{other}\" (known: count, seed, chapters, topics, questions, mode)"
                    ))
                }
            }
        }
        Ok(request)
    }
}

/// The `count` of a quiz or exam link.
pub(crate) fn question_count(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if (1..=MAX_QUIZ_LENGTH).contains(&n) => Ok(n),
        _ => Err(format!(
            "count must be a whole number from 1 to {MAX_QUIZ_LENGTH}, not \"{value}\""
        )),
    }
}

/// The `seed` of a quiz or exam link.
pub(crate) fn seed(value: &str) -> Result<u64, String> {
    value
        .parse()
        .map_err(|_| format!("seed must be a whole number, not \"{value}\""))
}

/// A comma-separated list of ids; the error names the first bad one.
/// A `chapters=1,9` parameter's ids.
pub(crate) fn chapter_list(value: &str) -> Result<Vec<String>, String> {
    id_list(value, "chapters", "chapter ids", "1,9")
}

fn id_list(value: &str, name: &str, what: &str, example: &str) -> Result<Vec<String>, String> {
    let ids: Vec<String> = value.split(',').map(str::to_owned).collect();
    match ids.iter().find(|id| !is_slug(id)) {
        Some(bad) => Err(format!(
            "{name} must be {what} separated by commas, such as {example}; \"{bad}\" is not one"
        )),
        None => Ok(ids),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_round_trip_through_their_query() {
        let mut request = QuizRequest::new("fp", 5, 42);
        assert_eq!(request.to_query(), "count=5&seed=42");
        assert_eq!(
            QuizRequest::from_query("fp".into(), &request.to_query()),
            Ok(request.clone())
        );
        request.chapters = vec!["1".into(), "appendices".into()];
        assert_eq!(request.to_query(), "count=5&seed=42&chapters=1,appendices");
        request.topics = vec!["closures".into()];
        assert_eq!(
            request.to_query(),
            "count=5&seed=42&chapters=1,appendices&topics=closures"
        );
        let mistakes = QuizRequest::mistakes("fp", vec!["fp-a".into(), "fp-b".into()], 3);
        assert_eq!(
            mistakes.to_query(),
            "count=200&seed=3&questions=fp-a,fp-b&mode=mistakes"
        );
        assert_eq!(
            QuizRequest::from_query("fp".into(), &mistakes.to_query()),
            Ok(mistakes)
        );
        assert_eq!(
            QuizRequest::from_query("fp".into(), "mode=exam"),
            Err("mode must be one of practice, mistakes, review, not \"exam\"".into())
        );
        assert_eq!(
            QuizRequest::from_query("fp".into(), &request.to_query()),
            Ok(request)
        );
    }

    #[test]
    fn a_bad_chapter_list_is_explained() {
        assert_eq!(
            QuizRequest::from_query("fp".into(), "chapters=1,,2"),
            Err(
                "chapters must be chapter ids separated by commas, such as 1,9; \"\" is not one"
                    .into()
            )
        );
        assert_eq!(
            QuizRequest::from_query("fp".into(), "chapters=Intro"),
            Err("chapters must be chapter ids separated by commas, such as 1,9; \"Intro\" is not one".into())
        );
    }
}
