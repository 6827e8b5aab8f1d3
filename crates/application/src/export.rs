//! The progress file a person downloads and imports on another browser.

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::progress::{ParseError, Progress};

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
    /// Stored data the app could not read, copied aside: exported so that
    /// nothing is lost, never imported.
    #[serde(default)]
    unreadable: Vec<UnreadableCopy>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadableCopy {
    pub key: String,
    pub value: String,
}

pub fn export_file(progress: &Progress, unreadable: Vec<UnreadableCopy>, now_ms: u64) -> String {
    let file = ExportFile {
        app: EXPORT_APP.into(),
        format: EXPORT_FORMAT,
        exported_at_ms: now_ms,
        progress: RawValue::from_string(progress.to_json()).expect("progress is JSON"),
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

/// Reads an exported file: its progress (migrated to the current schema)
/// and how many unreadable copies it carries.
pub fn read_export(text: &str) -> Result<(Progress, usize), ImportError> {
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
    let progress = Progress::parse(file.progress.get()).map_err(|error| match error {
        ParseError::NewerSchema(schema) => ImportError::NewerProgress(schema),
        ParseError::Corrupt(why) => ImportError::Invalid(why),
    })?;
    Ok((progress, file.unreadable.len()))
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
}

impl ImportReport {
    pub fn message(&self, title_of: impl Fn(&str) -> String) -> String {
        let added: usize = self.added.iter().map(|(_, n)| n).sum();
        let mut message = if added == 0 {
            format!(
                "Nothing new to import: the file's {} attempts were all already here.",
                self.already_here
            )
        } else {
            let books: Vec<String> = self
                .added
                .iter()
                .map(|(book, n)| format!("{} {n}", title_of(book)))
                .collect();
            format!(
                "Imported {added} {}: {}. {} already here.",
                plural(added, "attempt"),
                books.join(", "),
                match self.already_here {
                    1 => "1 was".to_owned(),
                    n => format!("{n} were"),
                }
            )
        };
        if self.settings_applied {
            message.push_str(" The file's settings were newer and were applied.");
        }
        if self.unreadable_skipped > 0 {
            message.push_str(&format!(
                " The file also holds {} of unreadable data, which {} not imported.",
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
        message
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
        let text = export_file(&Progress::default(), vec![copy], 5);
        assert_eq!(read_export(&text), Ok((Progress::default(), 1)));
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
            let message = read_export(text).unwrap_err().message();
            assert!(message.contains(expected), "{text}: {message}");
            assert!(
                message.ends_with("Your progress is unchanged."),
                "{message}"
            );
        }
        let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert!(matches!(read_export(&huge), Err(ImportError::TooLarge(_))));
    }

    #[test]
    fn the_report_says_what_was_added_per_book() {
        let report = ImportReport {
            added: vec![("fp".into(), 2), ("hp".into(), 1)],
            already_here: 1,
            settings_applied: true,
            unreadable_skipped: 1,
        };
        assert_eq!(
            report.message(|book| book.to_uppercase()),
            "Imported 3 attempts: FP 2, HP 1. 1 was already here. The file's settings were newer and were applied. The file also holds 1 copy of unreadable data, which was not imported."
        );
        let nothing = ImportReport {
            already_here: 4,
            ..ImportReport::default()
        };
        assert_eq!(
            nothing.message(|b| b.into()),
            "Nothing new to import: the file's 4 attempts were all already here."
        );
    }
}
