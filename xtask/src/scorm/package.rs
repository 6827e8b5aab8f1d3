//! What a package carries and the zip itself. A package holds only what
//! the launch page loads, so that an LMS serves the quiz with no 404 and
//! nothing is fetched from another host: index.html, what it links and
//! loads (the whole app's Wasm and glue, the stylesheet, the web manifest
//! and its icons), the catalog and the one book's bank. Not the home
//! page's Wasm (the launch route never starts it), the service worker, the
//! embed script or the other books.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::stage::{is_build_file, HOME_PAGE_BUILD, QUIZ_PAGE_BUILD, WHOLE_APP_BUILD};

pub const MANIFEST: &str = "imsmanifest.xml";
const WEB_MANIFEST: &str = "manifest.webmanifest";

/// The files of the release in `dist` that a package carries, relative to
/// `dist` and sorted, with the bank of `book` (none for a pack's package).
pub fn app_files(dist: &Path, book: Option<&str>) -> Result<Vec<String>, String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut files = vec!["index.html".to_owned()];
    files.extend(
        references(&html)
            .into_iter()
            // An LMS launch starts the whole app (public/boot.js).
            .filter(|file| {
                !is_build_file(file, HOME_PAGE_BUILD) && !is_build_file(file, QUIZ_PAGE_BUILD)
            }),
    );
    if files.iter().any(|file| file == WEB_MANIFEST) {
        files.extend(web_manifest_icons(&dist.join(WEB_MANIFEST))?);
    }
    files.push("banks/catalog.json".into());
    files.extend(book.map(|book| format!("banks/{book}.json")));
    files.sort();
    files.dedup();
    for file in &files {
        if !Path::new(file)
            .components()
            .all(|part| matches!(part, Component::Normal(_)))
        {
            return Err(format!(
                "index.html names {file}, which is not a file of the build"
            ));
        }
        if !dist.join(file).is_file() {
            return Err(format!(
                "{} is missing: the build looks incomplete (run `cargo xtask build`)",
                dist.join(file).display()
            ));
        }
    }
    for (part, suffix) in [("JS glue", ".js"), ("Wasm", "_bg.wasm")] {
        let found = files
            .iter()
            .filter(|file| is_build_file(file, WHOLE_APP_BUILD) && file.ends_with(suffix))
            .count();
        if found != 1 {
            return Err(format!(
                "index.html should load one {part} of the whole app ({WHOLE_APP_BUILD}-<hash>{suffix}), \
                 not {found}: was dist/ built by `cargo xtask build`?"
            ));
        }
    }
    Ok(files)
}

/// The local files a page names: its `href` and `src` attributes, and the
/// `"./…"` strings of its inlined loader (which names the Wasm builds'
/// hashed files; xtask/src/stage.rs writes them there).
fn references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for opening in ["href=\"", "src=\"", "\"./"] {
        let mut rest = html;
        while let Some(at) = rest.find(opening) {
            rest = &rest[at + opening.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            found.push(rest[..end].trim_start_matches("./").to_owned());
            rest = &rest[end..];
        }
    }
    found.retain(|file| !file.is_empty() && !file.contains(':') && !file.starts_with(['#', '/']));
    found
}

#[derive(Deserialize)]
struct WebManifest {
    #[serde(default)]
    icons: Vec<Icon>,
}

#[derive(Deserialize)]
struct Icon {
    src: String,
}

/// The icons the web manifest lists: a browser may fetch them for the page.
fn web_manifest_icons(path: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let manifest: WebManifest =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(manifest
        .icons
        .into_iter()
        .map(|icon| icon.src.trim_start_matches("./").to_owned())
        .collect())
}

/// The schema files of a version, sorted: every file of its folder.
pub fn schema_files(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Writes the package to `zip`: the manifest, the schema files at the
/// root, `files` from `dist`, then `carried` (a pack: name and bytes). It
/// is written beside `zip` under another
/// name and renamed when complete, so a failure never leaves a half zip
/// where an LMS upload would pick it up.
pub fn write(
    zip: &Path,
    manifest: &str,
    schemas: &[PathBuf],
    dist: &Path,
    files: &[String],
    carried: &[(String, &[u8])],
) -> Result<(), String> {
    let folder = zip.parent().ok_or("the package needs a folder")?;
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let partial = zip.with_extension("zip.partial");
    let written = write_entries(&partial, manifest, schemas, dist, files, carried)
        .and_then(|()| std::fs::rename(&partial, zip).map_err(|e| e.to_string()));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written.map_err(|e| format!("{}: {e}", zip.display()))
}

fn write_entries(
    path: &Path,
    manifest: &str,
    schemas: &[PathBuf],
    dist: &Path,
    files: &[String],
    carried: &[(String, &[u8])],
) -> Result<(), String> {
    let mut zip = ZipWriter::new(BufWriter::new(
        File::create(path).map_err(|e| e.to_string())?,
    ));
    // A fixed date, so the same build and options give the same bytes.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), String> {
        zip.start_file(name, options)
            .and_then(|()| zip.write_all(bytes).map_err(Into::into))
            .map_err(|e| format!("{name}: {e}"))
    };
    add(MANIFEST, manifest.as_bytes())?;
    for schema in schemas {
        let name = schema
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("{}: not a file name", schema.display()))?;
        add(name, &read(schema)?)?;
    }
    for file in files {
        add(file, &read(&dist.join(file))?)?;
    }
    for (name, bytes) in carried {
        add(name, bytes)?;
    }
    let written = zip.finish().map_err(|e| e.to_string())?;
    written
        .into_inner()
        .map_err(|e| e.to_string())?
        .sync_all()
        .map_err(|e| e.to_string())
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::scorm::manifest::{manifest, Course};
    use crate::scorm::version::ScormVersion;

    const WHOLE_GLUE: &str = "python-architect-quiz-0123456789abcdef.js";
    const WHOLE_WASM: &str = "python-architect-quiz-0123456789abcdef_bg.wasm";

    /// A release as `cargo xtask build` lays it out, in small: the page
    /// (with its loader naming the Wasm builds), everything it links, and
    /// what a package must leave out.
    pub(crate) fn fake_dist() -> tempfile::TempDir {
        let dist = tempfile::tempdir().unwrap();
        let html = format!(
            r##"<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<script type="module">const W={{glue:"./{WHOLE_GLUE}",wasm:"./{WHOLE_WASM}"}},H={{glue:"./python-architect-quiz-home-fedcba9876543210.js",wasm:"./python-architect-quiz-home-fedcba9876543210_bg.wasm"}},Q={{glue:"./python-architect-quiz-quiz-0011223344556677.js",wasm:"./python-architect-quiz-quiz-0011223344556677_bg.wasm"}};navigator.serviceWorker.register("sw.js");fetch("banks/catalog.json")</script>
<link rel="icon" href="icon.svg" type="image/svg+xml">
<link rel="manifest" href="manifest.webmanifest">
<link rel="stylesheet" href="./main-99aa.css" integrity="sha384-x">
</head><body><a href="#/">Home</a><a href="https://example.com/">away</a></body></html>"##
        );
        let files: [(&str, &str); 16] = [
            ("index.html", &html),
            (
                "manifest.webmanifest",
                r#"{"name": "Q", "icons": [{"src": "icon-192.png"}, {"src": "icon-512.png"}, {"src": "icon.svg"}]}"#,
            ),
            ("icon.svg", "<svg/>"),
            ("icon-192.png", "png"),
            ("icon-512.png", "png"),
            ("main-99aa.css", "body{}"),
            (WHOLE_GLUE, "export default 1"),
            (WHOLE_WASM, "\0asm"),
            ("python-architect-quiz-home-fedcba9876543210.js", "home"),
            (
                "python-architect-quiz-home-fedcba9876543210_bg.wasm",
                "\0asm",
            ),
            ("python-architect-quiz-quiz-0011223344556677.js", "quiz"),
            (
                "python-architect-quiz-quiz-0011223344556677_bg.wasm",
                "\0asm",
            ),
            ("sw.js", "worker"),
            ("embed.js", "embed"),
            (
                "banks/catalog.json",
                r#"{"format": 1, "books": [{"book": {"id": "fluent-python", "title": "Fluent Python", "authors": "L. R.", "summary": "S"},
                    "chapters": [{"id": "1", "title": "One"}, {"id": "2", "title": "Two"}], "question_count": 2}]}"#,
            ),
            ("banks/fluent-python.json", "{}"),
        ];
        std::fs::create_dir(dist.path().join("banks")).unwrap();
        for (file, contents) in files {
            std::fs::write(dist.path().join(file), contents).unwrap();
        }
        std::fs::write(dist.path().join("banks/clean-architecture.json"), "{}").unwrap();
        dist
    }

    #[test]
    fn a_package_carries_what_the_launch_page_loads_and_nothing_else() {
        let dist = fake_dist();
        assert_eq!(
            app_files(dist.path(), Some("fluent-python")).unwrap(),
            [
                "banks/catalog.json",
                "banks/fluent-python.json",
                "icon-192.png",
                "icon-512.png",
                "icon.svg",
                "index.html",
                "main-99aa.css",
                "manifest.webmanifest",
                WHOLE_GLUE,
                WHOLE_WASM,
            ]
        );
    }

    #[test]
    fn a_file_the_page_names_but_the_build_lacks_is_an_error() {
        let dist = fake_dist();
        std::fs::remove_file(dist.path().join("icon-512.png")).unwrap();
        let message = app_files(dist.path(), Some("fluent-python")).unwrap_err();
        assert!(
            message.ends_with(
                "icon-512.png is missing: the build looks incomplete (run `cargo xtask build`)"
            ),
            "{message}"
        );
        assert!(app_files(dist.path(), Some("no-such-book")).is_err());
    }

    #[test]
    fn the_zip_holds_the_manifest_the_schemas_and_exactly_the_files_the_manifest_lists() {
        let dist = fake_dist();
        let files = app_files(dist.path(), Some("fluent-python")).unwrap();
        let course = Course {
            version: ScormVersion::Scorm2004,
            name: "fluent-python-10q-scorm2004".into(),
            title: "Fluent Python quiz".into(),
            launch: "index.html#/lms?book=fluent-python&count=10&pass=80".into(),
            pass: 80,
            files: files.clone(),
        };
        let schemas = schema_files(&ScormVersion::Scorm2004.schema_dir()).unwrap();
        let out = tempfile::tempdir().unwrap();
        let zip_path = out.path().join("scorm/package.zip");
        write(
            &zip_path,
            &manifest(&course),
            &schemas,
            dist.path(),
            &files,
            &[],
        )
        .unwrap();
        assert_eq!(
            std::fs::read_dir(zip_path.parent().unwrap())
                .unwrap()
                .count(),
            1,
            "no partial file is left beside the zip"
        );

        let mut archive = zip::ZipArchive::new(File::open(&zip_path).unwrap()).unwrap();
        let names: Vec<String> = archive
            .file_names()
            .map(|name| name.unwrap().into_owned())
            .collect();
        let schema_names: Vec<String> = schemas
            .iter()
            .map(|s| s.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert!(schema_names.contains(&"imscp_v1p1.xsd".to_owned()));
        let mut expected = vec![MANIFEST.to_owned()];
        expected.extend(schema_names.iter().cloned());
        expected.extend(files.iter().cloned());
        let mut sorted_names = names.clone();
        sorted_names.sort();
        expected.sort();
        assert_eq!(sorted_names, expected);

        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(MANIFEST).unwrap(), &mut xml).unwrap();
        let document = roxmltree::Document::parse(&xml).unwrap();
        let listed: Vec<&str> = document
            .descendants()
            .filter(|n| n.has_tag_name("file"))
            .map(|n| n.attribute("href").unwrap())
            .collect();
        let carried: Vec<&String> = names
            .iter()
            .filter(|name| *name != MANIFEST && !schema_names.contains(name))
            .collect();
        assert_eq!(listed, carried);

        let mut wasm = Vec::new();
        std::io::Read::read_to_end(&mut archive.by_name(WHOLE_WASM).unwrap(), &mut wasm).unwrap();
        assert_eq!(wasm, b"\0asm");
    }

    #[test]
    fn a_failed_write_leaves_no_zip() {
        let dist = fake_dist();
        let out = tempfile::tempdir().unwrap();
        let zip_path = out.path().join("package.zip");
        let missing = ["index.html".to_owned(), "gone.js".to_owned()];
        let message = write(&zip_path, "<manifest/>", &[], dist.path(), &missing, &[]).unwrap_err();
        assert!(message.contains("gone.js"), "{message}");
        assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    }

    #[test]
    fn build_files_are_told_apart_by_their_names() {
        assert!(is_build_file(WHOLE_WASM, WHOLE_APP_BUILD));
        assert!(is_build_file(WHOLE_GLUE, WHOLE_APP_BUILD));
        assert!(!is_build_file(
            "python-architect-quiz-home-fedcba98_bg.wasm",
            WHOLE_APP_BUILD
        ));
        assert!(is_build_file(
            "python-architect-quiz-home-fedcba98_bg.wasm",
            HOME_PAGE_BUILD
        ));
        assert!(!is_build_file(
            "python-architect-quiz-quiz-0011223344556677.js",
            WHOLE_APP_BUILD
        ));
        assert!(!is_build_file("python-architect-quiz.js", WHOLE_APP_BUILD));
    }
}
