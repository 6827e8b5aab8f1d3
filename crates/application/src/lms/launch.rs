//! The quiz a SCORM package launches (`#/lms?book=…&count=…&pass=…`), as
//! `cargo xtask scorm` writes it into the package's manifest.

use quiz_domain::is_slug;

use crate::quiz::{chapter_list, question_count, QuizRequest, DEFAULT_QUIZ_LENGTH};
use crate::url_query::{query_pairs, shortened};

/// A package passes at this percentage unless it says otherwise.
pub const DEFAULT_PASS_PERCENT: u32 = 80;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LmsLaunch {
    pub book: String,
    pub count: usize,
    pub chapters: Vec<String>,
    /// The percentage of right answers that passes.
    pub pass_percent: u32,
}

impl LmsLaunch {
    pub fn from_query(query: &str) -> Result<LmsLaunch, String> {
        let mut launch = LmsLaunch {
            book: String::new(),
            count: DEFAULT_QUIZ_LENGTH,
            chapters: Vec::new(),
            pass_percent: DEFAULT_PASS_PERCENT,
        };
        for (name, value) in query_pairs(query)? {
            match name {
                "book" if is_slug(value) => launch.book = value.to_owned(),
                "book" => return Err(format!("\"{}\" is not a book id", shortened(value))),
                "count" => launch.count = question_count(value)?,
                "chapters" => launch.chapters = chapter_list(value)?,
                "pass" => match value.parse::<u32>() {
                    Ok(percent) if percent <= 100 => launch.pass_percent = percent,
                    _ => {
                        return Err(format!(
                            "pass must be a percentage from 0 to 100, not \"{}\"",
                            shortened(value)
                        ))
                    }
                },
                other => {
                    return Err(format!(
                        "unknown package parameter \"{}\" (known: book, count, chapters, pass)",
                        shortened(other)
                    ))
                }
            }
        }
        if launch.book.is_empty() {
            return Err("the package names no book (book=…)".into());
        }
        Ok(launch)
    }

    /// A fresh draw of the package's quiz with `seed`.
    pub fn quiz(&self, seed: u64) -> QuizRequest {
        QuizRequest {
            chapters: self.chapters.clone(),
            ..QuizRequest::new(self.book.clone(), self.count, seed)
        }
    }

    /// Whether `quiz` is a draw of this package's quiz (a saved one to resume).
    pub fn launches(&self, quiz: &QuizRequest) -> bool {
        *quiz == self.quiz(quiz.seed)
    }

    pub fn to_query(&self) -> String {
        let mut query = format!(
            "book={}&count={}&pass={}",
            self.book, self.count, self.pass_percent
        );
        if !self.chapters.is_empty() {
            query.push_str(&format!("&chapters={}", self.chapters.join(",")));
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_link_round_trips_and_bad_ones_are_explained() {
        let launch = LmsLaunch::from_query("book=fp&count=5&pass=70&chapters=1,2").unwrap();
        assert_eq!(
            launch,
            LmsLaunch {
                book: "fp".into(),
                count: 5,
                chapters: vec!["1".into(), "2".into()],
                pass_percent: 70,
            }
        );
        assert_eq!(
            LmsLaunch::from_query(&launch.to_query()),
            Ok(launch.clone())
        );
        assert_eq!(LmsLaunch::from_query("book=fp").unwrap().pass_percent, 80);
        for (query, message) in [
            ("count=5", "the package names no book (book=…)"),
            (
                "book=fp&pass=101",
                "pass must be a percentage from 0 to 100, not \"101\"",
            ),
            ("book=Fluent Python", "\"Fluent Python\" is not a book id"),
            (
                "book=fp&seed=3",
                "unknown package parameter \"seed\" (known: book, count, chapters, pass)",
            ),
        ] {
            assert_eq!(LmsLaunch::from_query(query), Err(message.into()), "{query}");
        }
    }

    #[test]
    fn a_saved_quiz_is_the_package_s_only_when_it_asks_the_same() {
        let launch = LmsLaunch::from_query("book=fp&count=5&chapters=1").unwrap();
        assert!(launch.launches(&launch.quiz(42)));
        let mut other = launch.quiz(42);
        other.count = 6;
        assert!(!launch.launches(&other));
        assert!(
            !launch.launches(&QuizRequest::new("fp", 5, 42)),
            "all chapters is another quiz"
        );
    }
}
