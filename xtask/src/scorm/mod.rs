//! `cargo xtask scorm`: a SCORM package of one quiz, for an LMS (Moodle,
//! Canvas…) to run and to put the score in its gradebook. The package is
//! the release build's own files, launched at the in-app route `#/lms`,
//! which finds the LMS's API, runs the quiz and reports to it; so the
//! package is made from dist/, never from sources.

mod catalog;
mod manifest;
mod options;
mod pack;
mod package;
#[cfg(test)]
mod schema_check;
mod version;

use std::path::{Path, PathBuf};

use catalog::Catalog;
use manifest::{manifest, Course};
use options::{Options, QuizOf};
use pack::Pack;

pub use options::USAGE;

pub fn scorm(args: &[String]) -> Result<(), String> {
    // Arguments first: a typo should not cost a build.
    let options = Options::parse(args)?;
    let dist = crate::workspace().join("dist");
    if !dist.join("index.html").is_file() {
        println!("xtask: dist/ holds no release build; building it first");
        crate::setup::install_missing()?;
        crate::build()?;
    }
    let zip = write_package(&options, &dist)?;
    let bytes = std::fs::metadata(&zip)
        .map_err(|e| format!("{}: {e}", zip.display()))?
        .len();
    println!(
        "xtask: wrote {} ({:.1} KB)",
        zip.display(),
        bytes as f64 / 1000.0
    );
    Ok(())
}

/// Writes the package `options` ask for, from the release in `dist`, to
/// `dist/scorm/<name>.zip`, and returns its path. Everything is checked
/// before the zip is begun.
fn write_package(options: &Options, dist: &Path) -> Result<PathBuf, String> {
    let catalog = Catalog::read(&dist.join("banks/catalog.json"))?;
    let (book, pack) = match &options.quiz_of {
        QuizOf::Book(id) => (catalog.book(id)?.clone(), None),
        QuizOf::Pack(path) => {
            let pack = Pack::read(path, &catalog)?;
            (pack.book.clone(), Some(pack))
        }
    };
    let title = options.title_from(&book)?;
    let from_dist = package::app_files(dist, pack.is_none().then_some(book.id.as_str()))?;
    let carried: Vec<(String, &[u8])> = pack
        .iter()
        .map(|pack| (pack.file.clone(), pack.json.as_bytes()))
        .collect();
    let mut files = from_dist.clone();
    files.extend(carried.iter().map(|(name, _)| name.clone()));
    files.sort();
    let course = Course {
        version: options.version,
        name: options.package_name(&book.id),
        title,
        launch: options.launch(&book),
        pass: options.pass,
        files,
    };
    let schemas = package::schema_files(&options.version.schema_dir())?;
    let zip = dist.join("scorm").join(format!("{}.zip", course.name));
    package::write(
        &zip,
        &manifest(&course),
        &schemas,
        dist,
        &from_dist,
        &carried,
    )?;
    Ok(zip)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(args: &[&str]) -> Options {
        Options::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn a_package_is_written_under_dist_scorm_named_after_what_it_asks() {
        let dist = package::tests::fake_dist();
        let zip = write_package(
            &options(&["--book", "fluent-python", "--chapters", "1", "--count", "5"]),
            dist.path(),
        )
        .unwrap();
        assert_eq!(
            zip,
            dist.path().join("scorm/fluent-python-ch-1-5q-scorm12.zip")
        );
        assert!(zip.is_file());
    }

    /// A pack as course authors write them, of two questions in one week.
    fn course_pack() -> String {
        let question = |id: &str| {
            format!(
                r#"{{"id": "{id}", "chapter": "week-1", "topics": ["testing"], "difficulty": 2,
                "kind": "single", "prompt": "<p>Which one?</p>", "explanation": "<p>Because.</p>",
                "options": [{{"text": "This", "correct": true, "why": "<p>Right.</p>"}},
                            {{"text": "That", "correct": false, "why": "<p>Wrong.</p>"}}]}}"#
            )
        };
        format!(
            r#"{{"format": 1, "book": {{"id": "course-pack", "title": "Week 1 of a course",
            "authors": "A teacher", "summary": "The first week."}},
            "chapters": [{{"id": "week-1", "title": "Week 1"}}],
            "questions": [{}, {}]}}"#,
            question("cp-one"),
            question("cp-two")
        )
    }

    #[test]
    fn a_pack_s_package_carries_the_pack_beside_the_launch_page_instead_of_a_bank() {
        let dist = package::tests::fake_dist();
        let file = dist.path().join("week-1-upload.json");
        std::fs::write(&file, course_pack()).unwrap();
        let zip = write_package(
            &options(&["--pack", file.to_str().unwrap(), "--count", "2"]),
            dist.path(),
        )
        .unwrap();
        assert_eq!(zip, dist.path().join("scorm/course-pack-2q-scorm12.zip"));
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
        let names: Vec<String> = archive
            .file_names()
            .map(|name| name.unwrap().into_owned())
            .collect();
        assert!(names.contains(&"course-pack.json".to_owned()), "{names:?}");
        assert!(
            !names.iter().any(|name| name.starts_with("banks/fluent")),
            "{names:?}"
        );
        let mut manifest = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name("imsmanifest.xml").unwrap(),
            &mut manifest,
        )
        .unwrap();
        assert!(
            manifest
                .contains("href=\"index.html#/lms?pack=course-pack.json&amp;count=2&amp;pass=80\""),
            "{manifest}"
        );
        assert!(
            manifest.contains("<file href=\"course-pack.json\"/>"),
            "{manifest}"
        );
        assert!(
            manifest.contains("<title>Week 1 of a course quiz</title>"),
            "{manifest}"
        );
    }

    #[test]
    fn a_pack_the_app_would_refuse_writes_nothing() {
        let dist = package::tests::fake_dist();
        let file = dist.path().join("taken.json");
        std::fs::write(&file, course_pack().replace("course-pack", "fluent-python")).unwrap();
        let message =
            write_package(&options(&["--pack", file.to_str().unwrap()]), dist.path()).unwrap_err();
        assert!(message.contains("is not a pack the app takes"), "{message}");
        assert!(message.contains("fluent-python"), "{message}");
        assert!(!dist.path().join("scorm").exists());
    }

    #[test]
    fn a_chapter_the_book_lacks_writes_nothing() {
        let dist = package::tests::fake_dist();
        let message = write_package(
            &options(&["--book", "fluent-python", "--chapters", "3"]),
            dist.path(),
        )
        .unwrap_err();
        assert_eq!(
            message,
            "fluent-python has no chapter \"3\"; its chapters are 1, 2"
        );
        assert!(!dist.path().join("scorm").exists());
    }
}
