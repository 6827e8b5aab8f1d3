//! What the person should be told about the data this browser keeps.

use crate::ports::StoreError;

/// What the person should be told about their stored progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Nothing can be saved in this browser; the quiz still works.
    Unavailable(StoreError),
    /// The stored progress could not be read; it was kept under `backup_key`.
    Unreadable { backup_key: String },
    /// The stored progress could not be read nor copied aside, so nothing is
    /// written over it.
    UnreadableNotBackedUp,
    /// Written by a newer version of the app; left untouched.
    NewerVersion(u64),
    /// A save failed; the result is kept until the page is closed.
    NotSaved(StoreError),
}

impl StorageNotice {
    pub fn message(&self) -> String {
        match self {
            StorageNotice::Unavailable(error) => format!(
                "Your progress cannot be saved in this browser: {error}. You can still take quizzes; scores last until you close the page."
            ),
            StorageNotice::Unreadable { backup_key } => format!(
                "Your saved progress could not be read, so it was copied aside under the key \"{backup_key}\" and a fresh record was started. Nothing was deleted."
            ),
            StorageNotice::UnreadableNotBackedUp => "Your saved progress could not be read and could not be copied aside, so it is left untouched and new scores will not be saved.".into(),
            StorageNotice::NewerVersion(version) => format!(
                "Your progress was saved by a newer version of this app (format {version}). It is left untouched; reload to get the newer version. New scores will not be saved."
            ),
            StorageNotice::NotSaved(error) => format!(
                "Your last result could not be saved: {error}. It stays available until you close the page."
            ),
        }
    }
}
