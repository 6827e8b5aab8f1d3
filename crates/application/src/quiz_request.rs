use quiz_domain::is_slug;
use serde::{Deserialize, Serialize};

pub const DEFAULT_QUIZ_LENGTH: usize = 10;
pub const MAX_QUIZ_LENGTH: usize = 200;

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
}

impl QuizRequest {
    pub fn new(book: impl Into<String>, count: usize, seed: u64) -> QuizRequest {
        QuizRequest {
            book: book.into(),
            count,
            seed,
            chapters: Vec::new(),
        }
    }

    /// The query part of the quiz link, `count=10&seed=42[&chapters=1,9]`.
    pub fn to_query(&self) -> String {
        let mut query = format!("count={}&seed={}", self.count, self.seed);
        if !self.chapters.is_empty() {
            query.push_str("&chapters=");
            query.push_str(&self.chapters.join(","));
        }
        query
    }

    /// Reads the query of a quiz link; the error says what is wrong.
    pub fn from_query(book: String, query: &str) -> Result<QuizRequest, String> {
        // Without a seed every reload would draw a new quiz; 0 is as good as any.
        let mut request = QuizRequest::new(book, DEFAULT_QUIZ_LENGTH, 0);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            match name {
                "count" => match value.parse::<usize>() {
                    Ok(n) if (1..=MAX_QUIZ_LENGTH).contains(&n) => request.count = n,
                    _ => {
                        return Err(format!(
                        "count must be a whole number from 1 to {MAX_QUIZ_LENGTH}, not \"{value}\""
                    ))
                    }
                },
                "seed" => {
                    request.seed = value
                        .parse()
                        .map_err(|_| format!("seed must be a whole number, not \"{value}\""))?
                }
                "chapters" => {
                    let chapters: Vec<String> = value.split(',').map(str::to_owned).collect();
                    if let Some(bad) = chapters.iter().find(|c| !is_slug(c)) {
                        return Err(format!(
                            "chapters must be chapter ids separated by commas, such as 1,9; \"{bad}\" is not one"
                        ));
                    }
                    request.chapters = chapters;
                }
                other => {
                    return Err(format!(
                        "unknown quiz parameter \"{other}\" (known: count, seed, chapters)"
                    ))
                }
            }
        }
        Ok(request)
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
