use std::fmt;

use serde::{Deserialize, Serialize};

use crate::question::Question;

/// The options a person chose, as sorted indices without repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answer(Vec<usize>);

impl Answer {
    pub fn new(choices: impl IntoIterator<Item = usize>) -> Answer {
        let mut choices: Vec<usize> = choices.into_iter().collect();
        choices.sort_unstable();
        choices.dedup();
        Answer(choices)
    }

    pub fn choices(&self) -> &[usize] {
        &self.0
    }

    pub fn contains(&self, index: usize) -> bool {
        self.0.binary_search(&index).is_ok()
    }

    /// Selecting an option of a one-choice question replaces the choice;
    /// on a multiple-select question it toggles that option.
    pub fn toggled(&self, index: usize, several_allowed: bool) -> Answer {
        if !several_allowed {
            return Answer::new([index]);
        }
        if self.contains(index) {
            Answer::new(self.0.iter().copied().filter(|&i| i != index))
        } else {
            Answer::new(self.0.iter().copied().chain([index]))
        }
    }

    pub fn check_fits(&self, question: &Question) -> Result<(), AnswerError> {
        if self.0.is_empty() {
            return Err(AnswerError::NothingChosen);
        }
        if let Some(&index) = self.0.iter().find(|&&i| i >= question.options.len()) {
            return Err(AnswerError::NoSuchOption(index));
        }
        if self.0.len() > 1 && !question.kind.allows_several_choices() {
            return Err(AnswerError::OnlyOneAllowed);
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    NothingChosen,
    NoSuchOption(usize),
    OnlyOneAllowed,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::NothingChosen => write!(f, "choose an option first"),
            AnswerError::NoSuchOption(index) => write!(f, "there is no option {}", index + 1),
            AnswerError::OnlyOneAllowed => write!(f, "this question takes one option only"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
