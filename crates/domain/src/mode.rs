use serde::{Deserialize, Serialize};

/// How an attempt was taken, kept with it in history so that reports can
/// tell a practice run from other kinds of quiz.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Feedback after every answer; the only mode before progress schema 2.
    #[default]
    Practice,
    /// Practice of questions answered wrong before.
    Mistakes,
    /// The questions due in the spaced-repetition schedule.
    Review,
    /// A timed exam across books, with no feedback until the end.
    Interview,
}

impl Mode {
    pub const ALL: [Mode; 4] = [
        Mode::Practice,
        Mode::Mistakes,
        Mode::Review,
        Mode::Interview,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Mistakes => "mistakes",
            Mode::Review => "review",
            Mode::Interview => "interview",
        }
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.name() == name)
    }
}
