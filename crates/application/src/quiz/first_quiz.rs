//! A quiz link (or an embed of a book's quiz) opened cold starts a Wasm of
//! its own, a third of the whole app, which asks the questions and keeps
//! the quiz after each answer as the whole app does. Recording the result
//! and everything after it is the whole app's: it takes over from what
//! `held` gives it, when the person asks for the results or goes elsewhere.

use quiz_domain::Bank;

use crate::ports::KeyValueStore;
use crate::quiz::{QuizRequest, QuizSession, UnfinishedQuiz, UnfinishedStore};
use crate::storage::UNFINISHED_KEY;
use crate::storage_notice::StorageNotice;

/// Held beside the quiz when it is handed over answered to the end: the
/// whole app then goes straight on to its results.
pub const QUIZ_AT_ITS_END: &str = "quiz-at-its-end";

pub struct FirstQuiz<S: KeyValueStore> {
    store: UnfinishedStore<S>,
    /// The quiz as last kept: the saved one until this one starts.
    kept: Option<UnfinishedQuiz>,
    /// The book's title, once its bank is in.
    title: Option<String>,
    /// What the person should know about storage, as the whole app says it.
    notice: Option<String>,
}

impl<S: KeyValueStore> FirstQuiz<S> {
    pub fn open(store: S) -> FirstQuiz<S> {
        let saved = store.read(UNFINISHED_KEY);
        let notice = saved
            .as_ref()
            .err()
            .map(|error| StorageNotice::Unavailable(error.clone()).message());
        let kept = saved
            .ok()
            .flatten()
            .and_then(|raw| UnfinishedQuiz::read(&raw));
        FirstQuiz {
            store: UnfinishedStore::new(store),
            kept,
            title: None,
            notice,
        }
    }

    /// The notice to show, once.
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    /// The quiz `request` asks for, resumed as the whole app resumes it.
    pub fn start(
        &mut self,
        bank: &Bank,
        request: &QuizRequest,
        now_ms: u64,
    ) -> Result<QuizSession, String> {
        let session = QuizSession::start_or_resume(bank, request, self.kept.clone(), now_ms)?;
        self.title = Some(bank.book.title.clone());
        Ok(session)
    }

    /// The book's title, once its bank is in.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Saves the quiz after an answer. A refused save is not told here:
    /// the quiz is handed over in memory, and the whole app tells it.
    pub fn keep(&mut self, quiz: UnfinishedQuiz) {
        let _ = self.store.keep(&quiz, self.title().unwrap_or_default());
        self.kept = Some(quiz);
    }

    pub fn discard(&mut self) {
        self.store.forget();
        self.kept = None;
    }

    /// What the whole app takes in (`Library::take_in_held`), by storage
    /// key; `at_its_end` when the person asked for the results.
    pub fn held(&self, at_its_end: bool) -> Vec<(&'static str, String)> {
        let Some(quiz) = &self.kept else {
            return Vec::new();
        };
        let mut held = vec![(
            UNFINISHED_KEY,
            quiz.to_stored_json(self.title().unwrap_or_default()),
        )];
        if at_its_end {
            held.push((QUIZ_AT_ITS_END, String::new()));
        }
        held
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Phase;
    use crate::testing::MemoryStore;
    use crate::Library;
    use quiz_domain::fixtures::{self, question};
    use quiz_domain::QuestionKind;

    fn bank() -> Bank {
        let questions = vec![
            question("q1", QuestionKind::Single, &[0]),
            question("q2", QuestionKind::Single, &[1]),
        ];
        fixtures::bank("fp", &["1"], questions)
    }

    /// Answers `count` questions (all with `None`) as the card does.
    fn answer(
        session: &mut QuizSession,
        first: &mut FirstQuiz<&MemoryStore>,
        count: Option<usize>,
    ) {
        let mut answered = 0;
        while session.phase() != Phase::Finished && Some(answered) != count {
            session.choose(0);
            session.submit().unwrap();
            first.keep(session.unfinished());
            session.next();
            answered += 1;
        }
    }

    /// A library that took over what `first` holds.
    fn taking_over<'a>(
        store: &'a MemoryStore,
        first: &FirstQuiz<&MemoryStore>,
        at_its_end: bool,
    ) -> Library<&'a MemoryStore> {
        let held = first.held(at_its_end);
        let mut library = Library::open(store, 2);
        library.take_in_held(|key| {
            let values = held.iter().filter(|(k, _)| *k == key);
            values.map(|(_, value)| value.clone()).collect()
        });
        library
    }

    #[test]
    fn a_quiz_is_resumed_from_storage_as_the_whole_app_would() {
        let store = MemoryStore::default();
        let request = QuizRequest::new("fp", 2, 7);
        let mut first = FirstQuiz::open(&store);
        let mut session = first.start(&bank(), &request, 1).unwrap();
        answer(&mut session, &mut first, Some(1));
        let mut again = FirstQuiz::open(&store);
        let resumed = again.start(&bank(), &request, 2).unwrap();
        assert_eq!(resumed.unfinished(), session.unfinished());
        let other = again
            .start(&bank(), &QuizRequest::new("fp", 2, 8), 3)
            .unwrap();
        assert_eq!(
            other.unfinished().attempt.answered(),
            0,
            "another link draws afresh"
        );
        again.discard();
        assert_eq!(UnfinishedStore::new(&store).read(), None);
    }

    #[test]
    fn the_whole_app_takes_over_a_quiz_left_halfway_where_it_stopped() {
        let store = MemoryStore::default();
        let request = QuizRequest::new("fp", 2, 7);
        let mut first = FirstQuiz::open(&store);
        let mut session = first.start(&bank(), &request, 1).unwrap();
        answer(&mut session, &mut first, Some(1));
        // Storage lost the quiz since (another tab, or none was allowed).
        UnfinishedStore::new(&store).forget();
        let mut library = taking_over(&store, &first, false);
        let resumed = library.start_quiz(&bank(), &request, 3).unwrap();
        assert_eq!(resumed.phase(), Phase::Answering);
        assert_eq!(resumed.unfinished(), session.unfinished());
        assert_eq!(library.resume_offer().unwrap().answered, 1);
    }

    #[test]
    fn a_quiz_handed_over_at_its_end_starts_finished_once() {
        let store = MemoryStore::default();
        let request = QuizRequest::new("fp", 2, 7);
        let mut first = FirstQuiz::open(&store);
        let mut session = first.start(&bank(), &request, 1).unwrap();
        answer(&mut session, &mut first, None);
        assert_eq!(first.held(true).len(), 2, "the quiz and the flag");
        let mut library = taking_over(&store, &first, true);
        let finished = library.start_quiz(&bank(), &request, 3).unwrap();
        assert_eq!(finished.phase(), Phase::Finished);
        let result = library.finish_quiz(&finished, 4).unwrap();
        assert_eq!(result.responses.len(), 2);
        assert_eq!(
            library.start_quiz(&bank(), &request, 5).unwrap().phase(),
            Phase::Feedback,
            "only the quiz handed over is finished at once"
        );
    }

    #[test]
    fn refused_storage_is_told_as_the_whole_app_tells_it() {
        let refused = MemoryStore::refusing();
        let mut first = FirstQuiz::open(&refused);
        let (_, whole_app) = crate::progress::ProgressBook::open(&refused, 1);
        assert_eq!(
            first.take_notice(),
            whole_app.map(|notice| notice.message())
        );
        assert_eq!(first.take_notice(), None, "once");
        assert_eq!(FirstQuiz::open(&MemoryStore::default()).take_notice(), None);
    }

    #[test]
    fn nothing_is_held_before_the_first_answer_but_a_quiz_saved_earlier() {
        let store = MemoryStore::default();
        assert!(FirstQuiz::open(&store).held(true).is_empty());
    }
}
