//! The build step for question banks: reads content/*.toml, validates every
//! question, renders Markdown, highlights Python, and writes the JSON bank
//! files the app fetches. Output snippets are checked against CPython.

mod compile;
pub mod fairness;
mod highlight;
mod markdown;
pub mod reading;
mod snippets;
mod source;

use std::path::{Path, PathBuf};

pub use compile::{compile_file, Claim, Compiled, FileProblem, Snippet};
pub use snippets::{check_all as check_snippets, python};

use quiz_application::content::QUESTIONS_ONLY;
use quiz_domain::{validate_banks, Catalog};

/// The indexes reading links are checked against (content/reading).
pub fn reading_dir() -> PathBuf {
    content_dir().join("reading")
}

/// The content folder of this checkout.
pub fn content_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    std::fs::canonicalize(&dir).unwrap_or(dir)
}

/// Every bank source in `dir`, sorted by name so the catalog order is stable.
pub fn source_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Compiles and validates all files together, since ids and prompts must be
/// unique across books.
pub fn compile_all(files: &[PathBuf]) -> Result<Vec<Compiled>, Vec<FileProblem>> {
    let mut compiled = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        match compile_file(file) {
            Ok(bank) => compiled.push(bank),
            Err(found) => problems.extend(found),
        }
    }
    let banks: Vec<_> = compiled.iter().map(|c| c.bank.clone()).collect();
    for problem in validate_banks(&banks) {
        let path = compiled
            .iter()
            .find(|c| c.bank.book.id == problem.book)
            .map(|c| c.path.clone())
            .unwrap_or_default();
        problems.push(FileProblem {
            path,
            problem: problem.to_string(),
        });
    }
    if problems.is_empty() {
        Ok(compiled)
    } else {
        Err(problems)
    }
}

/// Writes `<book-id>.json` and its questions-only `<book-id>.questions.json`
/// for each bank, and `catalog.json`, into `out`.
pub fn write_banks(compiled: &[Compiled], out: &Path) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let write = |name: String, json: String| {
        let path = out.join(name);
        std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))
    };
    for c in compiled {
        let json = serde_json::to_string(&c.bank).map_err(|e| e.to_string())?;
        write(format!("{}.json", c.bank.book.id), json)?;
        // What a quiz link fetches first (the quiz's own Wasm), the rest
        // once its first question shows.
        let first = serde_json::to_string(&c.bank.questions_only()).map_err(|e| e.to_string())?;
        write(format!("{}{QUESTIONS_ONLY}", c.bank.book.id), first)?;
    }
    let banks: Vec<_> = compiled.iter().map(|c| c.bank.clone()).collect();
    let catalog = serde_json::to_string(&Catalog::of(&banks)).map_err(|e| e.to_string())?;
    write("catalog.json".into(), catalog)
}
