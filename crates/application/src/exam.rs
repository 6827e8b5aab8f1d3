//! Interview mode: a timed exam across the books a person picks, with no
//! feedback until the end. The exam is saved after every answer with the
//! time it started, so a reload keeps both the answers and the clock.

use serde::{Deserialize, Serialize};

use quiz_domain::{
    is_slug, select_exam, Answer, AttemptResult, Bank, Mode, Question, Response, Score,
};

use crate::quiz_request::{question_count, seed};
use crate::session::OptionMark;
use crate::shown_options::shown_options;
use crate::url_query::query_pairs;

pub const DEFAULT_EXAM_QUESTIONS: usize = 30;
pub const DEFAULT_EXAM_MINUTES: u32 = 30;
pub const MAX_EXAM_MINUTES: u32 = 180;

/// The exam asked for, as its link says it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamRequest {
    pub books: Vec<String>,
    pub count: usize,
    pub minutes: u32,
    pub seed: u64,
}

impl ExamRequest {
    /// `books=a,b&count=30&minutes=30&seed=42`
    pub fn to_query(&self) -> String {
        format!(
            "books={}&count={}&minutes={}&seed={}",
            self.books.join(","),
            self.count,
            self.minutes,
            self.seed
        )
    }

    pub fn from_query(query: &str) -> Result<ExamRequest, String> {
        let mut request = ExamRequest {
            books: Vec::new(),
            count: DEFAULT_EXAM_QUESTIONS,
            minutes: DEFAULT_EXAM_MINUTES,
            seed: 0,
        };
        for (name, value) in query_pairs(query)? {
            match name {
                "books" => {
                    request.books = value.split(',').map(str::to_owned).collect();
                    if let Some(bad) = request.books.iter().find(|b| !is_slug(b)) {
                        return Err(format!(
                            "books must be book ids separated by commas, such as fluent-python,stdlib-by-example; \"{bad}\" is not one"
                        ));
                    }
                }
                "count" => request.count = question_count(value)?,
                "minutes" => match value.parse::<u32>() {
                    Ok(n) if (1..=MAX_EXAM_MINUTES).contains(&n) => request.minutes = n,
                    _ => {
                        return Err(format!(
                            "minutes must be a whole number from 1 to {MAX_EXAM_MINUTES}, not \"{value}\""
                        ))
                    }
                },
                "seed" => request.seed = seed(value)?,
                other => {
                    return Err(format!(
                        "unknown exam parameter \"{other}\" (known: books, count, minutes, seed)"
                    ))
                }
            }
        }
        if request.books.is_empty() {
            return Err("an exam needs books, such as books=fluent-python".into());
        }
        Ok(request)
    }
}

/// What is kept after every answer: the request, when the clock started,
/// the questions drawn (book, id) and the answers so far, in bank order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedExam {
    pub request: ExamRequest,
    pub started_at_ms: u64,
    pub questions: Vec<(String, String)>,
    pub responses: Vec<Response>,
}

/// A finished exam as history keeps it; its answers are in one attempt per
/// book, with ids `{id}-{book}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamSummary {
    pub id: String,
    pub started_at_ms: u64,
    pub finished_at_ms: u64,
    pub minutes: u32,
    pub score: Score,
    pub books: Vec<(String, Score)>,
    /// Time ran out before every question was answered.
    pub timed_out: bool,
}

impl ExamSummary {
    pub fn attempt_id(&self, book: &str) -> String {
        format!("{}-{book}", self.id)
    }
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

    fn request(count: usize) -> ExamRequest {
        ExamRequest {
            books: vec!["a".into(), "b".into()],
            count,
            minutes: 10,
            seed: 3,
        }
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
    fn exam_links_round_trip_and_bad_ones_are_explained() {
        let request = request(30);
        assert_eq!(request.to_query(), "books=a,b&count=30&minutes=10&seed=3");
        assert_eq!(ExamRequest::from_query(&request.to_query()), Ok(request));
        for (query, message) in [
            ("count=5", "an exam needs books, such as books=fluent-python"),
            ("books=a&minutes=0", "minutes must be a whole number from 1 to 180, not \"0\""),
            ("books=A B", "books must be book ids separated by commas, such as fluent-python,stdlib-by-example; \"A B\" is not one"),
            ("books=a&colour=red", "unknown exam parameter \"colour\" (known: books, count, minutes, seed)"),
        ] {
            assert_eq!(ExamRequest::from_query(query), Err(message.into()), "{query}");
        }
    }

    #[test]
    fn an_exam_keeps_its_clock_across_a_resume_and_ends_when_time_is_up() {
        let (a, b) = banks();
        let mut session = ExamSession::start(&[&a, &b], &request(4), 1_000).unwrap();
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
        let mut session = ExamSession::start(&[&a, &b], &request(2), 0).unwrap();
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
