//! Every key the app keeps in the browser's local storage, in one place,
//! so that a change of name cannot leave a record behind. The loader
//! (public/boot.js) reads and writes `THEME_KEY` before any Wasm runs; a
//! test holds its copy of the name to this one.

/// The attempts, answers, review schedule and settings of the app's books.
pub const PROGRESS_KEY: &str = "python-architect-quiz.progress";
/// The progress of packs, kept apart from the app's own books so that
/// packs, which come and go, never touch the books' record (nor its export).
pub const PACK_PROGRESS_KEY: &str = "python-architect-quiz.pack-progress";
/// The quiz in progress, saved after every answer.
pub const UNFINISHED_KEY: &str = "python-architect-quiz.unfinished";
/// The interview exam in progress, with the time its clock started.
pub const EXAM_KEY: &str = "python-architect-quiz.exam";
/// The quiz packs loaded in this browser.
pub const PACKS_KEY: &str = "python-architect-quiz.packs";
/// The theme chosen with the header's switch (system, light or dark).
pub const THEME_KEY: &str = "python-architect-quiz.theme";

/// Added to a record's key, with the time, for a copy of stored data this
/// version could not read; such copies are exported, never overwritten.
pub const UNREADABLE_SUFFIX: &str = ".unreadable";
/// Unreadable progress is copied here (with the time appended) before
/// anything new is written.
pub const PROGRESS_BACKUP_KEY: &str = "python-architect-quiz.progress.unreadable";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_names_the_theme_key_as_the_app_does() {
        let loader = include_str!("../../../public/boot.js");
        assert!(
            loader.contains(&format!("const THEME_KEY = \"{THEME_KEY}\";")),
            "public/boot.js keeps the theme under {THEME_KEY}"
        );
    }

    #[test]
    fn the_backup_key_is_the_progress_key_marked_unreadable() {
        assert_eq!(
            PROGRESS_BACKUP_KEY,
            format!("{PROGRESS_KEY}{UNREADABLE_SUFFIX}")
        );
    }
}
