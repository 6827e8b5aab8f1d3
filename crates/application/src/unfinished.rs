use serde::{Deserialize, Serialize};

use quiz_domain::Attempt;

use crate::quiz_request::QuizRequest;
use crate::route::Route;

/// A quiz left before its end (a reload, a closed tab, a crash), kept so
/// that it can be resumed where it stopped. Its link draws the same
/// questions again, since the draw depends only on the seed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnfinishedQuiz {
    pub request: QuizRequest,
    pub attempt: Attempt,
}

impl UnfinishedQuiz {
    pub fn route(&self) -> Route {
        Route::Quiz(self.request.clone())
    }
}
