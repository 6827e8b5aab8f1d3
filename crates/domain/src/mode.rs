use serde::{Deserialize, Serialize};

/// How an attempt was taken, kept with it in history so that reports can
/// tell a practice run from other kinds of quiz.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Feedback after every answer; the only mode before progress schema 2.
    #[default]
    Practice,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
        }
    }
}
