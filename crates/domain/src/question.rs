use serde::{Deserialize, Serialize};

use crate::answer::Answer;

/// How a question is asked and how many options may be chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    Single,
    Multiple,
    TrueFalse,
    /// "What does this code print": one correct option, the literal output.
    Output,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 4] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::TrueFalse,
        QuestionKind::Output,
    ];

    pub fn allows_several_choices(self) -> bool {
        self == QuestionKind::Multiple
    }

    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::TrueFalse => "true-false",
            QuestionKind::Output => "output",
        }
    }

    pub fn from_name(name: &str) -> Option<QuestionKind> {
        QuestionKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerOption {
    /// HTML, except for output questions where it is the literal output.
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    /// HTML: why this option is right or wrong.
    pub why: String,
    /// Stays in its place when options are shuffled ("none of these").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fixed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub chapter: String,
    pub topics: Vec<String>,
    pub difficulty: u8,
    pub kind: QuestionKind,
    /// HTML.
    pub prompt: String,
    /// Highlighted HTML of the Python snippet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// HTML: the takeaway shown after the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reread: Option<String>,
    pub options: Vec<AnswerOption>,
}

impl Question {
    pub fn correct_answer(&self) -> Answer {
        Answer::new(
            self.options
                .iter()
                .enumerate()
                .filter(|(_, option)| option.correct)
                .map(|(index, _)| index),
        )
    }

    /// Multiple-select questions score all or nothing: the chosen set must be
    /// exactly the correct set.
    pub fn is_correct(&self, answer: &Answer) -> bool {
        *answer == self.correct_answer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiple_select_needs_exactly_the_correct_set() {
        let question = crate::fixtures::question("q", QuestionKind::Multiple, &[0, 2]);
        assert!(question.is_correct(&Answer::new([0, 2])));
        assert!(question.is_correct(&Answer::new([2, 0])));
        assert!(!question.is_correct(&Answer::new([0])));
        assert!(!question.is_correct(&Answer::new([0, 1, 2])));
    }

    #[test]
    fn kind_names_round_trip() {
        for kind in QuestionKind::ALL {
            assert_eq!(QuestionKind::from_name(kind.name()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.name()));
        }
        assert_eq!(QuestionKind::from_name("essay"), None);
    }
}
