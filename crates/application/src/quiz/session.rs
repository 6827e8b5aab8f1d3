use crate::quiz::{shown_options, OptionMark, QuizRequest, UnfinishedQuiz};
use quiz_domain::{
    select_questions, Answer, Attempt, AttemptError, AttemptResult, Bank, Question, QuestionKind,
    Response,
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

/// A quiz being taken in practice mode: answer, see feedback, move on.
/// Options are shown shuffled by the quiz seed; the draft and the marks use
/// the order on screen, while answers are kept in the bank's order (for an
/// order question, the steps given as bank indices).
#[derive(Clone, Debug, PartialEq)]
pub struct QuizSession {
    /// The questions as the bank has them, for grading.
    questions: Vec<Question>,
    /// The same questions with their options in the order shown.
    shown: Vec<Question>,
    /// Per question, the bank index of the option at each place on screen.
    orders: Vec<Vec<usize>>,
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
        let ids: Vec<String> = if request.questions.is_empty() {
            select_questions(
                bank,
                request.count,
                request.seed,
                &request.chapters,
                &request.topics,
            )
        } else {
            // Questions removed from the bank since are skipped.
            let known = request
                .questions
                .iter()
                .filter(|id| bank.question(id).is_some());
            known.take(request.count).cloned().collect()
        };
        if ids.is_empty() && !request.questions.is_empty() {
            return Err(format!(
                "none of these questions is in {} any more",
                bank.book.title
            ));
        }
        let questions = ids
            .iter()
            .filter_map(|id| bank.question(id).cloned())
            .collect();
        let attempt =
            Attempt::start(bank.book.id.clone(), ids, now_ms).map_err(|e| e.to_string())?;
        Ok(QuizSession::of(questions, attempt, request.clone()))
    }

    /// The quiz a link asks for: resumed where it stopped when `saved` is
    /// this quiz, drawn afresh otherwise.
    pub fn start_or_resume(
        bank: &Bank,
        request: &QuizRequest,
        saved: Option<UnfinishedQuiz>,
        now_ms: u64,
    ) -> Result<QuizSession, String> {
        let saved = saved.filter(|quiz| quiz.request == *request);
        match saved.and_then(|quiz| QuizSession::resume(bank, quiz)) {
            Some(resumed) => Ok(resumed),
            None => QuizSession::start(bank, request, now_ms),
        }
    }

    /// A session showing `questions` in the order the request's seed gives.
    fn of(questions: Vec<Question>, attempt: Attempt, request: QuizRequest) -> QuizSession {
        let (shown, orders) = shown_options(&questions, request.seed);
        let phase = if attempt.is_complete() {
            Phase::Feedback
        } else {
            Phase::Answering
        };
        let mut session = QuizSession {
            questions,
            shown,
            orders,
            attempt,
            phase,
            draft: Answer::default(),
            request,
        };
        session.draft = session.blank_draft();
        session
    }

    /// What the question on screen holds before the person acts: nothing
    /// chosen, nothing typed, or the steps in the shuffled order shown.
    fn blank_draft(&self) -> Answer {
        let question = self.question();
        match question.kind {
            QuestionKind::Typed => Answer::typed(""),
            QuestionKind::Order => Answer::order(0..question.options.len()),
            _ => Answer::default(),
        }
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
        Some(QuizSession::of(questions, attempt, unfinished.request))
    }

    /// Takes in what the questions lacked when the quiz started from a
    /// bank's questions alone (`Bank::questions_only`): their explanations,
    /// reading links and whys, from the whole bank. Nothing else changes:
    /// not the order of the options, nor an answer.
    pub fn fill_in(&mut self, bank: &Bank) {
        for question in &mut self.questions {
            if let Some(whole) = bank.question(&question.id) {
                *question = whole.clone();
            }
        }
        let (shown, orders) = shown_options(&self.questions, self.request.seed);
        debug_assert_eq!(orders, self.orders, "the same seed shows the same order");
        self.shown = shown;
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

    /// Every question is answered.
    pub fn is_complete(&self) -> bool {
        self.attempt.is_complete()
    }

    /// Where the question on screen is in the quiz.
    fn place(&self) -> usize {
        let index = match self.phase {
            Phase::Answering => self.attempt.answered(),
            Phase::Feedback | Phase::Finished => self.attempt.answered() - 1,
        };
        index.min(self.questions.len() - 1)
    }

    /// The question on screen (the one to answer, or the one whose feedback
    /// is shown), with its options in the order shown.
    pub fn question(&self) -> &Question {
        &self.shown[self.place()]
    }

    /// The bank index of the option at each place on screen.
    pub fn option_order(&self) -> &[usize] {
        &self.orders[self.place()]
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

    /// How the option at place `option` on screen shows.
    pub fn option_mark(&self, option: usize) -> OptionMark {
        match (self.phase, self.last_response()) {
            (Phase::Feedback | Phase::Finished, Some(response)) => OptionMark::graded(
                self.orders[self.place()]
                    .get(option)
                    .is_some_and(|&index| response.answer.contains(index)),
                self.question()
                    .options
                    .get(option)
                    .is_some_and(|o| o.correct),
            ),
            _ if self.draft.contains(option) => OptionMark::Chosen,
            _ => OptionMark::Open,
        }
    }

    /// Chooses or un-chooses an option while answering; ignored otherwise,
    /// and on questions answered without choosing (so digit keys are safe).
    pub fn choose(&mut self, option: usize) {
        if self.phase != Phase::Answering
            || option >= self.question().options.len()
            || !self.question().kind.takes_choices()
        {
            return;
        }
        let several = self.question().kind.allows_several_choices();
        self.draft = self.draft.toggled(option, several);
    }

    /// Keeps what the person typed as the answer to a typed question.
    pub fn type_output(&mut self, text: &str) {
        if self.phase == Phase::Answering && self.question().kind == QuestionKind::Typed {
            self.draft = Answer::typed(text);
        }
    }

    /// The output typed for a typed question, or as given once graded.
    pub fn typed_output(&self) -> &str {
        let answer = match (self.phase, self.last_response()) {
            (Phase::Feedback | Phase::Finished, Some(response)) => &response.answer,
            _ => &self.draft,
        };
        answer.typed_text().unwrap_or_default()
    }

    /// The steps of an order question as arranged now, or as given once
    /// graded, as places among the options on screen (`question().options`),
    /// first step first.
    pub fn arrangement(&self) -> Vec<usize> {
        match (self.phase, self.last_response()) {
            (Phase::Feedback | Phase::Finished, Some(response)) => {
                let shown = self.option_order();
                let given = response.answer.steps().unwrap_or_default();
                given
                    .iter()
                    .filter_map(|bank| shown.iter().position(|s| s == bank))
                    .collect()
            }
            _ => self.draft.steps().unwrap_or_default().to_vec(),
        }
    }

    /// Moves the step at `position` of the arrangement one place up (towards
    /// the first) or down, while answering; returns its position after the
    /// move, unchanged at either end.
    pub fn move_step(&mut self, position: usize, up: bool) -> usize {
        let count = self.arrangement().len();
        if self.phase != Phase::Answering || position >= count {
            return position;
        }
        let to = match up {
            true => position.saturating_sub(1),
            false => (position + 1).min(count - 1),
        };
        self.draft = self.draft.moved(position, to);
        to
    }

    pub fn submit(&mut self) -> Result<&Response, AttemptError> {
        if self.phase != Phase::Answering {
            return Err(AttemptError::AlreadyComplete);
        }
        let place = self.place();
        let draft = std::mem::take(&mut self.draft);
        let to_bank = |shown: &[usize]| -> Vec<usize> {
            shown.iter().map(|&i| self.orders[place][i]).collect()
        };
        let in_bank_order = match &draft {
            Answer::Choices(choices) => Answer::new(to_bank(choices)),
            Answer::Order { order } => Answer::order(to_bank(order)),
            Answer::Typed(text) => Answer::typed(text.clone()),
        };
        match self.attempt.answer(&self.questions[place], in_bank_order) {
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

    /// Records how long the answer just given took, for its review schedule.
    pub fn time_last_answer(&mut self, time_ms: u64) {
        self.attempt.time_last_answer(time_ms);
    }

    /// Leaves the feedback for the next question, or for the end.
    pub fn next(&mut self) {
        if self.phase == Phase::Feedback {
            self.phase = if self.attempt.is_complete() {
                Phase::Finished
            } else {
                Phase::Answering
            };
            self.draft = self.blank_draft();
        }
    }

    pub fn finish(&self, id: String, now_ms: u64) -> Result<AttemptResult, AttemptError> {
        let mut result = self.attempt.finish(id, now_ms)?;
        result.mode = self.request.mode;
        Ok(result)
    }

    pub fn book(&self) -> &str {
        self.attempt.book()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quiz_domain::fixtures::{order_question, question, typed_question};
    use quiz_domain::Score;

    /// Where the bank's option `index` (text `o{index}`) is on screen.
    fn place(session: &QuizSession, index: usize) -> usize {
        let text = format!("o{index}");
        session
            .question()
            .options
            .iter()
            .position(|option| option.text == text)
            .unwrap()
    }

    #[test]
    fn options_are_shown_shuffled_and_answers_kept_in_bank_order() {
        let bank = bank();
        let shown_orders: std::collections::HashSet<Vec<String>> = (0..20)
            .map(|seed| {
                let session =
                    QuizSession::start(&bank, &QuizRequest::new("b", 1, seed), 0).unwrap();
                session
                    .question()
                    .options
                    .iter()
                    .map(|o| o.text.clone())
                    .collect()
            })
            .collect();
        assert!(shown_orders.len() > 1, "seeds shuffle the options");
        let mut session = QuizSession::start(&bank, &QuizRequest::new("b", 1, 5), 0).unwrap();
        session.choose(place(&session, 2));
        let response = session.submit().unwrap();
        assert!(response.correct);
        assert_eq!(
            response.answer,
            Answer::new([2]),
            "stored in the bank's order"
        );
        let again = QuizSession::start(&bank, &QuizRequest::new("b", 1, 5), 0).unwrap();
        assert_eq!(
            again.question().options,
            session.question().options,
            "the same seed shows the same order"
        );
    }

    #[test]
    fn mistakes_are_asked_in_the_order_given_and_recorded_as_such() {
        let bank = bank();
        let request =
            QuizRequest::mistakes("b", vec!["b-2".into(), "gone".into(), "b-1".into()], 1);
        let mut session = QuizSession::start(&bank, &request, 0).unwrap();
        assert_eq!(
            (session.total(), session.question().id.as_str()),
            (2, "b-2")
        );
        for _ in 0..2 {
            session.choose(0);
            session.submit().unwrap();
            session.next();
        }
        assert_eq!(
            session.finish("x".into(), 1).unwrap().mode,
            quiz_domain::Mode::Mistakes
        );
        let all_gone = QuizRequest::mistakes("b", vec!["gone".into()], 1);
        assert_eq!(
            QuizSession::start(&bank, &all_gone, 0),
            Err("none of these questions is in T any more".into())
        );
    }

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
    fn a_quiz_started_from_the_questions_alone_takes_their_feedback_in_later() {
        let mut whole = bank();
        for (index, question) in whole.questions.iter_mut().enumerate() {
            question.explanation = Some(format!("explained {index}"));
            for (option, choice) in question.options.iter_mut().enumerate() {
                choice.why = format!("why {index}.{option}");
            }
        }
        let request = QuizRequest::new("b", 2, 5);
        let mut session = QuizSession::start(&whole.questions_only(), &request, 0).unwrap();
        let from_whole = QuizSession::start(&whole, &request, 0).unwrap();
        session.choose(place(&session, 2));
        session.submit().unwrap();
        assert_eq!(session.question().explanation, None);
        let (order, answered) = (session.option_order().to_vec(), session.unfinished());
        session.fill_in(&whole);
        assert_eq!(
            session.question(),
            from_whole.question(),
            "whys in the order shown"
        );
        assert_eq!(session.option_order(), order);
        assert_eq!(session.unfinished(), answered);
        assert_eq!(session.phase(), Phase::Feedback);
    }

    #[test]
    fn a_quiz_goes_answer_feedback_next_until_finished() {
        let mut session = QuizSession::start(&bank(), &QuizRequest::new("b", 10, 1), 100).unwrap();
        assert_eq!((session.number(), session.total()), (1, 2));
        assert_eq!(session.question().id, "b-1");
        session.choose(place(&session, 0));
        session.choose(place(&session, 2));
        assert_eq!(session.draft(), &Answer::new([place(&session, 2)]));
        assert_eq!(session.option_mark(place(&session, 2)), OptionMark::Chosen);
        assert_eq!(session.option_mark(place(&session, 0)), OptionMark::Open);
        assert!(session.submit().unwrap().correct);
        assert_eq!(session.phase(), Phase::Feedback);
        assert_eq!(
            session.option_mark(place(&session, 2)),
            OptionMark::PickedRight
        );
        assert_eq!(
            session.option_mark(place(&session, 1)),
            OptionMark::NotPicked
        );
        assert_eq!(session.number(), 1);
        session.choose(place(&session, 1));
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
        session.choose(place(&session, 0));
        session.choose(place(&session, 1));
        session.choose(place(&session, 2));
        session.choose(place(&session, 2));
        session.choose(place(&session, 0));
        assert!(!session.submit().unwrap().correct);
        assert_eq!(
            session.option_mark(place(&session, 0)),
            OptionMark::MissedRight
        );
        assert_eq!(
            session.option_mark(place(&session, 1)),
            OptionMark::PickedRight
        );
        assert_eq!(
            session.option_mark(place(&session, 2)),
            OptionMark::NotPicked
        );
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
        session.choose(place(&session, 2));
        session.submit().unwrap();
        let kept = session.unfinished();
        assert_eq!(kept.request, QuizRequest::new("b", 10, 1));
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
        session.choose(place(&session, 0));
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
        session.choose(place(&session, 0));
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

    fn bank_of_new_types() -> Bank {
        quiz_domain::fixtures::bank(
            "b",
            &["1"],
            vec![
                typed_question("b-typed", &["[1, 2]\nTrue"]),
                order_question("b-order", 4),
                question("b-1", QuestionKind::Single, &[2]),
            ],
        )
    }

    #[test]
    fn a_typed_output_is_graded_after_normalisation_and_kept_as_typed() {
        let mut session =
            QuizSession::start(&bank_of_new_types(), &QuizRequest::new("b", 3, 1), 0).unwrap();
        assert_eq!(session.question().id, "b-typed");
        session.choose(0);
        assert_eq!(session.draft(), &Answer::typed(""), "digits choose nothing");
        assert_eq!(
            session.submit().unwrap_err().to_string(),
            "type the output first"
        );
        session.type_output("[1, 2]   \r\nTrue\r\n");
        let response = session.submit().unwrap();
        assert!(response.correct);
        assert_eq!(response.answer, Answer::typed("[1, 2]   \r\nTrue\r\n"));
        session.type_output("changed after grading");
        assert_eq!(session.typed_output(), "[1, 2]   \r\nTrue\r\n");
        session.next();
        assert_eq!(
            session.typed_output(),
            "",
            "nothing typed on the next question"
        );
    }

    /// The position in the arrangement of the step with bank index `index`
    /// (text `s{index}`).
    fn position_of_step(session: &QuizSession, index: usize) -> usize {
        let text = format!("s{index}");
        session
            .arrangement()
            .iter()
            .position(|&shown| session.question().options[shown].text == text)
            .unwrap()
    }

    #[test]
    fn an_order_is_arranged_by_moves_and_graded_in_bank_order() {
        let mut session =
            QuizSession::start(&bank_of_new_types(), &QuizRequest::new("b", 3, 1), 0).unwrap();
        session.type_output("x");
        session.submit().unwrap();
        session.next();
        assert_eq!(session.question().id, "b-order");
        let shown: Vec<&str> = session
            .arrangement()
            .iter()
            .map(|&i| session.question().options[i].text.as_str())
            .collect();
        assert_ne!(shown, ["s0", "s1", "s2", "s3"], "shown shuffled");
        session.choose(1);
        assert_eq!(session.arrangement(), [0, 1, 2, 3], "digits move nothing");
        assert_eq!(session.move_step(0, true), 0, "the first cannot go up");
        assert_eq!(session.move_step(3, false), 3, "the last cannot go down");
        for step in 0..4 {
            while position_of_step(&session, step) > step {
                let position = position_of_step(&session, step);
                assert_eq!(session.move_step(position, true), position - 1);
            }
        }
        let response = session.submit().unwrap();
        assert!(response.correct);
        assert_eq!(response.answer, Answer::order([0, 1, 2, 3]), "bank order");
        assert_eq!(session.move_step(1, true), 1, "no moves after grading");
        let given: Vec<usize> = session
            .arrangement()
            .iter()
            .map(|&shown| session.option_order()[shown])
            .collect();
        assert_eq!(given, [0, 1, 2, 3], "the order given stays on screen");
        session.next();
        assert_eq!(
            session.draft(),
            &Answer::default(),
            "a choice question next"
        );
    }

    #[test]
    fn a_wrong_order_is_wrong_and_resumes_as_given() {
        let bank = bank_of_new_types();
        let mut session = QuizSession::start(&bank, &QuizRequest::new("b", 3, 1), 0).unwrap();
        session.type_output("[1, 2]\nFalse");
        assert!(!session.submit().unwrap().correct);
        session.next();
        let given: Vec<usize> = session
            .arrangement()
            .iter()
            .map(|&shown| session.option_order()[shown])
            .collect();
        let response = session.submit().unwrap();
        assert!(!response.correct, "the shuffle is never the answer");
        assert_eq!(response.answer, Answer::order(given));
        let saved = serde_json::to_string(&session.unfinished()).unwrap();
        assert!(saved.contains("\"answer\":{\"order\":["), "{saved}");
        let resumed = QuizSession::resume(&bank, serde_json::from_str(&saved).unwrap()).unwrap();
        assert_eq!(resumed.unfinished(), session.unfinished());
    }

    #[test]
    fn submitting_nothing_keeps_the_question_open() {
        let mut session = QuizSession::start(&bank(), &QuizRequest::new("b", 1, 1), 0).unwrap();
        assert!(session.submit().is_err());
        assert_eq!(session.phase(), Phase::Answering);
        assert!(session.finish("id".into(), 1).is_err());
    }
}
