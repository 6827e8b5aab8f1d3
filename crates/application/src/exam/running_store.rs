//! Where the exam being taken is kept between visits: a key of its own,
//! written after every answer with the time it started, so a reload keeps
//! both the answers and the clock.

use crate::exam::SavedExam;
use crate::ports::{KeyValueStore, StoreError};
use crate::storage::EXAM_KEY;

pub struct RunningExamStore<S: KeyValueStore> {
    store: S,
}

impl<S: KeyValueStore> RunningExamStore<S> {
    pub fn new(store: S) -> RunningExamStore<S> {
        RunningExamStore { store }
    }

    /// The exam in progress, if one was saved and can still be read.
    pub fn read(&self) -> Option<SavedExam> {
        let raw = self.store.read(EXAM_KEY).ok()??;
        serde_json::from_str(&raw).ok()
    }

    pub fn keep(&self, exam: &SavedExam) -> Result<(), StoreError> {
        let json = serde_json::to_string(exam).expect("an exam always serialises");
        self.store.write(EXAM_KEY, &json)
    }

    /// Forgets the exam once it is finished.
    pub fn forget(&self) {
        let _ = self.store.remove(EXAM_KEY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exam::ExamRequest;
    use crate::testing::MemoryStore;

    #[test]
    fn a_running_exam_is_kept_until_forgotten() {
        let store = MemoryStore::default();
        let running = RunningExamStore::new(&store);
        assert_eq!(running.read(), None);
        let exam = SavedExam {
            request: ExamRequest::from_query("books=fp").unwrap(),
            started_at_ms: 4,
            questions: vec![("fp".into(), "q".into())],
            responses: Vec::new(),
        };
        assert_eq!(running.keep(&exam), Ok(()));
        assert_eq!(RunningExamStore::new(&store).read(), Some(exam));
        running.forget();
        assert_eq!(running.read(), None);
        store.write(EXAM_KEY, "{broken").unwrap();
        assert_eq!(running.read(), None, "an unreadable exam is not resumed");
    }
}
