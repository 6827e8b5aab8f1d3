//! `cargo xtask scorm`: a SCORM package of one quiz, for an LMS (Moodle,
//! Canvas…) to run and to put the score in its gradebook. The package is
//! the release build's own files, launched at the in-app route `#/lms`,
//! which finds the LMS's API, runs the quiz and reports to it; so the
//! package is made from dist/, never from sources.

mod catalog;
mod manifest;
mod options;
mod package;
#[cfg(test)]
mod schema_check;
mod version;

use std::path::{Path, PathBuf};

use catalog::Catalog;
use manifest::{manifest, Course};
use options::Options;

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
    let title = options.title_from(&catalog)?;
    let course = Course {
        version: options.version,
        name: options.package_name(),
        title,
        launch: options.launch(),
        pass: options.pass,
        files: package::app_files(dist, &options.book)?,
    };
    let schemas = package::schema_files(&options.version.schema_dir())?;
    let zip = dist.join("scorm").join(format!("{}.zip", course.name));
    package::write(&zip, &manifest(&course), &schemas, dist, &course.files)?;
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
