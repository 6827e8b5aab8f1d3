use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::question::{Question, QuestionKind};

/// What a person answered, stored as JSON in the shape of its kind:
/// chosen options as an array of indices (`[0, 2]`, the only shape stored
/// before typed and order questions existed), a typed output as a string,
/// and an ordering as `{"order": [2, 0, 1]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// Chosen options as sorted indices without repeats; build with `new`.
    Choices(Vec<usize>),
    /// The output as typed, before normalisation, so a review shows it as is.
    Typed(String),
    /// Option indices in the order the person put them.
    Order { order: Vec<usize> },
}

/// Read by the JSON shape, as `#[serde(untagged)]` would, but without
/// buffering the value first: that costs several KB of Wasm.
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Answer, D::Error> {
        deserializer.deserialize_any(AnswerVisitor)
    }
}

struct AnswerVisitor;

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = Answer;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "option indices, a typed output or {{\"order\": [...]}}")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
        let mut choices = Vec::new();
        while let Some(index) = seq.next_element()? {
            choices.push(index);
        }
        Ok(Answer::Choices(choices))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Answer, E> {
        Ok(Answer::Typed(text.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer, A::Error> {
        let mut order = None;
        while let Some(key) = map.next_key::<String>()? {
            if key != "order" || order.is_some() {
                return Err(de::Error::unknown_field(&key, &["order"]));
            }
            order = Some(map.next_value()?);
        }
        let order = order.ok_or_else(|| de::Error::missing_field("order"))?;
        Ok(Answer::Order { order })
    }
}

impl Default for Answer {
    fn default() -> Answer {
        Answer::Choices(Vec::new())
    }
}

impl Answer {
    pub fn new(choices: impl IntoIterator<Item = usize>) -> Answer {
        let mut choices: Vec<usize> = choices.into_iter().collect();
        choices.sort_unstable();
        choices.dedup();
        Answer::Choices(choices)
    }

    pub fn typed(text: impl Into<String>) -> Answer {
        Answer::Typed(text.into())
    }

    pub fn order(steps: impl IntoIterator<Item = usize>) -> Answer {
        Answer::Order {
            order: steps.into_iter().collect(),
        }
    }

    /// The chosen options; none for a typed answer or an ordering.
    pub fn choices(&self) -> &[usize] {
        match self {
            Answer::Choices(choices) => choices,
            _ => &[],
        }
    }

    pub fn contains(&self, index: usize) -> bool {
        self.choices().binary_search(&index).is_ok()
    }

    pub fn typed_text(&self) -> Option<&str> {
        match self {
            Answer::Typed(text) => Some(text),
            _ => None,
        }
    }

    pub fn steps(&self) -> Option<&[usize]> {
        match self {
            Answer::Order { order } => Some(order),
            _ => None,
        }
    }

    /// Selecting an option of a one-choice question replaces the choice;
    /// on a multiple-select question it toggles that option.
    pub fn toggled(&self, index: usize, several_allowed: bool) -> Answer {
        if !several_allowed {
            return Answer::new([index]);
        }
        if self.contains(index) {
            Answer::new(self.choices().iter().copied().filter(|&i| i != index))
        } else {
            Answer::new(self.choices().iter().copied().chain([index]))
        }
    }

    /// The ordering with the step at `from` moved to `to` (both clamped to
    /// the list); other answers are returned unchanged.
    pub fn moved(&self, from: usize, to: usize) -> Answer {
        let mut order = self.steps().unwrap_or_default().to_vec();
        if from >= order.len() {
            return self.clone();
        }
        let step = order.remove(from);
        order.insert(to.min(order.len()), step);
        Answer::Order { order }
    }

    pub fn check_fits(&self, question: &Question) -> Result<(), AnswerError> {
        let count = question.options.len();
        match (question.kind, self) {
            (QuestionKind::Typed, Answer::Typed(text)) => {
                if text.trim().is_empty() {
                    return Err(AnswerError::NothingTyped);
                }
            }
            (QuestionKind::Order, Answer::Order { order }) => {
                let mut sorted = order.clone();
                sorted.sort_unstable();
                if !sorted.iter().copied().eq(0..count) {
                    return Err(AnswerError::NotAnOrder);
                }
            }
            (QuestionKind::Typed | QuestionKind::Order, _)
            | (_, Answer::Typed(_) | Answer::Order { .. }) => return Err(AnswerError::WrongForm),
            (kind, Answer::Choices(choices)) => {
                if choices.is_empty() {
                    return Err(AnswerError::NothingChosen);
                }
                if let Some(&index) = choices.iter().find(|&&i| i >= count) {
                    return Err(AnswerError::NoSuchOption(index));
                }
                if choices.len() > 1 && !kind.allows_several_choices() {
                    return Err(AnswerError::OnlyOneAllowed);
                }
            }
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    NothingChosen,
    NoSuchOption(usize),
    OnlyOneAllowed,
    NothingTyped,
    NotAnOrder,
    /// Choices for a typed question, an ordering for a choice question…
    WrongForm,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::NothingChosen => write!(f, "choose an option first"),
            AnswerError::NoSuchOption(index) => write!(f, "there is no option {}", index + 1),
            AnswerError::OnlyOneAllowed => write!(f, "this question takes one option only"),
            AnswerError::NothingTyped => write!(f, "type the output first"),
            AnswerError::NotAnOrder => write!(f, "put each step in the order once"),
            AnswerError::WrongForm => write!(f, "answer in the form this question asks for"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{order_question, question, typed_question};

    #[test]
    fn new_sorts_and_removes_repeats() {
        assert_eq!(Answer::new([2, 0, 2]).choices(), &[0, 2]);
    }

    #[test]
    fn toggling_replaces_or_flips() {
        let answer = Answer::new([1]);
        assert_eq!(answer.toggled(3, false), Answer::new([3]));
        assert_eq!(answer.toggled(3, true), Answer::new([1, 3]));
        assert_eq!(answer.toggled(1, true), Answer::new([]));
    }

    #[test]
    fn answers_stored_before_typed_and_order_questions_read_unchanged() {
        let read = |json: &str| serde_json::from_str::<Answer>(json).unwrap();
        assert_eq!(read("[2]"), Answer::new([2]));
        assert_eq!(read("[0,1]"), Answer::new([0, 1]));
        assert_eq!(read("[]"), Answer::default());
        assert_eq!(serde_json::to_string(&Answer::new([2])).unwrap(), "[2]");
        for unreadable in ["7", "null", r#"{"steps":[0]}"#, r#"{}"#, r#"["a"]"#] {
            assert!(
                serde_json::from_str::<Answer>(unreadable).is_err(),
                "{unreadable}"
            );
        }
    }

    #[test]
    fn typed_answers_and_orderings_round_trip_in_their_own_shapes() {
        for (answer, json) in [
            (Answer::typed("[1, 2]\r\n"), r#""[1, 2]\r\n""#),
            (Answer::order([2, 0, 1]), r#"{"order":[2,0,1]}"#),
        ] {
            assert_eq!(serde_json::to_string(&answer).unwrap(), json);
            assert_eq!(serde_json::from_str::<Answer>(json).unwrap(), answer);
        }
    }

    #[test]
    fn moving_a_step_shifts_the_others() {
        let order = Answer::order([0, 1, 2, 3]);
        assert_eq!(order.moved(3, 1), Answer::order([0, 3, 1, 2]));
        assert_eq!(order.moved(0, 9), Answer::order([1, 2, 3, 0]));
        assert_eq!(order.moved(7, 0), order);
        assert_eq!(Answer::new([1]).moved(0, 1), Answer::new([1]));
    }

    #[test]
    fn an_answer_must_have_the_form_its_question_asks_for() {
        let single = question("q", QuestionKind::Single, &[0]);
        let typed = typed_question("t", &["4"]);
        let order = order_question("o", 3);
        assert_eq!(Answer::new([0]).check_fits(&single), Ok(()));
        assert_eq!(Answer::typed("4").check_fits(&typed), Ok(()));
        assert_eq!(Answer::order([2, 0, 1]).check_fits(&order), Ok(()));
        assert_eq!(
            Answer::typed(" \n").check_fits(&typed),
            Err(AnswerError::NothingTyped)
        );
        for not_an_order in [vec![0, 1], vec![0, 1, 1], vec![0, 1, 3], vec![0, 1, 2, 3]] {
            assert_eq!(
                Answer::order(not_an_order).check_fits(&order),
                Err(AnswerError::NotAnOrder)
            );
        }
        assert_eq!(
            Answer::new([0]).check_fits(&typed),
            Err(AnswerError::WrongForm)
        );
        assert_eq!(
            Answer::order([0, 1, 2]).check_fits(&single),
            Err(AnswerError::WrongForm)
        );
        assert_eq!(
            Answer::typed("o0").check_fits(&single),
            Err(AnswerError::WrongForm)
        );
    }
}
