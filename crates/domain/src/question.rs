use serde::{Deserialize, Serialize};

use crate::answer::Answer;
use crate::reading::ReadingLink;
use crate::typed_output::output_matches;

/// How a question is asked and how many options may be chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    Single,
    Multiple,
    TrueFalse,
    /// "What does this code print": one correct option, the literal output.
    Output,
    /// "What does this code print", typed in full and compared with the
    /// accepted outputs after `normalize_output`; no options.
    Typed,
    /// The options are steps written in their correct order; the person
    /// puts them back in order from a shuffle. All or nothing.
    Order,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::TrueFalse,
        QuestionKind::Output,
        QuestionKind::Typed,
        QuestionKind::Order,
    ];

    /// Whether the person answers by choosing among options.
    pub fn takes_choices(self) -> bool {
        !matches!(self, QuestionKind::Typed | QuestionKind::Order)
    }

    pub fn allows_several_choices(self) -> bool {
        self == QuestionKind::Multiple
    }

    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::TrueFalse => "true-false",
            QuestionKind::Output => "output",
            QuestionKind::Typed => "typed",
            QuestionKind::Order => "order",
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
    /// Where to read about the question's point, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub read: Vec<ReadingLink>,
    /// Choices to pick from, or for order questions the steps in their
    /// correct order; none for typed questions.
    #[serde(default)]
    pub options: Vec<AnswerOption>,
    /// Typed questions: the outputs accepted, normalised, the first shown
    /// as the expected output.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
}

impl Question {
    pub fn correct_answer(&self) -> Answer {
        match self.kind {
            QuestionKind::Typed => Answer::typed(self.accept.first().cloned().unwrap_or_default()),
            QuestionKind::Order => Answer::order(0..self.options.len()),
            _ => Answer::new(
                self.options
                    .iter()
                    .enumerate()
                    .filter(|(_, option)| option.correct)
                    .map(|(index, _)| index),
            ),
        }
    }

    /// Multiple-select and order questions score all or nothing: the chosen
    /// set must be exactly the correct set, the order exactly the bank's.
    /// A typed output is right when it is one of the accepted outputs once
    /// both are normalised.
    pub fn is_correct(&self, answer: &Answer) -> bool {
        match (self.kind, answer) {
            (QuestionKind::Typed, Answer::Typed(text)) => output_matches(text, &self.accept),
            _ => *answer == self.correct_answer(),
        }
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
    fn a_typed_output_is_graded_after_normalisation() {
        let question = crate::fixtures::typed_question("t", &["a b\nC"]);
        assert!(question.is_correct(&Answer::typed("a b  \r\nC\r\n")));
        assert!(question.is_correct(&Answer::typed("\n\na b\rC")));
        assert!(!question.is_correct(&Answer::typed("a  b\nC")));
        assert!(!question.is_correct(&Answer::typed("a b\nc")));
        assert!(!question.is_correct(&Answer::new([0])));
        assert_eq!(question.correct_answer(), Answer::typed("a b\nC"));
    }

    #[test]
    fn an_order_is_right_only_when_every_step_is_in_place() {
        let question = crate::fixtures::order_question("o", 4);
        assert!(question.is_correct(&Answer::order([0, 1, 2, 3])));
        assert!(!question.is_correct(&Answer::order([0, 1, 3, 2])));
        assert!(!question.is_correct(&Answer::order([3, 2, 1, 0])));
        assert!(!question.is_correct(&Answer::new([0, 1, 2, 3])));
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
