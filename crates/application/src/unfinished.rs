use serde::{Deserialize, Serialize};

use quiz_domain::Attempt;

use crate::route::Route;

/// A quiz left before its end (a reload, a closed tab, a crash), kept so
/// that it can be resumed where it stopped. Its link draws the same
/// questions again, since the draw depends only on the seed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnfinishedQuiz {
    pub count: usize,
    pub seed: u64,
    pub attempt: Attempt,
}

impl UnfinishedQuiz {
    pub fn route(&self) -> Route {
        Route::Quiz {
            book: self.attempt.book().to_owned(),
            count: self.count,
            seed: self.seed,
        }
    }

    pub fn is_for(&self, book: &str, count: usize, seed: u64) -> bool {
        self.attempt.book() == book && self.count == count && self.seed == seed
    }
}
