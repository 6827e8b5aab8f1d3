//! The progress file a person downloads and imports on another browser.

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::packs::ExportedPack;
use crate::progress::{ParseError, Progress};
use crate::set_aside::UnreadableCopy;

pub const EXPORT_APP: &str = "python-architect-quiz";
/// The version of the export file's own shape; the progress inside carries
/// its own schema and is migrated like stored progress.
pub const EXPORT_FORMAT: u32 = 1;
/// A file larger than this is refused before it is read: a real export of
/// 10,000 attempts is under 1 MB.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct ExportFile {
    app: String,
    format: u32,
    exported_at_ms: u64,
    progress: Box<RawValue>,
    /// The progress in course authors' packs, kept apart as in storage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pack_progress: Option<Box<RawValue>>,
    /// The packs themselves, as they were loaded, so they come along.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    packs: Vec<ExportedPack>,
    /// Stored data the app could not read, copied aside: exported so that
    /// nothing is lost, never imported.
    #[serde(default)]
    unreadable: Vec<UnreadableCopy>,
}

/// What an export file holds, read and migrated.
#[derive(Debug)]
pub struct ExportContents {
    pub progress: Progress,
    pub pack_progress: Progress,
    pub packs: Vec<ExportedPack>,
    pub unreadable_copies: usize,
}

pub fn export_file(
    progress: &Progress,
    pack_progress: &Progress,
    packs: Vec<ExportedPack>,
    unreadable: Vec<UnreadableCopy>,
    now_ms: u64,
) -> String {
    let raw =
        |progress: &Progress| RawValue::from_string(progress.to_json()).expect("progress is JSON");
    let file = ExportFile {
        app: EXPORT_APP.into(),
        format: EXPORT_FORMAT,
        exported_at_ms: now_ms,
        progress: raw(progress),
        pack_progress: (*pack_progress != Progress::default()).then(|| raw(pack_progress)),
        packs,
        unreadable,
    };
    serde_json::to_string(&file).expect("an export always serialises")
}

/// Why a file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    NotJson(String),
    NotAnExport,
    NewerFormat(u64),
    NewerProgress(u64),
    Invalid(String),
}

impl ImportError {
    pub fn message(&self) -> String {
        let what = match self {
            ImportError::TooLarge(bytes) => format!(
                "it is {} KB, more than the {} KB an export can be",
                bytes / 1024,
                MAX_IMPORT_BYTES / 1024
            ),
            ImportError::NotJson(why) => format!("it is not JSON ({why})"),
            ImportError::NotAnExport => {
                "it is JSON but not a progress file exported by this app".into()
            }
            ImportError::NewerFormat(format) => format!(
                "it was exported by a newer version of the app (file format {format}); reload to get that version"
            ),
            ImportError::NewerProgress(schema) => format!(
                "its progress was saved by a newer version of the app (format {schema}); reload to get that version"
            ),
            ImportError::Invalid(why) => format!("it is damaged: {why}"),
        };
        format!("The file was not imported: {what}. Your progress is unchanged.")
    }
}

/// Reads an exported file: its progress and its packs' progress (migrated
/// to the current schema), its packs, and how many unreadable copies it
/// carries.
pub fn read_export(text: &str) -> Result<ExportContents, ImportError> {
    #[derive(Deserialize)]
    struct Header {
        #[serde(default)]
        app: String,
        #[serde(default)]
        format: u64,
    }
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    serde_json::from_str::<IgnoredAny>(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let header: Header = serde_json::from_str(text).map_err(|_| ImportError::NotAnExport)?;
    if header.app != EXPORT_APP {
        return Err(ImportError::NotAnExport);
    }
    if header.format > u64::from(EXPORT_FORMAT) {
        return Err(ImportError::NewerFormat(header.format));
    }
    let file: ExportFile =
        serde_json::from_str(text).map_err(|e| ImportError::Invalid(e.to_string()))?;
    let read = |raw: &RawValue| {
        Progress::parse(raw.get()).map_err(|error| match error {
            ParseError::NewerSchema(schema) => ImportError::NewerProgress(schema),
            ParseError::Corrupt(why) => ImportError::Invalid(why),
        })
    };
    Ok(ExportContents {
        progress: read(&file.progress)?,
        pack_progress: match &file.pack_progress {
            Some(raw) => read(raw)?,
            None => Progress::default(),
        },
        packs: file.packs,
        unreadable_copies: file.unreadable.len(),
    })
}

/// What an import added, for the message shown after it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Attempts added, per book id, in book id order.
    pub added: Vec<(String, usize)>,
    /// Attempts in the file that were already here.
    pub already_here: usize,
    pub settings_applied: bool,
    pub unreadable_skipped: usize,
    /// The titles of the packs the file brought in.
    pub packs_added: Vec<String>,
    /// Why each pack of the file that was not taken was refused.
    pub packs_refused: Vec<String>,
}

impl ImportReport {
    pub fn message(&self, title_of: impl Fn(&str) -> String) -> String {
        let added: usize = self.added.iter().map(|(_, n)| n).sum();
        let already_here = match self.already_here {
            0 => String::new(),
            1 => "1 attempt of the file was already here.".to_owned(),
            n => format!("{n} attempts of the file were already here."),
        };
        let mut parts = Vec::new();
        if added > 0 {
            let books: Vec<String> = self
                .added
                .iter()
                .map(|(book, n)| format!("{} {n}", title_of(book)))
                .collect();
            parts.push(format!(
                "Imported {added} {}: {}.",
                plural(added, "attempt"),
                books.join(", ")
            ));
        } else if self.packs_added.is_empty() {
            parts.push("Nothing new to import.".to_owned());
        }
        parts.push(already_here);
        if !self.packs_added.is_empty() {
            parts.push(format!(
                "{} added: {}.",
                if self.packs_added.len() == 1 {
                    "Pack"
                } else {
                    "Packs"
                },
                self.packs_added.join(", ")
            ));
        }
        for refused in &self.packs_refused {
            parts.push(format!("A pack in the file was not taken: {refused}."));
        }
        if self.settings_applied {
            parts.push("The file's settings were newer and were applied.".to_owned());
        }
        if self.unreadable_skipped > 0 {
            parts.push(format!(
                "The file also holds {} of unreadable data, which {} not imported.",
                match self.unreadable_skipped {
                    1 => "1 copy".to_owned(),
                    n => format!("{n} copies"),
                },
                if self.unreadable_skipped == 1 {
                    "was"
                } else {
                    "were"
                }
            ));
        }
        parts.retain(|part| !part.is_empty());
        parts.join(" ")
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_reads_back_with_its_unreadable_copies_counted() {
        let copy = UnreadableCopy {
            key: "k".into(),
            value: "{broken".into(),
        };
        let text = export_file(
            &Progress::default(),
            &Progress::default(),
            vec![],
            vec![copy],
            5,
        );
        assert!(
            !text.contains("pack"),
            "no pack fields without packs: {text}"
        );
        let contents = read_export(&text).unwrap();
        assert_eq!(contents.progress, Progress::default());
        assert_eq!(contents.pack_progress, Progress::default());
        assert!(contents.packs.is_empty());
        assert_eq!(contents.unreadable_copies, 1);
    }

    #[test]
    fn files_that_are_not_exports_are_refused_with_the_reason() {
        let newer_progress = format!(
            r#"{{"app":"{EXPORT_APP}","format":1,"exported_at_ms":1,"progress":{{"schema":7}}}}"#
        );
        let cases = [
            ("{\"app\":", "it is not JSON"),
            ("[]", "not a progress file"),
            (
                "{\"app\":\"another-app\",\"format\":1}",
                "not a progress file",
            ),
            (
                r#"{"app":"python-architect-quiz","format":2}"#,
                "newer version of the app (file format 2)",
            ),
            (newer_progress.as_str(), "(format 7)"),
            (
                r#"{"app":"python-architect-quiz","format":1,"exported_at_ms":1}"#,
                "missing field `progress`",
            ),
            (
                r#"{"app":"python-architect-quiz","format":1,"exported_at_ms":1,"progress":{"schema":2,"attempts":[{"id":"x"}]}}"#,
                "it is damaged",
            ),
        ];
        for (text, expected) in cases {
            let message = read_export(text).map(|_| ()).unwrap_err().message();
            assert!(message.contains(expected), "{text}: {message}");
            assert!(
                message.ends_with("Your progress is unchanged."),
                "{message}"
            );
        }
        let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert!(matches!(read_export(&huge), Err(ImportError::TooLarge(_))));
        let damaged_pack_progress = format!(
            r#"{{"app":"{EXPORT_APP}","format":1,"exported_at_ms":1,"progress":{},"pack_progress":{{"schema":9}}}}"#,
            Progress::default().to_json()
        );
        assert_eq!(
            read_export(&damaged_pack_progress).map(|_| ()),
            Err(ImportError::NewerProgress(9))
        );
    }

    #[test]
    fn the_report_says_what_was_added_per_book() {
        let report = ImportReport {
            added: vec![("fp".into(), 2), ("hp".into(), 1)],
            already_here: 1,
            settings_applied: true,
            unreadable_skipped: 1,
            packs_added: vec!["Week 1".into()],
            packs_refused: vec!["\"w2.json\" (the pack has no questions)".into()],
        };
        assert_eq!(
            report.message(|book| book.to_uppercase()),
            "Imported 3 attempts: FP 2, HP 1. 1 attempt of the file was already here. Pack added: Week 1. A pack in the file was not taken: \"w2.json\" (the pack has no questions). The file's settings were newer and were applied. The file also holds 1 copy of unreadable data, which was not imported."
        );
        let only_packs = ImportReport {
            already_here: 2,
            packs_added: vec!["Week 1".into(), "Week 2".into()],
            ..ImportReport::default()
        };
        assert_eq!(
            only_packs.message(|b| b.into()),
            "2 attempts of the file were already here. Packs added: Week 1, Week 2."
        );
        let nothing = ImportReport {
            already_here: 4,
            ..ImportReport::default()
        };
        assert_eq!(
            nothing.message(|b| b.into()),
            "Nothing new to import. 4 attempts of the file were already here."
        );
    }
}
