//! Where the quiz left unfinished is kept between visits: a key of its
//! own, apart from the record of progress, since it changes after every
//! answer and is read again only to resume.

use crate::ports::{KeyValueStore, StoreError};
use crate::quiz::UnfinishedQuiz;
use crate::storage::UNFINISHED_KEY;

pub struct UnfinishedStore<S: KeyValueStore> {
    store: S,
}

impl<S: KeyValueStore> UnfinishedStore<S> {
    pub fn new(store: S) -> UnfinishedStore<S> {
        UnfinishedStore { store }
    }

    /// The quiz left unfinished, if one was saved and can still be read.
    pub fn read(&self) -> Option<UnfinishedQuiz> {
        UnfinishedQuiz::read(&self.store.read(UNFINISHED_KEY).ok()??)
    }

    /// Saves the quiz in progress, with the home page's offer of it under
    /// its book's `title`.
    pub fn keep(&self, quiz: &UnfinishedQuiz, title: &str) -> Result<(), StoreError> {
        self.store
            .write(UNFINISHED_KEY, &quiz.to_stored_json(title))
    }

    /// Forgets the saved quiz once it is finished or given up.
    pub fn forget(&self) {
        let _ = self.store.remove(UNFINISHED_KEY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::QuizRequest;
    use crate::testing::MemoryStore;

    #[test]
    fn an_unfinished_quiz_is_kept_until_forgotten() {
        let store = MemoryStore::default();
        let unfinished = UnfinishedStore::new(&store);
        assert_eq!(unfinished.read(), None);
        let quiz = UnfinishedQuiz {
            request: QuizRequest::new("fp", 3, 9),
            attempt: quiz_domain::Attempt::start("fp", vec!["q".into()], 5).unwrap(),
        };
        assert_eq!(unfinished.keep(&quiz, "A book"), Ok(()));
        assert_eq!(UnfinishedStore::new(&store).read(), Some(quiz));
        unfinished.forget();
        assert_eq!(unfinished.read(), None);
        store.write(UNFINISHED_KEY, "{broken").unwrap();
        assert_eq!(
            unfinished.read(),
            None,
            "an unreadable saved quiz is not offered"
        );
    }
}
