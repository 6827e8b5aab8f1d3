use crate::quiz_request::QuizRequest;
use crate::unfinished::UnfinishedQuiz;
use quiz_domain::{
    select_questions, Answer, Attempt, AttemptError, AttemptResult, Bank, Question, Response,
};

/// Where a quiz stands between two clicks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The current question waits for an answer.
    Answering,
    /// The last answer is graded and its feedback is shown.
    Feedback,
    /// Every question is answered and the feedback of the last one was read.
    Finished,
}

/// How one option shows: while answering, whether it is chosen; once the
/// answer is graded, what it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionMark {
    Open,
    Chosen,
    PickedRight,
    PickedWrong,
    MissedRight,
    NotPicked,
}

impl OptionMark {
    pub fn graded(picked: bool, correct: bool) -> OptionMark {
        match (picked, correct) {
            (true, true) => OptionMark::PickedRight,
            (true, false) => OptionMark::PickedWrong,
            (false, true) => OptionMark::MissedRight,
            (false, false) => OptionMark::NotPicked,
        }
    }

    pub fn is_picked(self) -> bool {
        matches!(
            self,
            OptionMark::Chosen | OptionMark::PickedRight | OptionMark::PickedWrong
        )
    }
}

/// A quiz being taken in practice mode: answer, see feedback, move on.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizSession {
    questions: Vec<Question>,
    attempt: Attempt,
    phase: Phase,
    draft: Answer,
    request: QuizRequest,
}

impl QuizSession {
    /// Draws the quiz asked for; the error names a chapter the book lacks.
    pub fn start(bank: &Bank, request: &QuizRequest, now_ms: u64) -> Result<QuizSession, String> {
        if let Some(unknown) = request
            .chapters
            .iter()
            .find(|id| bank.chapter(id).is_none())
        {
            return Err(format!("{} has no chapter \"{unknown}\"", bank.book.title));
        }
        let has_topic = |topic: &String| bank.questions.iter().any(|q| q.topics.contains(topic));
        if !request.topics.is_empty() && !request.topics.iter().any(has_topic) {
            return Err(format!(
                "{} has no question on {}",
                bank.book.title,
                request.topics.join(" or ")
            ));
        }
        let ids = select_questions(
            bank,
            request.count,
            request.seed,
            &request.chapters,
            &request.topics,
        );
        let questions = ids
            .iter()
            .filter_map(|id| bank.question(id).cloned())
            .collect();
        Ok(QuizSession {
            questions,
            attempt: Attempt::start(bank.book.id.clone(), ids, now_ms)
                .map_err(|e| e.to_string())?,
            phase: Phase::Answering,
            draft: Answer::default(),
            request: request.clone(),
        })
    }

    /// Takes up a quiz where it stopped: at the next question, or at the
    /// last feedback when every question was answered. The saved answers
    /// are replayed and graded again, since stored data can be anything.
    /// None when the bank no longer has one of its questions or a saved
    /// answer does not fit.
    pub fn resume(bank: &Bank, unfinished: UnfinishedQuiz) -> Option<QuizSession> {
        let stored = unfinished.attempt;
        let questions = stored
            .questions()
            .iter()
            .map(|id| bank.question(id).cloned())
            .collect::<Option<Vec<Question>>>()?;
        let mut attempt = Attempt::start(
            stored.book(),
            stored.questions().to_vec(),
            stored.started_at_ms(),
        )
        .ok()?;
        for (response, question) in stored.responses().iter().zip(&questions) {
            attempt.answer(question, response.answer.clone()).ok()?;
        }
        if attempt.answered() != stored.answered() || stored.book() != bank.book.id {
            return None;
        }
        let phase = if attempt.is_complete() {
            Phase::Feedback
        } else {
            Phase::Answering
        };
        Some(QuizSession {
            questions,
            attempt,
            phase,
            draft: Answer::default(),
            request: unfinished.request,
        })
    }

    /// What to keep so that this quiz can be resumed.
    pub fn unfinished(&self) -> UnfinishedQuiz {
        UnfinishedQuiz {
            request: self.request.clone(),
            attempt: self.attempt.clone(),
        }
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The question on screen: the one to answer, or the one whose feedback
    /// is shown.
    pub fn question(&self) -> &Question {
        let index = match self.phase {
            Phase::Answering => self.attempt.answered(),
            Phase::Feedback | Phase::Finished => self.attempt.answered() - 1,
        };
        &self.questions[index.min(self.questions.len() - 1)]
    }

    /// 1-based number of the question on screen.
    pub fn number(&self) -> usize {
        match self.phase {
            Phase::Answering => self.attempt.answered() + 1,
            Phase::Feedback | Phase::Finished => self.attempt.answered(),
        }
    }

    pub fn total(&self) -> usize {
        self.attempt.total()
    }

    pub fn draft(&self) -> &Answer {
        &self.draft
    }

    pub fn last_response(&self) -> Option<&Response> {
        self.attempt.responses().last()
    }

    pub fn correct_so_far(&self) -> usize {
        self.attempt
            .responses()
            .iter()
            .filter(|r| r.correct)
            .count()
    }

    pub fn option_mark(&self, option: usize) -> OptionMark {
        match (self.phase, self.last_response()) {
            (Phase::Feedback | Phase::Finished, Some(response)) => OptionMark::graded(
                response.answer.contains(option),
                self.question()
                    .options
                    .get(option)
                    .is_some_and(|o| o.correct),
            ),
            _ if self.draft.contains(option) => OptionMark::Chosen,
            _ => OptionMark::Open,
        }
    }

    /// Chooses or un-chooses an option while answering; ignored otherwise.
    pub fn choose(&mut self, option: usize) {
        if self.phase != Phase::Answering || option >= self.question().options.len() {
            return;
        }
        let several = self.question().kind.allows_several_choices();
        self.draft = self.draft.toggled(option, several);
    }

    pub fn submit(&mut self) -> Result<&Response, AttemptError> {
        if self.phase != Phase::Answering {
            return Err(AttemptError::AlreadyComplete);
        }
        let question = self.question().clone();
        let draft = std::mem::take(&mut self.draft);
        match self.attempt.answer(&question, draft.clone()) {
            Ok(_) => {
                self.phase = Phase::Feedback;
                Ok(self.attempt.responses().last().expect("just answered"))
            }
            Err(error) => {
                self.draft = draft;
                Err(error)
            }
        }
    }

    /// Leaves the feedback for the next question, or for the end.
    pub fn next(&mut self) {
        if self.phase == Phase::Feedback {
            self.phase = if self.attempt.is_complete() {
                Phase::Finished
            } else {
                Phase::Answering
            };
        }
    }

    pub fn finish(&self, id: String, now_ms: u64) -> Result<AttemptResult, AttemptError> {
        self.attempt.finish(id, now_ms)
    }

    pub fn book(&self) -> &str {
        self.attempt.book()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quiz_domain::fixtures::question;
    use quiz_domain::{QuestionKind, Score};

    fn bank() -> Bank {
        quiz_domain::fixtures::bank(
            "b",
            &["1"],
            vec![
                question("b-1", QuestionKind::Single, &[2]),
                question("b-2", QuestionKind::Multiple, &[0, 1]),
            ],
        )
    }

    #[test]
    fn a_quiz_goes_answer_feedback_next_until_finished() {
        let mut session = QuizSession::start(&bank(), &QuizRequest::new("b", 10, 1), 100).unwrap();
        assert_eq!((session.number(), session.total()), (1, 2));
        assert_eq!(session.question().id, "b-1");
        session.choose(0);
        session.choose(2);
        assert_eq!(session.draft(), &Answer::new([2]));
        assert_eq!(session.option_mark(2), OptionMark::Chosen);
        assert_eq!(session.option_mark(0), OptionMark::Open);
        assert!(session.submit().unwrap().correct);
        assert_eq!(session.phase(), Phase::Feedback);
        assert_eq!(session.option_mark(2), OptionMark::PickedRight);
        assert_eq!(session.option_mark(1), OptionMark::NotPicked);
        assert_eq!(session.number(), 1);
        session.choose(1);
        assert_eq!(
            session.draft(),
            &Answer::default(),
            "no changes during feedback"
        );
        session.next();
        assert_eq!(
            (session.number(), session.question().id.as_str()),
            (2, "b-2")
        );
        session.choose(0);
        session.choose(1);
        session.choose(2);
        session.choose(2);
        session.choose(0);
        assert!(!session.submit().unwrap().correct);
        assert_eq!(session.option_mark(0), OptionMark::MissedRight);
        assert_eq!(session.option_mark(1), OptionMark::PickedRight);
        assert_eq!(session.option_mark(2), OptionMark::NotPicked);
        session.next();
        assert_eq!(session.phase(), Phase::Finished);
        let result = session.finish("id".into(), 200).unwrap();
        assert_eq!(
            result.score,
            Score {
                correct: 1,
                total: 2
            }
        );
    }

    #[test]
    fn a_quiz_resumes_where_it_stopped() {
        let bank = bank();
        let mut session = QuizSession::start(&bank, &QuizRequest::new("b", 10, 1), 100).unwrap();
        session.choose(2);
        session.submit().unwrap();
        let kept = session.unfinished();
        assert_eq!(
            kept.route(),
            crate::Route::Quiz(QuizRequest::new("b", 10, 1))
        );
        let resumed = QuizSession::resume(&bank, kept.clone()).unwrap();
        assert_eq!((resumed.phase(), resumed.number()), (Phase::Answering, 2));
        assert_eq!(resumed.unfinished().attempt.score().correct, 1);

        let mut shrunk = bank.clone();
        shrunk.questions.retain(|q| q.id != "b-2");
        assert_eq!(
            QuizSession::resume(&shrunk, kept),
            None,
            "a removed question ends the old attempt"
        );
    }

    #[test]
    fn a_fully_answered_quiz_resumes_on_its_last_feedback() {
        let bank = bank();
        let mut session = QuizSession::start(&bank, &QuizRequest::new("b", 1, 1), 0).unwrap();
        session.choose(0);
        session.submit().unwrap();
        let resumed = QuizSession::resume(&bank, session.unfinished()).unwrap();
        assert_eq!(
            (resumed.phase(), resumed.number(), resumed.total()),
            (Phase::Feedback, 1, 1)
        );
    }

    #[test]
    fn saved_answers_are_graded_again_on_resume() {
        let bank = bank();
        let mut session = QuizSession::start(&bank, &QuizRequest::new("b", 10, 1), 0).unwrap();
        session.choose(0);
        session.submit().unwrap();
        let saved = serde_json::to_string(&session.unfinished()).unwrap();
        let wrong_marked_right = saved.replace("\"correct\":false", "\"correct\":true");
        assert_ne!(wrong_marked_right, saved);
        let forged: UnfinishedQuiz = serde_json::from_str(&wrong_marked_right).unwrap();
        let resumed = QuizSession::resume(&bank, forged).unwrap();
        assert_eq!(resumed.unfinished().attempt.score().correct, 0);
        let no_such_option: UnfinishedQuiz =
            serde_json::from_str(&saved.replace("\"answer\":[0]", "\"answer\":[9]")).unwrap();
        assert_eq!(QuizSession::resume(&bank, no_such_option), None);
    }

    #[test]
    fn a_topic_the_book_lacks_is_named() {
        let mut request = QuizRequest::new("b", 5, 1);
        request.topics = vec!["nothing".into()];
        assert_eq!(
            QuizSession::start(&bank(), &request, 0),
            Err("T has no question on nothing".into())
        );
    }

    #[test]
    fn a_chapter_the_book_lacks_is_named() {
        let mut request = QuizRequest::new("b", 5, 1);
        request.chapters = vec!["1".into(), "7".into()];
        assert_eq!(
            QuizSession::start(&bank(), &request, 0),
            Err("T has no chapter \"7\"".into())
        );
    }

    #[test]
    fn submitting_nothing_keeps_the_question_open() {
        let mut session = QuizSession::start(&bank(), &QuizRequest::new("b", 1, 1), 0).unwrap();
        assert!(session.submit().is_err());
        assert_eq!(session.phase(), Phase::Answering);
        assert!(session.finish("id".into(), 1).is_err());
    }
}
