//! One launch of a package inside the LMS: it opens the run-time, keeps
//! the quiz in progress in the LMS's suspend data after every answer (the
//! LMS may run the next launch on another computer, so local storage will
//! not do), and on finishing reports the result, commits and terminates.
//! A call the LMS refuses is tried once more, then said to the person.

use quiz_domain::{AttemptResult, Bank};

use crate::lms::{finished_values, resumed, suspend_data, ScormRuntime};
use crate::quiz::UnfinishedQuiz;
use crate::score_text;

pub struct LmsSession<R: ScormRuntime> {
    runtime: R,
    started_at_ms: u64,
    /// Each refused call, with the LMS's error code and words, for the log.
    problems: Vec<String>,
    /// Whether `Terminate` was called: nothing is sent after it.
    ended: bool,
}

impl<R: ScormRuntime> LmsSession<R> {
    /// Opens the run-time; the message says why the LMS refused.
    pub fn open(runtime: R, now_ms: u64) -> Result<LmsSession<R>, String> {
        let mut session = LmsSession {
            runtime,
            started_at_ms: now_ms,
            problems: Vec::new(),
            ended: false,
        };
        if session.call("Initialize", |runtime| runtime.initialize()) {
            Ok(session)
        } else {
            Err(format!(
                "The course's learning system did not open this quiz ({}), so your score cannot be recorded there.",
                session.problems.join("; ")
            ))
        }
    }

    /// What the LMS refused so far, one line a refusal.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// The quiz the person left unfinished at an earlier launch, if the LMS
    /// kept it and it still fits `bank`.
    pub fn saved_quiz(&self, bank: &Bank) -> Option<UnfinishedQuiz> {
        resumed(
            &self
                .runtime
                .get_value(self.runtime.version().suspend_data()),
            bank,
        )
    }

    /// Saves the quiz after an answer, so a reload in the LMS resumes it;
    /// the message, when the LMS refused, says what is not kept.
    pub fn keep(&mut self, quiz: &UnfinishedQuiz) -> Result<(), String> {
        let version = self.runtime.version();
        let saved = suspend_data(quiz);
        if saved.chars().count() > version.suspend_limit() {
            return Err(format!(
                "This quiz is too long for the course's learning system to keep half-way ({} characters, {} at most): finish it in this visit.",
                saved.chars().count(),
                version.suspend_limit()
            ));
        }
        let (status, incomplete) = version.incomplete();
        let kept = self.set_all(&[
            (status.into(), incomplete.into()),
            (version.suspend_data().into(), saved),
            (version.exit().into(), "suspend".into()),
        ]) && self.call("Commit", |runtime| runtime.commit());
        if kept {
            Ok(())
        } else {
            Err("The course's learning system did not keep your answers so far: if this page is reloaded, the quiz starts again.".into())
        }
    }

    /// Reports the finished quiz, commits and terminates; the message,
    /// when the LMS refused, gives the score so that nothing is lost.
    pub fn finish(
        &mut self,
        result: &AttemptResult,
        bank: &Bank,
        pass_percent: u32,
        now_ms: u64,
    ) -> Result<(), String> {
        let version = self.runtime.version();
        let session_ms = now_ms.saturating_sub(self.started_at_ms);
        let mut values = finished_values(version, result, bank, pass_percent, session_ms);
        values.push((version.suspend_data().into(), String::new()));
        let set = self.set_all(&values);
        let recorded = self.call("Commit", |runtime| runtime.commit()) && set;
        let ended = self.call("Terminate", |runtime| runtime.terminate());
        self.ended = true;
        if recorded && ended {
            Ok(())
        } else {
            Err(format!(
                "The course's learning system did not record your result ({}). Your score is {}: note it, or keep this page open, and tell your course's staff.",
                self.problems.join("; "),
                score_text(result.score)
            ))
        }
    }

    /// Ends the launch without a result (the page is closing): the LMS
    /// keeps the suspend data for the next one.
    pub fn leave(&mut self) {
        if !std::mem::replace(&mut self.ended, true) {
            self.call("Terminate", |runtime| runtime.terminate());
        }
    }

    /// Sets every value, even after one is refused: an answer the LMS will
    /// not take must not keep the score from it. Whether all were taken.
    fn set_all(&mut self, values: &[(String, String)]) -> bool {
        values.iter().fold(true, |taken, (element, value)| {
            let set = self.call(&format!("SetValue({element})"), |runtime| {
                runtime.set_value(element, value)
            });
            set && taken
        })
    }

    /// Makes a call, once more if the LMS refuses it, and notes a second
    /// refusal with the LMS's error.
    fn call(&mut self, name: &str, call: impl Fn(&R) -> bool) -> bool {
        if self.ended {
            return false;
        }
        if call(&self.runtime) || call(&self.runtime) {
            return true;
        }
        let (code, words) = self.runtime.last_error();
        self.problems.push(format!("{name}: error {code}, {words}"));
        false
    }
}

#[cfg(test)]
mod tests {
    use quiz_domain::fixtures::{bank, question};
    use quiz_domain::QuestionKind;

    use super::*;
    use crate::lms::{ScormVersion, SCORM12_SUSPEND_LIMIT};
    use crate::quiz::{QuizRequest, QuizSession};
    use crate::testing::{sample_result, MemoryLms};

    fn fp_bank() -> Bank {
        bank(
            "fp",
            &["1"],
            vec![question("fp-question", QuestionKind::Single, &[0])],
        )
    }

    /// A quiz of every question of `bank`, the first answered (a typed
    /// output, a long one).
    fn unfinished(bank: &Bank) -> UnfinishedQuiz {
        let mut session =
            QuizSession::start(bank, &QuizRequest::new("fp", bank.questions.len(), 9), 5).unwrap();
        match session.question().kind {
            QuestionKind::Typed => session.type_output(&"printed ".repeat(600)),
            _ => session.choose(0),
        }
        session.submit().unwrap();
        session.unfinished()
    }

    fn bank_of(questions: usize, kind: QuestionKind) -> Bank {
        let questions = (0..questions)
            .map(|i| {
                let mut question = question(&format!("fp-q{i}"), kind, &[0]);
                if kind == QuestionKind::Typed {
                    question.options.clear();
                    question.accept = vec!["out".into()];
                }
                question
            })
            .collect();
        bank("fp", &["1"], questions)
    }

    #[test]
    fn a_finished_quiz_is_recorded_committed_and_terminated() {
        let lms = MemoryLms::new(ScormVersion::Scorm12);
        let mut session = LmsSession::open(&lms, 1_000).unwrap();
        let result = AttemptResult {
            book: "fp".into(),
            ..sample_result("r")
        };
        assert_eq!(session.finish(&result, &fp_bank(), 50, 31_000), Ok(()));
        assert_eq!(lms.value("cmi.core.score.raw").as_deref(), Some("50"));
        assert_eq!(
            lms.value("cmi.core.lesson_status").as_deref(),
            Some("passed")
        );
        assert_eq!(
            lms.value("cmi.core.session_time").as_deref(),
            Some("0000:00:30.00")
        );
        assert_eq!(lms.value("cmi.suspend_data").as_deref(), Some(""));
        let calls = lms.calls.borrow();
        assert_eq!(calls.first().map(String::as_str), Some("Initialize"));
        assert_eq!(&calls[calls.len() - 2..], ["Commit", "Terminate"]);
        drop(calls);
        session.leave();
        assert_eq!(
            lms.calls.borrow().last().map(String::as_str),
            Some("Terminate")
        );
        assert_eq!(
            lms.calls
                .borrow()
                .iter()
                .filter(|c| *c == "Terminate")
                .count(),
            1,
            "nothing is sent after Terminate"
        );
    }

    #[test]
    fn a_refused_commit_is_tried_once_more() {
        let lms = MemoryLms::new(ScormVersion::Scorm2004);
        let mut session = LmsSession::open(&lms, 0).unwrap();
        lms.refuse("Commit", 1);
        assert_eq!(
            session.finish(&sample_result("r"), &fp_bank(), 50, 10),
            Ok(())
        );
        assert!(session.problems().is_empty());
    }

    #[test]
    fn a_commit_refused_twice_is_told_with_the_score_and_the_lms_error() {
        let lms = MemoryLms::new(ScormVersion::Scorm2004);
        let mut session = LmsSession::open(&lms, 0).unwrap();
        lms.refuse("Commit", 2);
        let told = session
            .finish(&sample_result("r"), &fp_bank(), 50, 10)
            .unwrap_err();
        assert!(
            told.contains("Commit: error 391, General Commit Failure"),
            "{told}"
        );
        assert!(told.contains("Your score is 1 of 2 (50%)"), "{told}");
        assert_eq!(
            session.problems(),
            ["Commit: error 391, General Commit Failure"]
        );
    }

    #[test]
    fn a_value_the_lms_refuses_does_not_stop_the_others_or_the_commit() {
        let lms = MemoryLms::new(ScormVersion::Scorm12);
        let mut session = LmsSession::open(&lms, 0).unwrap();
        lms.refuse("SetValue", 2);
        let told = session
            .finish(&sample_result("r"), &fp_bank(), 50, 10)
            .unwrap_err();
        assert!(told.contains("SetValue(cmi.core.score.raw)"), "{told}");
        assert_eq!(
            lms.value("cmi.core.lesson_status").as_deref(),
            Some("passed")
        );
        assert!(lms.calls.borrow().iter().any(|call| call == "Commit"));
    }

    #[test]
    fn a_refused_initialize_says_the_score_is_not_recorded() {
        let lms = MemoryLms::new(ScormVersion::Scorm12);
        lms.refuse("Initialize", 2);
        let told = LmsSession::open(&lms, 0).err().unwrap();
        assert!(told.contains("cannot be recorded"), "{told}");
    }

    #[test]
    fn the_quiz_in_progress_is_kept_in_suspend_data_and_read_back_at_the_next_launch() {
        let lms = MemoryLms::new(ScormVersion::Scorm12);
        let bank = bank_of(10, QuestionKind::Single);
        let mut session = LmsSession::open(&lms, 0).unwrap();
        assert_eq!(session.saved_quiz(&bank), None);
        let quiz = unfinished(&bank);
        assert_eq!(session.keep(&quiz), Ok(()));
        assert_eq!(lms.value("cmi.core.exit").as_deref(), Some("suspend"));
        assert_eq!(
            lms.value("cmi.core.lesson_status").as_deref(),
            Some("incomplete")
        );
        let next = LmsSession::open(&lms, 5).unwrap();
        assert_eq!(next.saved_quiz(&bank), Some(quiz));
        let damaged =
            MemoryLms::new(ScormVersion::Scorm12).with_value("cmi.suspend_data", "{broken");
        assert_eq!(
            LmsSession::open(&damaged, 0).unwrap().saved_quiz(&bank),
            None
        );
    }

    #[test]
    fn a_quiz_too_long_for_scorm_12_s_suspend_data_is_not_sent() {
        let lms = MemoryLms::new(ScormVersion::Scorm12);
        let mut session = LmsSession::open(&lms, 0).unwrap();
        let long = unfinished(&bank_of(2, QuestionKind::Typed));
        assert!(suspend_data(&long).len() > SCORM12_SUSPEND_LIMIT);
        let told = session.keep(&long).unwrap_err();
        assert!(told.contains("4096 at most"), "{told}");
        assert_eq!(lms.value("cmi.suspend_data"), None);
        let scorm_2004 = MemoryLms::new(ScormVersion::Scorm2004);
        assert_eq!(
            LmsSession::open(&scorm_2004, 0).unwrap().keep(&long),
            Ok(())
        );
    }
}
