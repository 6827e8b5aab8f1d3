//! The quiz in progress as the LMS keeps it between launches, in SCORM
//! 1.2's 4,096 characters of suspend data: the package's request and the
//! answers so far, without the questions' ids, which the request draws
//! again from the bank (a draw depends on the seed only). Resuming grades
//! the answers again, so a hand-edited record cannot raise a score.

use serde::{Deserialize, Serialize};

use quiz_domain::{Answer, Attempt, Bank};

use crate::quiz::{QuizRequest, QuizSession, UnfinishedQuiz};

/// Bumped when the shape changes; a record of another shape starts afresh.
const SUSPEND_FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Suspended {
    v: u32,
    /// The request's query (`count=…&seed=…`), its book being the package's.
    quiz: String,
    started_at_ms: u64,
    /// Each answer, with the time it took in tenths of a second.
    answers: Vec<(Answer, Option<u64>)>,
}

pub fn suspend_data(quiz: &UnfinishedQuiz) -> String {
    let suspended = Suspended {
        v: SUSPEND_FORMAT,
        quiz: quiz.request.to_query(),
        started_at_ms: quiz.attempt.started_at_ms(),
        answers: quiz
            .attempt
            .responses()
            .iter()
            .map(|r| (r.answer.clone(), r.time_ms.map(|ms| ms / 100)))
            .collect(),
    };
    serde_json::to_string(&suspended).expect("a quiz always serialises")
}

/// The quiz `data` kept, drawn again from `bank` and answered again; `None`
/// when it is not a record of this format, or does not fit the bank.
pub fn resumed(data: &str, bank: &Bank) -> Option<UnfinishedQuiz> {
    let suspended: Suspended = serde_json::from_str(data).ok()?;
    if suspended.v != SUSPEND_FORMAT {
        return None;
    }
    let request = QuizRequest::from_query(bank.book.id.clone(), &suspended.quiz).ok()?;
    let drawn = QuizSession::start(bank, &request, suspended.started_at_ms).ok()?;
    let questions = drawn.unfinished().attempt.questions().to_vec();
    let mut attempt =
        Attempt::start(bank.book.id.clone(), questions, suspended.started_at_ms).ok()?;
    for (answer, tenths) in suspended.answers {
        let question = bank.question(attempt.current_question()?)?;
        attempt.answer(question, answer).ok()?;
        if let Some(tenths) = tenths {
            attempt.time_last_answer(tenths * 100);
        }
    }
    Some(UnfinishedQuiz { request, attempt })
}

#[cfg(test)]
mod tests {
    use quiz_domain::fixtures::{bank, question};
    use quiz_domain::QuestionKind;

    use super::*;
    use crate::lms::SCORM12_SUSPEND_LIMIT;
    use crate::quiz::MAX_QUIZ_LENGTH;

    /// A bank of `n` multiple-select questions of four options each, with
    /// ids as long as the app's own.
    fn large_bank(n: usize) -> Bank {
        let questions = (0..n)
            .map(|i| {
                question(
                    &format!("fp-a-question-id-as-long-as-the-longest-ids-{i:03}"),
                    QuestionKind::Multiple,
                    &[0, 1],
                )
            })
            .collect();
        bank("fp", &["1"], questions)
    }

    fn answered(bank: &Bank, request: &QuizRequest, answers: usize) -> UnfinishedQuiz {
        let mut session = QuizSession::start(bank, request, 1_700_000_000_000).unwrap();
        for _ in 0..answers {
            for place in 0..session.question().options.len() {
                session.choose(place);
            }
            session.submit().unwrap();
            session.time_last_answer(9_999_900);
            session.next();
        }
        session.unfinished()
    }

    #[test]
    fn the_largest_quiz_fits_in_scorm_12_s_suspend_data_and_comes_back_whole() {
        let bank = large_bank(MAX_QUIZ_LENGTH);
        let request = QuizRequest {
            chapters: vec!["1".into()],
            ..QuizRequest::new("fp", MAX_QUIZ_LENGTH, u64::MAX)
        };
        let quiz = answered(&bank, &request, MAX_QUIZ_LENGTH - 1);
        let data = suspend_data(&quiz);
        assert!(
            data.chars().count() <= SCORM12_SUSPEND_LIMIT,
            "{} characters",
            data.chars().count()
        );
        assert_eq!(resumed(&data, &bank), Some(quiz));
    }

    #[test]
    fn a_record_that_does_not_fit_the_bank_or_the_format_is_not_resumed() {
        let bank = large_bank(3);
        let quiz = answered(&bank, &QuizRequest::new("fp", 3, 7), 1);
        let data = suspend_data(&quiz);
        assert_eq!(resumed(&data, &bank), Some(quiz));
        assert_eq!(resumed(&data.replace("\"v\":1", "\"v\":2"), &bank), None);
        assert_eq!(resumed("{broken", &bank), None);
        let too_many = data.replace("]]", "],[[0],null],[[0],null],[[0],null]]");
        assert_eq!(
            resumed(&too_many, &bank),
            None,
            "more answers than questions"
        );
    }
}
