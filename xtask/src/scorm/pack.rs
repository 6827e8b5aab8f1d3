//! A quiz pack a package carries instead of a book, read as the app reads
//! any pack: one the app would refuse is refused here, before anything is
//! written.

use std::path::Path;

use quiz_application::packs::read_pack;

use super::catalog::{Book, Catalog};
use super::options::pack_file;

pub struct Pack {
    /// The pack as a book: its id, title and chapters.
    pub book: Book,
    /// Its name in the package, beside the launch page.
    pub file: String,
    /// Its JSON, as given.
    pub json: String,
}

impl Pack {
    pub fn read(path: &Path, catalog: &Catalog) -> Result<Pack, String> {
        let json = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let bank = read_pack(&json, &catalog.ids()).map_err(|problems| {
            format!(
                "{} is not a pack the app takes: {}",
                path.display(),
                problems.join("; ")
            )
        })?;
        Ok(Pack {
            file: pack_file(&bank.book.id),
            book: Book {
                id: bank.book.id,
                title: bank.book.title,
                chapters: bank.chapters.into_iter().map(|c| c.id).collect(),
            },
            json,
        })
    }
}
