//! The exam a link asks for: its books, length, time and seed.

use serde::{Deserialize, Serialize};

use quiz_domain::is_slug;

use crate::quiz::{question_count, seed};
use crate::url_query::query_pairs;

pub const DEFAULT_EXAM_QUESTIONS: usize = 30;
pub const DEFAULT_EXAM_MINUTES: u32 = 30;
pub const MAX_EXAM_MINUTES: u32 = 180;

/// The exam asked for, as its link says it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamRequest {
    pub books: Vec<String>,
    pub count: usize,
    pub minutes: u32,
    pub seed: u64,
}

impl ExamRequest {
    /// `books=a,b&count=30&minutes=30&seed=42`
    pub fn to_query(&self) -> String {
        format!(
            "books={}&count={}&minutes={}&seed={}",
            self.books.join(","),
            self.count,
            self.minutes,
            self.seed
        )
    }

    pub fn from_query(query: &str) -> Result<ExamRequest, String> {
        let mut request = ExamRequest {
            books: Vec::new(),
            count: DEFAULT_EXAM_QUESTIONS,
            minutes: DEFAULT_EXAM_MINUTES,
            seed: 0,
        };
        for (name, value) in query_pairs(query)? {
            match name {
                "books" => {
                    request.books = value.split(',').map(str::to_owned).collect();
                    if let Some(bad) = request.books.iter().find(|b| !is_slug(b)) {
                        return Err(format!(
                            "books must be book ids separated by commas, such as fluent-python,stdlib-by-example; \"{bad}\" is not one"
                        ));
                    }
                }
                "count" => request.count = question_count(value)?,
                "minutes" => match value.parse::<u32>() {
                    Ok(n) if (1..=MAX_EXAM_MINUTES).contains(&n) => request.minutes = n,
                    _ => {
                        return Err(format!(
                            "minutes must be a whole number from 1 to {MAX_EXAM_MINUTES}, not \"{value}\""
                        ))
                    }
                },
                "seed" => request.seed = seed(value)?,
                other => {
                    return Err(format!(
                        "unknown exam parameter \"{other}\" (known: books, count, minutes, seed)"
                    ))
                }
            }
        }
        if request.books.is_empty() {
            return Err("an exam needs books, such as books=fluent-python".into());
        }
        Ok(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::exam_request;

    #[test]
    fn exam_links_round_trip_and_bad_ones_are_explained() {
        let request = exam_request(30);
        assert_eq!(request.to_query(), "books=a,b&count=30&minutes=10&seed=3");
        assert_eq!(ExamRequest::from_query(&request.to_query()), Ok(request));
        for (query, message) in [
            ("count=5", "an exam needs books, such as books=fluent-python"),
            ("books=a&minutes=0", "minutes must be a whole number from 1 to 180, not \"0\""),
            ("books=A B", "books must be book ids separated by commas, such as fluent-python,stdlib-by-example; \"A B\" is not one"),
            ("books=a&colour=red", "unknown exam parameter \"colour\" (known: books, count, minutes, seed)"),
        ] {
            assert_eq!(ExamRequest::from_query(query), Err(message.into()), "{query}");
        }
    }
}
