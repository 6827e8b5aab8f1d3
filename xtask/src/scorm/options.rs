//! The arguments of `cargo xtask scorm`, checked before anything is built
//! or written, and what follows from them: the quiz's launch link and the
//! package's name.

use std::path::PathBuf;

use quiz_application::lms::{LmsLaunch, Packaged, DEFAULT_PASS_PERCENT};
use quiz_application::quiz::{DEFAULT_QUIZ_LENGTH, MAX_QUIZ_LENGTH};
use quiz_application::Route;

use super::catalog::Book;
use super::version::ScormVersion;

pub const USAGE: &str =
    "cargo xtask scorm (--book <book-id> | --pack <file.json>) [--chapters 1,2] \
[--count 10] [--scorm 1.2|2004] [--pass 80] [--title \"…\"]";

const DEFAULT_COUNT: u16 = DEFAULT_QUIZ_LENGTH as u16;
const MAX_COUNT: u16 = MAX_QUIZ_LENGTH as u16;
const DEFAULT_PASS: u8 = DEFAULT_PASS_PERCENT as u8;
/// The manifest's title is at most 200 characters in SCORM 1.2's schema.
const MAX_TITLE: usize = 200;

/// What the package quizzes on.
#[derive(Debug, PartialEq, Eq)]
pub enum QuizOf {
    /// A book of the build, by id.
    Book(String),
    /// A quiz pack's file, which the package carries.
    Pack(PathBuf),
}

#[derive(Debug, PartialEq, Eq)]
pub struct Options {
    pub quiz_of: QuizOf,
    /// Empty means every chapter of the book.
    pub chapters: Vec<String>,
    pub count: u16,
    /// The pass mark, in percent.
    pub pass: u8,
    pub version: ScormVersion,
    /// None means "<book title> quiz", which needs the catalog.
    pub title: Option<String>,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut book = None;
        let mut pack = None;
        let mut chapters = None;
        let mut count = None;
        let mut pass = None;
        let mut version = None;
        let mut title = None;
        let mut rest = args.iter();
        while let Some(flag) = rest.next() {
            let slot = match flag.as_str() {
                "--book" => &mut book,
                "--pack" => &mut pack,
                "--chapters" => &mut chapters,
                "--count" => &mut count,
                "--pass" => &mut pass,
                "--scorm" => &mut version,
                "--title" => &mut title,
                other => return Err(format!("unknown option {other}\nusage: {USAGE}")),
            };
            let value = rest
                .next()
                .ok_or_else(|| format!("{flag} needs a value\nusage: {USAGE}"))?;
            if slot.replace(value.as_str()).is_some() {
                return Err(format!("{flag} is given twice"));
            }
        }
        let quiz_of = match (book, pack) {
            (Some(book), None) => QuizOf::Book(book.to_owned()),
            (None, Some(pack)) => QuizOf::Pack(PathBuf::from(pack)),
            (Some(_), Some(_)) => return Err("give --book or --pack, not both".into()),
            (None, None) => return Err(format!("--book or --pack is required\nusage: {USAGE}")),
        };
        Ok(Options {
            quiz_of,
            chapters: chapters.map_or(Ok(Vec::new()), chapter_list)?,
            count: count.map_or(Ok(DEFAULT_COUNT), question_count)?,
            pass: pass.map_or(Ok(DEFAULT_PASS), pass_mark)?,
            version: version.map_or(Ok(ScormVersion::Scorm12), ScormVersion::parse)?,
            title: title.map(checked_title).transpose()?,
        })
    }

    /// Checks the chapters against `book` (the build's, or the pack's),
    /// and returns the package's title.
    pub fn title_from(&self, book: &Book) -> Result<String, String> {
        if let Some(unknown) = self.chapters.iter().find(|c| !book.chapters.contains(c)) {
            return Err(format!(
                "{} has no chapter \"{unknown}\"; its chapters are {}",
                book.id,
                book.chapters.join(", ")
            ));
        }
        match &self.title {
            Some(title) => Ok(title.clone()),
            None => checked_title(&format!("{} quiz", book.title)),
        }
    }

    /// The resource's launch link: the app's own `#/lms` route, written by
    /// the app's router; a pack is named by its file beside the launch page
    /// (`pack_file`).
    pub fn launch(&self, book: &Book) -> String {
        let quiz_of = match &self.quiz_of {
            QuizOf::Book(_) => Packaged::Book(book.id.clone()),
            QuizOf::Pack(_) => Packaged::Pack(pack_file(&book.id)),
        };
        let launch = LmsLaunch {
            quiz_of,
            count: usize::from(self.count),
            chapters: self.chapters.clone(),
            pass_percent: u32::from(self.pass),
        };
        format!("index.html{}", Route::Lms(Ok(launch)).to_hash())
    }

    /// A slug naming the package after what it asks of `book`, such as
    /// `fluent-python-ch-1-2-10q-scorm12`; the zip and the manifest's
    /// identifiers are named after it.
    pub fn package_name(&self, book: &str) -> String {
        let mut name = book.to_owned();
        if !self.chapters.is_empty() {
            name.push_str(&format!("-ch-{}", self.chapters.join("-")));
        }
        name.push_str(&format!("-{}q-{}", self.count, self.version.slug()));
        name
    }
}

/// The name a pack's file has in a package: its id, a slug, so the launch
/// link can only name a file beside the launch page.
pub fn pack_file(pack: &str) -> String {
    format!("{pack}.json")
}

fn chapter_list(value: &str) -> Result<Vec<String>, String> {
    let mut chapters: Vec<String> = Vec::new();
    for chapter in value.split(',') {
        if chapter.is_empty() {
            return Err(format!(
                "--chapters must be chapter ids separated by commas, such as 1,2, not \"{value}\""
            ));
        }
        if chapters.iter().any(|c| c == chapter) {
            return Err(format!("--chapters names chapter \"{chapter}\" twice"));
        }
        chapters.push(chapter.to_owned());
    }
    Ok(chapters)
}

fn question_count(value: &str) -> Result<u16, String> {
    match value.parse::<u16>() {
        Ok(n) if (1..=MAX_COUNT).contains(&n) => Ok(n),
        _ => Err(format!(
            "--count must be a whole number from 1 to {MAX_COUNT}, not \"{value}\""
        )),
    }
}

fn pass_mark(value: &str) -> Result<u8, String> {
    match value.parse::<u8>() {
        Ok(n) if n <= 100 => Ok(n),
        _ => Err(format!(
            "--pass must be a whole percentage from 0 to 100, not \"{value}\""
        )),
    }
}

/// A title the manifest can carry: XML escapes markup, but not control
/// characters, and SCORM 1.2 caps its length.
fn checked_title(title: &str) -> Result<String, String> {
    let title = title.trim();
    if title.is_empty() {
        return Err("--title must not be empty".into());
    }
    if title.chars().any(char::is_control) {
        return Err("--title must not contain control characters (tabs, line breaks…)".into());
    }
    if title.chars().count() > MAX_TITLE {
        return Err(format!(
            "--title must be at most {MAX_TITLE} characters, not {}",
            title.chars().count()
        ));
    }
    Ok(title.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorm::catalog::Catalog;

    fn parse(args: &[&str]) -> Result<Options, String> {
        Options::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    fn fluent_python() -> Book {
        catalog().book("fluent-python").unwrap().clone()
    }

    fn catalog() -> Catalog {
        Catalog::from_json(
            r#"{"format": 1, "books": [
                {"book": {"id": "fluent-python", "title": "Fluent Python", "authors": "L. R.", "summary": "S"},
                 "chapters": [{"id": "1", "title": "The Python Data Model"}, {"id": "2", "title": "Sequences"}],
                 "question_count": 3},
                {"book": {"id": "clean-architecture", "title": "Clean Architectures in Python", "authors": "L. G.", "summary": "S"},
                 "chapters": [{"id": "intro", "title": "Introduction"}],
                 "question_count": 1}
            ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn the_defaults_are_scorm_1_2_ten_questions_and_80_percent() {
        let options = parse(&["--book", "fluent-python"]).unwrap();
        assert_eq!(
            options,
            Options {
                quiz_of: QuizOf::Book("fluent-python".into()),
                chapters: vec![],
                count: 10,
                pass: 80,
                version: ScormVersion::Scorm12,
                title: None,
            }
        );
        assert_eq!(
            options.title_from(&fluent_python()).unwrap(),
            "Fluent Python quiz"
        );
        assert_eq!(
            options.launch(&fluent_python()),
            "index.html#/lms?book=fluent-python&count=10&pass=80"
        );
        assert_eq!(
            options.package_name("fluent-python"),
            "fluent-python-10q-scorm12"
        );
    }

    #[test]
    fn chapters_come_last_in_the_launch_link_and_name_the_package() {
        let options = parse(&[
            "--scorm",
            "2004",
            "--book",
            "fluent-python",
            "--chapters",
            "1,2",
            "--count",
            "5",
            "--pass",
            "70",
            "--title",
            "  Week 1 ",
        ])
        .unwrap();
        assert_eq!(options.title_from(&fluent_python()).unwrap(), "Week 1");
        assert_eq!(
            options.launch(&fluent_python()),
            "index.html#/lms?book=fluent-python&count=5&pass=70&chapters=1,2"
        );
        assert_eq!(
            options.package_name("fluent-python"),
            "fluent-python-ch-1-2-5q-scorm2004"
        );
        let pack = parse(&["--pack", "week-1.json", "--count", "3"]).unwrap();
        assert_eq!(pack.quiz_of, QuizOf::Pack("week-1.json".into()));
        let packed = Book {
            id: "course-pack".into(),
            title: "A course pack".into(),
            chapters: vec!["week-1".into()],
        };
        assert_eq!(
            pack.launch(&packed),
            "index.html#/lms?pack=course-pack.json&count=3&pass=80"
        );
    }

    #[test]
    fn bad_arguments_are_refused_with_what_is_allowed() {
        let message = |args: &[&str]| parse(args).unwrap_err();
        assert_eq!(
            message(&["--book", "fluent-python", "--count", "0"]),
            "--count must be a whole number from 1 to 200, not \"0\""
        );
        assert_eq!(
            message(&["--book", "fluent-python", "--count", "201"]),
            "--count must be a whole number from 1 to 200, not \"201\""
        );
        assert_eq!(
            message(&["--book", "fluent-python", "--pass", "101"]),
            "--pass must be a whole percentage from 0 to 100, not \"101\""
        );
        assert_eq!(
            message(&["--book", "fluent-python", "--scorm", "2004v3"]),
            "--scorm must be 1.2 or 2004 (2004 means 4th Edition), not \"2004v3\""
        );
        assert_eq!(
            message(&["--book", "fluent-python", "--chapters", "1,,2"]),
            "--chapters must be chapter ids separated by commas, such as 1,2, not \"1,,2\""
        );
        assert_eq!(
            message(&["--book", "fluent-python", "--title", "a\nb"]),
            "--title must not contain control characters (tabs, line breaks…)"
        );
        assert!(message(&["--count", "5"]).starts_with("--book or --pack is required\nusage: "));
        assert_eq!(
            message(&["--book", "fluent-python", "--pack", "p.json"]),
            "give --book or --pack, not both"
        );
        assert!(message(&["--book", "fluent-python", "--seed", "1"])
            .starts_with("unknown option --seed\nusage: "));
        assert!(message(&["--book"]).starts_with("--book needs a value\n"));
        assert_eq!(
            message(&["--book", "a", "--book", "b"]),
            "--book is given twice"
        );
    }

    #[test]
    fn a_bad_chapter_or_book_names_the_known_ones() {
        let options = parse(&["--book", "fluent-python", "--chapters", "1,99"]).unwrap();
        assert_eq!(
            options.title_from(&fluent_python()).unwrap_err(),
            "fluent-python has no chapter \"99\"; its chapters are 1, 2"
        );
        assert_eq!(
            catalog().book("fluent").err().unwrap(),
            "no book \"fluent\" in the build; the books are fluent-python, clean-architecture"
        );
    }
}
