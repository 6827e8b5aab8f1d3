//! The books a package can quiz on: those of the build's
//! `banks/catalog.json`, with only what the package needs of each.

use std::path::Path;

use serde::Deserialize;

pub struct Catalog {
    books: Vec<Book>,
}

#[derive(Clone)]
pub struct Book {
    pub id: String,
    pub title: String,
    pub chapters: Vec<String>,
}

/// The catalog as the bank compiler writes it (quiz-domain's `Catalog`);
/// serde skips the fields not named here.
#[derive(Deserialize)]
struct CatalogFile {
    books: Vec<EntryFile>,
}

#[derive(Deserialize)]
struct EntryFile {
    book: BookFile,
    chapters: Vec<ChapterFile>,
}

#[derive(Deserialize)]
struct BookFile {
    id: String,
    title: String,
}

#[derive(Deserialize)]
struct ChapterFile {
    id: String,
}

impl Catalog {
    pub fn read(path: &Path) -> Result<Catalog, String> {
        let json = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Catalog::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn from_json(json: &str) -> Result<Catalog, String> {
        let file: CatalogFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
        Ok(Catalog {
            books: file
                .books
                .into_iter()
                .map(|entry| Book {
                    id: entry.book.id,
                    title: entry.book.title,
                    chapters: entry.chapters.into_iter().map(|c| c.id).collect(),
                })
                .collect(),
        })
    }

    /// The ids of the build's books, which no pack may take.
    pub fn ids(&self) -> Vec<String> {
        self.books.iter().map(|book| book.id.clone()).collect()
    }

    pub fn book(&self, id: &str) -> Result<&Book, String> {
        self.books.iter().find(|book| book.id == id).ok_or_else(|| {
            let known: Vec<&str> = self.books.iter().map(|book| book.id.as_str()).collect();
            format!(
                "no book \"{id}\" in the build; the books are {}",
                known.join(", ")
            )
        })
    }
}
