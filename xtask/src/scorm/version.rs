//! The two SCORM versions a package can be written for.

use std::path::{Path, PathBuf};

/// SCORM 1.2 is the default: every LMS that takes SCORM takes it. The quiz
/// itself finds out which one it runs under from the API the LMS offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScormVersion {
    Scorm12,
    Scorm2004,
}

impl ScormVersion {
    pub fn parse(text: &str) -> Result<ScormVersion, String> {
        match text {
            "1.2" => Ok(ScormVersion::Scorm12),
            "2004" => Ok(ScormVersion::Scorm2004),
            other => Err(format!(
                "--scorm must be 1.2 or 2004 (2004 means 4th Edition), not \"{other}\""
            )),
        }
    }

    /// How the version shows in package names and identifiers.
    pub fn slug(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => "scorm12",
            ScormVersion::Scorm2004 => "scorm2004",
        }
    }

    /// The folder of schema files the package ships at its root
    /// (xtask/scorm-schemas/README.md says where they come from).
    pub fn schema_dir(self) -> PathBuf {
        let folder = match self {
            ScormVersion::Scorm12 => "scorm12",
            ScormVersion::Scorm2004 => "scorm2004-4th",
        };
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scorm-schemas")
            .join(folder)
    }
}
