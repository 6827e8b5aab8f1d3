use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Book, Chapter, BANK_FORMAT};

/// What the home page needs to list the books without loading their banks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub format: u32,
    pub books: Vec<CatalogEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    pub book: Book,
    pub chapters: Vec<Chapter>,
    pub question_count: usize,
}

impl CatalogEntry {
    pub fn of(bank: &Bank) -> CatalogEntry {
        CatalogEntry {
            book: bank.book.clone(),
            chapters: bank.chapters.clone(),
            question_count: bank.questions.len(),
        }
    }
}

impl Catalog {
    pub fn of(banks: &[Bank]) -> Catalog {
        Catalog {
            format: BANK_FORMAT,
            books: banks.iter().map(CatalogEntry::of).collect(),
        }
    }

    pub fn entry(&self, book_id: &str) -> Option<&CatalogEntry> {
        self.books.iter().find(|entry| entry.book.id == book_id)
    }
}
