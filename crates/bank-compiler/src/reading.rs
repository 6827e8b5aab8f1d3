//! Checks every reading link of the shipped banks offline: a link must lead
//! to a page and a section that exist, on a site the project can check.
//!
//! The free editions are checked against the indexes in content/reading/
//! (each page's URL and every fragment id of the built site), the Python
//! documentation against the HTML of Debian's `python3.11-doc` package, and
//! third-party documentation, which has no offline copy, against one
//! reviewed list (`content/reading/unverified.toml`), counted apart.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use quiz_domain::{Bank, ReadingLink};
use serde::Deserialize;

/// The free editions' sites, each with its index file.
const INDEXES: [(&str, &str); 3] = [
    ("www.cosmicpython.com", "cosmicpython.json"),
    ("www.thedigitalcatbooks.com", "pycabook.json"),
    ("pymotw.com", "pymotw3.json"),
];
const PYTHON_DOCS_HOST: &str = "docs.python.org";
/// Links are written to the current docs; the ids are checked in the
/// 3.11 HTML the set-up installs.
const PYTHON_DOCS_PREFIX: &str = "https://docs.python.org/3/";
pub const PYTHON_DOCS_DIR: &str = "/usr/share/doc/python3.11/html";
const UNVERIFIED_LIST: &str = "unverified.toml";

#[derive(Deserialize)]
struct Index {
    pages: Vec<IndexPage>,
    #[serde(default)]
    related_free_resources: Vec<IndexPage>,
}

#[derive(Deserialize)]
struct IndexPage {
    url: String,
    #[serde(default)]
    anchors: Vec<Anchor>,
}

#[derive(Deserialize)]
struct Anchor {
    id: String,
    /// pycabook: the id a rebuild with a newer markup tool would write.
    id_if_rebuilt_with_mau3plus: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnverifiedList {
    links: Vec<UnverifiedLink>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnverifiedLink {
    url: String,
    /// What the page is and why it is trusted without an offline copy.
    reviewed: String,
}

/// How one link was checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checked {
    /// Against the index of a free edition.
    Index,
    /// Against the local HTML of the Python documentation.
    PythonDocs,
    /// On the reviewed list: the site has no offline copy to check.
    NotVerifiedOffline,
}

/// Everything the checker knows: the valid URLs of each indexed site, and
/// the reviewed list.
pub struct ReadingIndex {
    valid: BTreeSet<String>,
    pages: BTreeSet<String>,
    unverified: BTreeSet<String>,
    python_docs: PathBuf,
}

impl ReadingIndex {
    /// Loads the indexes in `dir` (content/reading) and points at the
    /// Python documentation in `python_docs`.
    pub fn load(dir: &Path, python_docs: &Path) -> Result<ReadingIndex, String> {
        let mut valid = BTreeSet::new();
        let mut pages = BTreeSet::new();
        for (_, file) in INDEXES {
            let path = dir.join(file);
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let index: Index =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            for page in index.pages.iter().chain(&index.related_free_resources) {
                pages.insert(page.url.clone());
                valid.insert(page.url.clone());
                for anchor in &page.anchors {
                    valid.insert(format!("{}#{}", page.url, anchor.id));
                    if let Some(rebuilt) = &anchor.id_if_rebuilt_with_mau3plus {
                        valid.insert(format!("{}#{rebuilt}", page.url));
                    }
                }
            }
        }
        let list_path = dir.join(UNVERIFIED_LIST);
        let text = std::fs::read_to_string(&list_path)
            .map_err(|e| format!("{}: {e}", list_path.display()))?;
        let list: UnverifiedList =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", list_path.display()))?;
        if let Some(bare) = list.links.iter().find(|l| l.reviewed.trim().is_empty()) {
            return Err(format!(
                "{}: {} has no `reviewed` note",
                list_path.display(),
                bare.url
            ));
        }
        let unverified = list.links.into_iter().map(|l| l.url).collect();
        Ok(ReadingIndex {
            valid,
            pages,
            unverified,
            python_docs: python_docs.to_owned(),
        })
    }

    /// How `link` checks out, or why it is refused.
    pub fn check(&self, link: &ReadingLink) -> Result<Checked, String> {
        let url = link.url.as_str();
        if url.starts_with("http://") {
            return Err(format!("{url}: links must use https"));
        }
        if let Some(problem) = link.problem() {
            return Err(problem);
        }
        if self.unverified.contains(url) {
            return Ok(Checked::NotVerifiedOffline);
        }
        let host = link.host().unwrap_or_default();
        let (page, fragment) = match url.split_once('#') {
            Some((page, fragment)) => (page, Some(fragment)),
            None => (url, None),
        };
        if host == PYTHON_DOCS_HOST {
            return self.check_python_docs(url, page, fragment);
        }
        if INDEXES.iter().any(|(site, _)| *site == host) {
            if !self.pages.contains(page) {
                return Err(format!("{url}: no such page in the index of {host}"));
            }
            if !self.valid.contains(url) {
                return Err(format!(
                    "{url}: the page has no section with the id {:?}",
                    fragment.unwrap_or_default()
                ));
            }
            return Ok(Checked::Index);
        }
        let mut hosts: Vec<&str> = INDEXES.iter().map(|(site, _)| *site).collect();
        hosts.push(PYTHON_DOCS_HOST);
        Err(format!(
            "{url}: {host} is not a site the bank compiler can check ({}, or an address on content/reading/{UNVERIFIED_LIST})",
            hosts.join(", ")
        ))
    }

    fn check_python_docs(
        &self,
        url: &str,
        page: &str,
        fragment: Option<&str>,
    ) -> Result<Checked, String> {
        let Some(path) = page.strip_prefix(PYTHON_DOCS_PREFIX) else {
            return Err(format!(
                "{url}: Python documentation links start with {PYTHON_DOCS_PREFIX}"
            ));
        };
        let file = self
            .python_docs
            .join(if path.is_empty() { "index.html" } else { path });
        let html = std::fs::read_to_string(&file).map_err(|_| {
            if self.python_docs.is_dir() {
                format!("{url}: no such page in the Python 3.11 documentation")
            } else {
                format!(
                    "{url}: cannot be checked: the Python documentation is not installed in {} (cargo xtask setup installs python3.11-doc)",
                    self.python_docs.display()
                )
            }
        })?;
        if let Some(id) = fragment {
            if !html.contains(&format!("id=\"{id}\"")) {
                return Err(format!("{url}: the page has no section with the id {id:?}"));
            }
        }
        Ok(Checked::PythonDocs)
    }
}

/// What a bank's links came to, as `check` prints it.
#[derive(Debug, Default)]
pub struct LinkReport {
    pub book: String,
    pub questions: usize,
    pub with_links: usize,
    pub by_host: BTreeMap<String, usize>,
    pub checked_against_index: usize,
    pub checked_against_python_docs: usize,
    pub not_verified_offline: usize,
    /// `question id: problem`.
    pub problems: Vec<String>,
}

/// Checks every link of a shipped bank; every question needs one.
pub fn check_bank(bank: &Bank, index: &ReadingIndex) -> LinkReport {
    let mut report = LinkReport {
        book: bank.book.id.clone(),
        questions: bank.questions.len(),
        ..LinkReport::default()
    };
    match &bank.where_to_read {
        None => report.problems.push(
            "the book names no place to read it ([book.where_to_read], content/AUTHORING.md)"
                .into(),
        ),
        Some(where_to_read) => {
            for link in where_to_read.links() {
                if let Err(problem) = index.check(link) {
                    report
                        .problems
                        .push(format!("where to read the book: {problem}"));
                }
            }
        }
    }
    for question in &bank.questions {
        if question.read.is_empty() {
            report.problems.push(format!(
                "question {}: names no place to read (read = [{{ url = \"…\", label = \"…\" }}])",
                question.id
            ));
            continue;
        }
        report.with_links += 1;
        for link in &question.read {
            *report
                .by_host
                .entry(link.host().unwrap_or("?").to_owned())
                .or_default() += 1;
            match index.check(link) {
                Ok(Checked::Index) => report.checked_against_index += 1,
                Ok(Checked::PythonDocs) => report.checked_against_python_docs += 1,
                Ok(Checked::NotVerifiedOffline) => report.not_verified_offline += 1,
                Err(problem) => report
                    .problems
                    .push(format!("question {}: {problem}", question.id)),
            }
        }
    }
    report
}

/// One line per bank.
pub fn table(reports: &[LinkReport]) -> String {
    let mut lines = vec!["reading links".to_owned()];
    for r in reports {
        let hosts: Vec<String> = r.by_host.iter().map(|(h, n)| format!("{h} {n}")).collect();
        lines.push(format!(
            "{:<26} {} of {} questions with links; by host: {}; checked against an index {}, against the Python docs {}, not verified offline {}",
            r.book,
            r.with_links,
            r.questions,
            if hosts.is_empty() { "none".into() } else { hosts.join(", ") },
            r.checked_against_index,
            r.checked_against_python_docs,
            r.not_verified_offline
        ));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> ReadingIndex {
        let dir = std::env::temp_dir().join(format!("reading-index-{}", std::process::id()));
        let docs = dir.join("python-docs/library");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(
            docs.join("functools.html"),
            r#"<section id="functools.cache"><dt id="functools.lru_cache">"#,
        )
        .unwrap();
        std::fs::write(
            dir.join("cosmicpython.json"),
            r#"{"pages": [{"url": "https://www.cosmicpython.com/book/chapter_02_repository.html",
                "anchors": [{"id": "_the_repository_pattern"}]}]}"#,
        )
        .unwrap();
        std::fs::write(
            dir.join("pycabook.json"),
            r#"{"pages": [{"url": "https://www.thedigitalcatbooks.com/pycabook-chapter-02/",
                "anchors": [{"id": "data-types", "id_if_rebuilt_with_mau3plus": "data-types-8a8d"}]}],
                "related_free_resources": []}"#,
        )
        .unwrap();
        std::fs::write(dir.join("pymotw3.json"), r#"{"pages": []}"#).unwrap();
        std::fs::write(
            dir.join(UNVERIFIED_LIST),
            "[[links]]\nurl = \"https://numpy.org/doc/stable/user/basics.copies.html\"\nreviewed = \"the NumPy guide's page on views\"\n",
        )
        .unwrap();
        ReadingIndex::load(&dir, &dir.join("python-docs")).unwrap()
    }

    fn link(url: &str) -> ReadingLink {
        ReadingLink {
            url: url.into(),
            label: "A section".into(),
        }
    }

    #[test]
    fn links_to_indexed_pages_and_sections_pass() {
        let index = index();
        for (url, how) in [
            (
                "https://www.cosmicpython.com/book/chapter_02_repository.html#_the_repository_pattern",
                Checked::Index,
            ),
            ("https://www.cosmicpython.com/book/chapter_02_repository.html", Checked::Index),
            ("https://www.thedigitalcatbooks.com/pycabook-chapter-02/#data-types-8a8d", Checked::Index),
            ("https://docs.python.org/3/library/functools.html#functools.cache", Checked::PythonDocs),
            ("https://numpy.org/doc/stable/user/basics.copies.html", Checked::NotVerifiedOffline),
        ] {
            assert_eq!(index.check(&link(url)), Ok(how), "{url}");
        }
    }

    #[test]
    fn unknown_pages_fragments_hosts_and_http_are_refused() {
        let index = index();
        for (url, says) in [
            (
                "https://www.cosmicpython.com/book/chapter_99.html",
                "no such page in the index of www.cosmicpython.com",
            ),
            (
                "https://www.cosmicpython.com/book/chapter_02_repository.html#_no_such",
                "no section with the id \"_no_such\"",
            ),
            (
                "https://docs.python.org/3/library/functools.html#functools.nope",
                "no section with the id \"functools.nope\"",
            ),
            (
                "https://docs.python.org/3/library/nope.html",
                "no such page in the Python 3.11 documentation",
            ),
            (
                "https://docs.python.org/2/library/functools.html",
                "start with https://docs.python.org/3/",
            ),
            (
                "https://realpython.com/python-gil/",
                "realpython.com is not a site the bank compiler can check",
            ),
            (
                "http://www.cosmicpython.com/book/chapter_02_repository.html",
                "links must use https",
            ),
            (
                "https://numpy.org/doc/stable/other.html",
                "numpy.org is not a site",
            ),
        ] {
            let problem = index.check(&link(url)).unwrap_err();
            assert!(problem.contains(says), "{url}: {problem}");
        }
    }

    #[test]
    fn a_book_or_question_without_a_link_is_named() {
        let mut bank = quiz_domain::Bank {
            format: 1,
            book: quiz_domain::Book {
                id: "b".into(),
                title: "T".into(),
                authors: "A".into(),
                edition: None,
                summary: "S".into(),
            },
            where_to_read: None,
            chapters: Vec::new(),
            questions: Vec::new(),
        };
        let question: quiz_domain::Question = serde_json::from_str(
            r#"{"id": "q", "chapter": "1", "topics": ["t"], "difficulty": 1, "kind": "single", "prompt": "p", "options": []}"#,
        )
        .unwrap();
        bank.questions.push(question.clone());
        bank.questions.push(quiz_domain::Question {
            id: "r".into(),
            read: vec![link(
                "https://docs.python.org/3/library/functools.html#functools.lru_cache",
            )],
            ..question
        });
        let report = check_bank(&bank, &index());
        assert_eq!(report.with_links, 1);
        assert_eq!(report.checked_against_python_docs, 1);
        assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
        assert!(report.problems[0].starts_with("the book names no place to read it"));
        assert!(report.problems[1].starts_with("question q: names no place to read"));
        assert!(
            table(&[report]).contains("1 of 2 questions with links; by host: docs.python.org 1")
        );
    }
}
