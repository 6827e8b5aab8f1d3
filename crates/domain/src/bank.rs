use serde::{Deserialize, Serialize};

use crate::question::Question;
use crate::where_to_read::WhereToRead;

/// The version of the compiled bank format; bump it with a migration note in
/// content/AUTHORING.md when the shape changes.
pub const BANK_FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Book {
    pub id: String,
    pub title: String,
    pub authors: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    pub id: String,
    pub title: String,
}

/// One book's questions, as the app reads them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bank {
    pub format: u32,
    pub book: Book,
    /// The book's page shows it. Kept beside the book rather than in it so
    /// that the catalog, which the home page's Wasm reads, has no reader of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub where_to_read: Option<WhereToRead>,
    pub chapters: Vec<Chapter>,
    pub questions: Vec<Question>,
}

impl Bank {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|question| question.id == id)
    }

    pub fn chapter(&self, id: &str) -> Option<&Chapter> {
        self.chapters.iter().find(|chapter| chapter.id == id)
    }
}
