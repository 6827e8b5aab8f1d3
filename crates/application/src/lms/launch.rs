//! The quiz a SCORM package launches (`#/lms?book=…&count=…&pass=…`, or
//! `pack=<file>` for a quiz pack the package carries), as `cargo xtask
//! scorm` writes it into the package's manifest.

use quiz_domain::is_slug;

use crate::quiz::{chapter_list, question_count, QuizRequest, DEFAULT_QUIZ_LENGTH};
use crate::url_query::{query_pairs, shortened};

/// A package passes at this percentage unless it says otherwise.
pub const DEFAULT_PASS_PERCENT: u32 = 80;

/// What a package asks its questions of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Packaged {
    /// One of the app's books, by id.
    Book(String),
    /// A quiz pack, by the name of its file beside the launch page.
    Pack(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LmsLaunch {
    pub quiz_of: Packaged,
    pub count: usize,
    pub chapters: Vec<String>,
    /// The percentage of right answers that passes.
    pub pass_percent: u32,
}

/// A pack's file name as a package carries it: `<slug>.json`, so that it
/// can only name a file beside the launch page.
fn pack_file(value: &str) -> Result<String, String> {
    match value.strip_suffix(".json") {
        Some(stem) if is_slug(stem) => Ok(value.to_owned()),
        _ => Err(format!(
            "pack must name a file such as week-1.json beside the launch page, not \"{}\"",
            shortened(value)
        )),
    }
}

impl LmsLaunch {
    pub fn from_query(query: &str) -> Result<LmsLaunch, String> {
        let mut quiz_of = None;
        let mut launch = LmsLaunch {
            quiz_of: Packaged::Book(String::new()),
            count: DEFAULT_QUIZ_LENGTH,
            chapters: Vec::new(),
            pass_percent: DEFAULT_PASS_PERCENT,
        };
        for (name, value) in query_pairs(query)? {
            let packaged = match name {
                "book" if is_slug(value) => Packaged::Book(value.to_owned()),
                "book" => return Err(format!("\"{}\" is not a book id", shortened(value))),
                "pack" => Packaged::Pack(pack_file(value)?),
                "count" => {
                    launch.count = question_count(value)?;
                    continue;
                }
                "chapters" => {
                    launch.chapters = chapter_list(value)?;
                    continue;
                }
                "pass" => {
                    launch.pass_percent = match value.parse::<u32>() {
                        Ok(percent) if percent <= 100 => percent,
                        _ => {
                            return Err(format!(
                                "pass must be a percentage from 0 to 100, not \"{}\"",
                                shortened(value)
                            ))
                        }
                    };
                    continue;
                }
                other => {
                    return Err(format!(
                    "unknown package parameter \"{}\" (known: book, pack, count, chapters, pass)",
                    shortened(other)
                ))
                }
            };
            if quiz_of.replace(packaged).is_some() {
                return Err("a package launches a book or a pack, not both".into());
            }
        }
        launch.quiz_of = quiz_of.ok_or("the package names no book or pack (book=… or pack=…)")?;
        Ok(launch)
    }

    /// A fresh draw of the package's quiz from `book` (the book's id, or
    /// the pack's once read) with `seed`.
    pub fn quiz(&self, book: &str, seed: u64) -> QuizRequest {
        QuizRequest {
            chapters: self.chapters.clone(),
            ..QuizRequest::new(book, self.count, seed)
        }
    }

    /// Whether `quiz` is a draw of this package's quiz from `book` (a
    /// saved one to resume).
    pub fn launches(&self, book: &str, quiz: &QuizRequest) -> bool {
        *quiz == self.quiz(book, quiz.seed)
    }

    pub fn to_query(&self) -> String {
        let quiz_of = match &self.quiz_of {
            Packaged::Book(book) => format!("book={book}"),
            Packaged::Pack(file) => format!("pack={file}"),
        };
        let mut query = format!("{quiz_of}&count={}&pass={}", self.count, self.pass_percent);
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
                quiz_of: Packaged::Book("fp".into()),
                count: 5,
                chapters: vec!["1".into(), "2".into()],
                pass_percent: 70,
            }
        );
        assert_eq!(
            LmsLaunch::from_query(&launch.to_query()),
            Ok(launch.clone())
        );
        let pack = LmsLaunch::from_query("pack=week-1.json&count=3").unwrap();
        assert_eq!(pack.quiz_of, Packaged::Pack("week-1.json".into()));
        assert_eq!(LmsLaunch::from_query(&pack.to_query()), Ok(pack));
        assert_eq!(LmsLaunch::from_query("book=fp").unwrap().pass_percent, 80);
        for (query, message) in [
            ("count=5", "the package names no book or pack (book=… or pack=…)"),
            ("book=fp&pack=p.json", "a package launches a book or a pack, not both"),
            ("book=fp&pass=101", "pass must be a percentage from 0 to 100, not \"101\""),
            ("book=Fluent Python", "\"Fluent Python\" is not a book id"),
            (
                "pack=../secret.json",
                "pack must name a file such as week-1.json beside the launch page, not \"../secret.json\"",
            ),
            (
                "pack=https://elsewhere.example/p.json",
                "pack must name a file such as week-1.json beside the launch page, not \"https://elsewhere.example/p.json\"",
            ),
            (
                "book=fp&seed=3",
                "unknown package parameter \"seed\" (known: book, pack, count, chapters, pass)",
            ),
        ] {
            assert_eq!(LmsLaunch::from_query(query), Err(message.into()), "{query}");
        }
    }

    #[test]
    fn a_saved_quiz_is_the_package_s_only_when_it_asks_the_same() {
        let launch = LmsLaunch::from_query("book=fp&count=5&chapters=1").unwrap();
        assert!(launch.launches("fp", &launch.quiz("fp", 42)));
        let mut other = launch.quiz("fp", 42);
        other.count = 6;
        assert!(!launch.launches("fp", &other));
        assert!(
            !launch.launches("fp", &QuizRequest::new("fp", 5, 42)),
            "all chapters is another quiz"
        );
        assert!(!launch.launches("fp", &launch.quiz("another-book", 42)));
    }
}
