//! The books a package can quiz on: those of the build's
//! `banks/catalog.json`, read as the app reads it, with only what the
//! package needs of each.

use std::path::Path;

use quiz_application::content::read_catalog;

pub struct Catalog {
    books: Vec<Book>,
}

#[derive(Clone)]
pub struct Book {
    pub id: String,
    pub title: String,
    pub chapters: Vec<String>,
}

impl Catalog {
    pub fn read(path: &Path) -> Result<Catalog, String> {
        let json = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Catalog::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Reads the catalog as the app reads it (`read_catalog`), keeping only
    /// what a package needs of each book.
    pub fn from_json(json: &str) -> Result<Catalog, String> {
        let catalog = read_catalog(json)?;
        Ok(Catalog {
            books: catalog
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
