use std::fmt;

use serde::{Deserialize, Serialize};

use crate::answer::{Answer, AnswerError};
use crate::mode::Mode;
use crate::question::Question;
use crate::score::Score;

/// One graded answer. `correct` is kept rather than recomputed so that a
/// later edit of the bank cannot rewrite a past result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub question: String,
    pub answer: Answer,
    pub correct: bool,
    /// How long the answer took, when it was measured: a right but slow
    /// answer is scheduled for review sooner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_ms: Option<u64>,
}

/// A quiz being taken: a fixed list of questions answered in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    book: String,
    questions: Vec<String>,
    responses: Vec<Response>,
    started_at_ms: u64,
}

/// A finished attempt, as kept in progress history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptResult {
    pub id: String,
    pub book: String,
    /// Absent from attempts stored before modes existed: they were practice.
    #[serde(default)]
    pub mode: Mode,
    pub responses: Vec<Response>,
    pub score: Score,
    pub started_at_ms: u64,
    pub finished_at_ms: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttemptError {
    NoQuestions,
    AlreadyComplete,
    NotComplete { answered: usize, total: usize },
    OutOfOrder { expected: String, got: String },
    Invalid(AnswerError),
}

impl fmt::Display for AttemptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttemptError::NoQuestions => write!(f, "a quiz needs at least one question"),
            AttemptError::AlreadyComplete => write!(f, "every question is already answered"),
            AttemptError::NotComplete { answered, total } => {
                write!(f, "only {answered} of {total} questions are answered")
            }
            AttemptError::OutOfOrder { expected, got } => {
                write!(f, "the current question is {expected}, not {got}")
            }
            AttemptError::Invalid(error) => error.fmt(f),
        }
    }
}

impl Attempt {
    pub fn start(
        book: impl Into<String>,
        questions: Vec<String>,
        started_at_ms: u64,
    ) -> Result<Attempt, AttemptError> {
        if questions.is_empty() {
            return Err(AttemptError::NoQuestions);
        }
        Ok(Attempt {
            book: book.into(),
            questions,
            responses: Vec::new(),
            started_at_ms,
        })
    }

    pub fn book(&self) -> &str {
        &self.book
    }

    pub fn started_at_ms(&self) -> u64 {
        self.started_at_ms
    }

    /// Whether this could be an attempt `start` and `answer` made: stored
    /// attempts are read back without those checks.
    pub fn is_consistent(&self) -> bool {
        !self.questions.is_empty()
            && self.responses.len() <= self.questions.len()
            && self
                .responses
                .iter()
                .zip(&self.questions)
                .all(|(response, question)| &response.question == question)
    }

    pub fn questions(&self) -> &[String] {
        &self.questions
    }

    pub fn responses(&self) -> &[Response] {
        &self.responses
    }

    pub fn total(&self) -> usize {
        self.questions.len()
    }

    pub fn answered(&self) -> usize {
        self.responses.len()
    }

    pub fn is_complete(&self) -> bool {
        self.answered() == self.total()
    }

    pub fn current_question(&self) -> Option<&str> {
        self.questions.get(self.answered()).map(String::as_str)
    }

    pub fn score(&self) -> Score {
        Score {
            correct: self.responses.iter().filter(|r| r.correct).count() as u32,
            total: self.total() as u32,
        }
    }

    /// Grades `answer` to the current question and moves on to the next.
    pub fn answer(
        &mut self,
        question: &Question,
        answer: Answer,
    ) -> Result<&Response, AttemptError> {
        let expected = self
            .current_question()
            .ok_or(AttemptError::AlreadyComplete)?;
        if expected != question.id {
            return Err(AttemptError::OutOfOrder {
                expected: expected.to_owned(),
                got: question.id.clone(),
            });
        }
        answer.check_fits(question).map_err(AttemptError::Invalid)?;
        let correct = question.is_correct(&answer);
        self.responses.push(Response {
            question: question.id.clone(),
            answer,
            correct,
            time_ms: None,
        });
        Ok(self.responses.last().expect("a response was just pushed"))
    }

    /// Records the current question as not answered (time ran out): it
    /// counts as wrong.
    pub fn skip(&mut self) -> Result<(), AttemptError> {
        let question = self
            .current_question()
            .ok_or(AttemptError::AlreadyComplete)?
            .to_owned();
        self.responses.push(Response {
            question,
            answer: Answer::default(),
            correct: false,
            time_ms: None,
        });
        Ok(())
    }

    /// Records how long the last answer took.
    pub fn time_last_answer(&mut self, time_ms: u64) {
        if let Some(response) = self.responses.last_mut() {
            response.time_ms = Some(time_ms);
        }
    }

    pub fn finish(&self, id: String, finished_at_ms: u64) -> Result<AttemptResult, AttemptError> {
        if !self.is_complete() {
            return Err(AttemptError::NotComplete {
                answered: self.answered(),
                total: self.total(),
            });
        }
        Ok(AttemptResult {
            id,
            book: self.book.clone(),
            mode: Mode::Practice,
            responses: self.responses.clone(),
            score: self.score(),
            started_at_ms: self.started_at_ms,
            finished_at_ms: finished_at_ms.max(self.started_at_ms),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::question;
    use crate::question::QuestionKind;

    #[test]
    fn an_attempt_grades_in_order_and_scores() {
        let q1 = question("q1", QuestionKind::Single, &[1]);
        let q2 = question("q2", QuestionKind::Multiple, &[0, 2]);
        let mut attempt = Attempt::start("b", vec!["q1".into(), "q2".into()], 10).unwrap();
        assert_eq!(attempt.current_question(), Some("q1"));
        assert!(attempt.answer(&q1, Answer::new([1])).unwrap().correct);
        assert_eq!(
            attempt.finish("x".into(), 20),
            Err(AttemptError::NotComplete {
                answered: 1,
                total: 2
            })
        );
        assert!(!attempt.answer(&q2, Answer::new([0])).unwrap().correct);
        assert!(attempt.is_complete());
        let result = attempt.finish("x".into(), 20).unwrap();
        assert_eq!(
            result.score,
            Score {
                correct: 1,
                total: 2
            }
        );
        assert_eq!(result.book, "b");
        assert_eq!(result.finished_at_ms, 20);
    }

    #[test]
    fn answers_out_of_order_or_malformed_are_refused() {
        let q1 = question("q1", QuestionKind::Single, &[1]);
        let q2 = question("q2", QuestionKind::Single, &[0]);
        let mut attempt = Attempt::start("b", vec!["q1".into()], 0).unwrap();
        assert!(matches!(
            attempt.answer(&q2, Answer::new([0])),
            Err(AttemptError::OutOfOrder { .. })
        ));
        assert_eq!(
            attempt.answer(&q1, Answer::new([0, 1])).unwrap_err(),
            AttemptError::Invalid(AnswerError::OnlyOneAllowed)
        );
        assert_eq!(
            attempt.answer(&q1, Answer::new([7])).unwrap_err(),
            AttemptError::Invalid(AnswerError::NoSuchOption(7))
        );
        assert_eq!(
            attempt.answer(&q1, Answer::new([])).unwrap_err(),
            AttemptError::Invalid(AnswerError::NothingChosen)
        );
        attempt.answer(&q1, Answer::new([1])).unwrap();
        assert_eq!(
            attempt.answer(&q1, Answer::new([1])).unwrap_err(),
            AttemptError::AlreadyComplete
        );
    }

    #[test]
    fn stored_attempts_that_answering_could_not_make_are_told_apart() {
        let read = |json: &str| serde_json::from_str::<Attempt>(json).unwrap();
        let answer = r#"{"question":"q1","answer":[0],"correct":true}"#;
        let stored = |questions: &str, responses: &str| {
            read(&format!(
                r#"{{"book":"b","questions":{questions},"responses":[{responses}],"started_at_ms":0}}"#
            ))
        };
        assert!(stored(r#"["q1","q2"]"#, answer).is_consistent());
        assert!(!stored("[]", "").is_consistent());
        assert!(!stored(r#"["q2"]"#, answer).is_consistent());
        assert!(!stored(r#"["q1"]"#, &format!("{answer},{answer}")).is_consistent());
    }

    #[test]
    fn an_empty_quiz_cannot_start() {
        assert_eq!(
            Attempt::start("b", vec![], 0),
            Err(AttemptError::NoQuestions)
        );
    }
}
