//! Interview mode: a timed exam across the books a person picks, with no
//! feedback until the end. The exam is saved after every answer with the
//! time it started, so a reload keeps both the answers and the clock.

use serde::{Deserialize, Serialize};

use quiz_domain::{select_exam, Answer, AttemptResult, Bank, Mode, Question, Response, Score};

use crate::exam::{ExamRequest, ExamSummary};
use crate::quiz::{shown_options, OptionMark};

/// What is kept after every answer: the request, when the clock started,
/// the questions drawn (book, id) and the answers so far, in bank order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedExam {
    pub request: ExamRequest,
    pub started_at_ms: u64,
    pub questions: Vec<(String, String)>,
    pub responses: Vec<Response>,
}

/// An exam being taken.
#[derive(Clone, Debug, PartialEq)]
pub struct ExamSession {
    saved: SavedExam,
    /// The questions as the banks have them, in the order asked.
    questions: Vec<Question>,
    /// The same with their options in the order shown, and that order.
    shown: Vec<Question>,
    orders: Vec<Vec<usize>>,
    draft: Answer,
}

fn bank_of<'a>(banks: &'a [&Bank], book: &str) -> Option<&'a Bank> {
    banks.iter().copied().find(|bank| bank.book.id == book)
}

impl ExamSession {
    /// Draws the exam; `banks` are those of the requested books.
    pub fn start(
        banks: &[&Bank],
        request: &ExamRequest,
        now_ms: u64,
    ) -> Result<ExamSession, String> {
        if let Some(missing) = request.books.iter().find(|b| bank_of(banks, b).is_none()) {
            return Err(format!("there is no book \"{missing}\""));
        }
        let chosen: Vec<&Bank> = request
            .books
            .iter()
            .filter_map(|b| bank_of(banks, b))
            .collect();
        let questions = select_exam(&chosen, request.count, request.seed)
            .into_iter()
            .map(|(book, id)| (chosen[book].book.id.clone(), id))
            .collect();
        let saved = SavedExam {
            request: request.clone(),
            started_at_ms: now_ms,
            questions,
            responses: Vec::new(),
        };
        ExamSession::resume(banks, saved).ok_or_else(|| "the exam could not be drawn".into())
    }

    /// Takes a saved exam up again, with its clock; None when a question is
    /// gone from its bank or a saved answer does not fit.
    pub fn resume(banks: &[&Bank], saved: SavedExam) -> Option<ExamSession> {
        let questions: Vec<Question> = saved
            .questions
            .iter()
            .map(|(book, id)| bank_of(banks, book)?.question(id).cloned())
            .collect::<Option<_>>()?;
        if questions.is_empty() || saved.responses.len() > questions.len() {
            return None;
        }
        let replayed = saved
            .responses
            .iter()
            .zip(&questions)
            .all(|(response, question)| {
                response.question == question.id
                    && (response.answer.choices().is_empty()
                        || response.answer.check_fits(question).is_ok())
                    && response.correct == question.is_correct(&response.answer)
            });
        if !replayed {
            return None;
        }
        let (shown, orders) = shown_options(&questions, saved.request.seed);
        Some(ExamSession {
            saved,
            questions,
            shown,
            orders,
            draft: Answer::default(),
        })
    }

    pub fn saved(&self) -> &SavedExam {
        &self.saved
    }

    pub fn deadline_ms(&self) -> u64 {
        self.saved.started_at_ms + u64::from(self.saved.request.minutes) * 60_000
    }

    pub fn remaining_ms(&self, now_ms: u64) -> u64 {
        self.deadline_ms().saturating_sub(now_ms)
    }

    /// Every question answered, or the time is up.
    pub fn is_over(&self, now_ms: u64) -> bool {
        self.answered() == self.total() || now_ms >= self.deadline_ms()
    }

    pub fn answered(&self) -> usize {
        self.saved.responses.len()
    }

    pub fn total(&self) -> usize {
        self.questions.len()
    }

    fn place(&self) -> usize {
        self.answered().min(self.total() - 1)
    }

    /// The question to answer, options in the order shown.
    pub fn question(&self) -> &Question {
        &self.shown[self.place()]
    }

    /// The book of the question to answer.
    pub fn book(&self) -> &str {
        &self.saved.questions[self.place()].0
    }

    pub fn option_mark(&self, option: usize) -> OptionMark {
        if self.draft.contains(option) {
            OptionMark::Chosen
        } else {
            OptionMark::Open
        }
    }

    pub fn choose(&mut self, option: usize) {
        if self.answered() == self.total() || option >= self.question().options.len() {
            return;
        }
        let several = self.question().kind.allows_several_choices();
        self.draft = self.draft.toggled(option, several);
    }

    /// Keeps the chosen answer (graded, not shown) and moves on.
    pub fn submit(&mut self, time_ms: u64) -> Result<(), String> {
        if self.answered() == self.total() {
            return Err("every question is already answered".into());
        }
        let place = self.place();
        let answer = Answer::new(self.draft.choices().iter().map(|&i| self.orders[place][i]));
        let question = &self.questions[place];
        answer.check_fits(question).map_err(|e| e.to_string())?;
        self.saved.responses.push(Response {
            question: question.id.clone(),
            correct: question.is_correct(&answer),
            answer,
            time_ms: Some(time_ms),
        });
        self.draft = Answer::default();
        Ok(())
    }

    /// The exam as history keeps it: one attempt per book (questions left
    /// unanswered count as wrong) and the summary.
    pub fn finish(&self, id: &str, now_ms: u64) -> (Vec<AttemptResult>, ExamSummary) {
        let finished_at_ms = now_ms.min(self.deadline_ms()).max(self.saved.started_at_ms);
        let mut attempts: Vec<AttemptResult> = Vec::new();
        for (place, (book, question)) in self.saved.questions.iter().enumerate() {
            let response = self
                .saved
                .responses
                .get(place)
                .cloned()
                .unwrap_or(Response {
                    question: question.clone(),
                    answer: Answer::default(),
                    correct: false,
                    time_ms: None,
                });
            let attempt = match attempts.iter_mut().find(|a| &a.book == book) {
                Some(attempt) => attempt,
                None => {
                    attempts.push(AttemptResult {
                        id: format!("{id}-{book}"),
                        book: book.clone(),
                        mode: Mode::Interview,
                        responses: Vec::new(),
                        score: Score::default(),
                        started_at_ms: self.saved.started_at_ms,
                        finished_at_ms,
                    });
                    attempts.last_mut().expect("just pushed")
                }
            };
            attempt.score.total += 1;
            attempt.score.correct += u32::from(response.correct);
            attempt.responses.push(response);
        }
        let score = attempts.iter().fold(Score::default(), |total, a| Score {
            correct: total.correct + a.score.correct,
            total: total.total + a.score.total,
        });
        let summary = ExamSummary {
            id: id.to_owned(),
            started_at_ms: self.saved.started_at_ms,
            finished_at_ms,
            minutes: self.saved.request.minutes,
            score,
            books: attempts.iter().map(|a| (a.book.clone(), a.score)).collect(),
            timed_out: self.answered() < self.total(),
        };
        (attempts, summary)
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::exam_request;
    use quiz_domain::fixtures::{bank, question};
    use quiz_domain::QuestionKind;

    fn banks() -> (Bank, Bank) {
        let questions = |id: &str| {
            (0..4)
                .map(|i| question(&format!("{id}-{i}"), QuestionKind::Single, &[0]))
                .collect()
        };
        (
            bank("a", &["1"], questions("a")),
            bank("b", &["1"], questions("b")),
        )
    }

    /// The place on screen of the bank's option `index` (text `o{index}`).
    fn place(session: &ExamSession, index: usize) -> usize {
        let text = format!("o{index}");
        session
            .question()
            .options
            .iter()
            .position(|o| o.text == text)
            .unwrap()
    }

    #[test]
    fn an_exam_keeps_its_clock_across_a_resume_and_ends_when_time_is_up() {
        let (a, b) = banks();
        let mut session = ExamSession::start(&[&a, &b], &exam_request(4), 1_000).unwrap();
        assert_eq!((session.total(), session.deadline_ms()), (4, 601_000));
        session.choose(place(&session, 0));
        session.submit(5_000).unwrap();
        assert_eq!(session.saved().responses[0].answer, Answer::new([0]));
        let resumed = ExamSession::resume(&[&a, &b], session.saved().clone()).unwrap();
        assert_eq!((resumed.answered(), resumed.deadline_ms()), (1, 601_000));
        assert_eq!(resumed.remaining_ms(301_000), 300_000);
        assert!(!resumed.is_over(600_999));
        assert!(resumed.is_over(601_000));
        let (attempts, summary) = resumed.finish("interview-9", 700_000);
        assert_eq!(
            summary.finished_at_ms, 601_000,
            "the clock stops at the deadline"
        );
        assert!(summary.timed_out);
        assert_eq!(
            summary.score,
            Score {
                correct: 1,
                total: 4
            }
        );
        assert_eq!(attempts.len(), 2);
        for attempt in &attempts {
            assert_eq!(attempt.id, summary.attempt_id(&attempt.book));
            assert_eq!(attempt.mode, Mode::Interview);
            assert_eq!(attempt.responses.len() as u32, attempt.score.total);
        }
    }

    #[test]
    fn a_saved_exam_that_answering_could_not_make_is_not_resumed() {
        let (a, b) = banks();
        let mut session = ExamSession::start(&[&a, &b], &exam_request(2), 0).unwrap();
        session.choose(place(&session, 1));
        session.submit(1).unwrap();
        let mut forged = session.saved().clone();
        forged.responses[0].correct = true;
        assert_eq!(ExamSession::resume(&[&a, &b], forged), None);
        assert_eq!(
            ExamSession::resume(&[&a], session.saved().clone()).is_some(),
            session
                .saved()
                .questions
                .iter()
                .all(|(book, _)| book == "a")
        );
    }
}
