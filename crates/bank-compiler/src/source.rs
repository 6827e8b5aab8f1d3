//! The human-written TOML format, as described in content/AUTHORING.md.
//! Unknown fields are errors so that a typo cannot silently drop data.

use quiz_domain::{FreeEdition, ReadingLink, WhereToRead};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceBank {
    pub book: SourceBook,
    pub chapters: Vec<SourceChapter>,
    pub questions: Vec<SourceQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceBook {
    pub id: String,
    pub title: String,
    pub authors: String,
    pub edition: Option<String>,
    pub summary: String,
    pub where_to_read: Option<SourceWhereToRead>,
}

/// `[book.where_to_read]`: a free edition, or a publisher's page and free
/// companions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceWhereToRead {
    pub free_edition: Option<SourceFreeEdition>,
    pub publisher: Option<SourceLink>,
    #[serde(default)]
    pub companions: Vec<SourceLink>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFreeEdition {
    pub url: String,
    pub label: String,
    pub licence: String,
}

impl SourceWhereToRead {
    pub fn compiled(self) -> WhereToRead {
        WhereToRead {
            free_edition: self.free_edition.map(|free| FreeEdition {
                link: ReadingLink {
                    url: free.url,
                    label: free.label,
                },
                licence: free.licence,
            }),
            publisher: self.publisher.map(SourceLink::compiled),
            companions: self
                .companions
                .into_iter()
                .map(SourceLink::compiled)
                .collect(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceChapter {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceQuestion {
    pub id: String,
    pub chapter: String,
    pub topics: Vec<String>,
    pub difficulty: u8,
    #[serde(rename = "type")]
    pub kind: String,
    pub prompt: String,
    pub code: Option<String>,
    pub explanation: Option<String>,
    pub reread: Option<String>,
    /// Where to read about the question's point, best first.
    #[serde(default)]
    pub read: Vec<SourceLink>,
    /// Why the right option may be much longer than every wrong one.
    pub length_cue_ok: Option<String>,
    /// Absent from typed questions.
    #[serde(default)]
    pub options: Vec<SourceOption>,
    /// Typed questions: the outputs accepted.
    #[serde(default)]
    pub accept: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceLink {
    pub url: String,
    pub label: String,
}

impl SourceLink {
    pub fn compiled(self) -> ReadingLink {
        ReadingLink {
            url: self.url,
            label: self.label,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceOption {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    pub why: String,
    #[serde(default)]
    pub fixed: bool,
}

pub fn parse(text: &str) -> Result<SourceBank, String> {
    toml::from_str(text).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_field_is_an_error() {
        let text = r#"
            chapters = []
            [book]
            id = "b"
            title = "T"
            authors = "A"
            summary = "S"
            [[questions]]
            id = "b-q"
            chapter = "1"
            topics = ["t"]
            difficulty = 1
            type = "single"
            prompt = "p"
            [[questions.options]]
            text = "a"
            corect = true
            why = "w"
        "#;
        let error = parse(text).unwrap_err();
        assert!(error.contains("unknown field `corect`"), "{error}");
    }
}
