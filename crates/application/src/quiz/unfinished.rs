use serde::{Deserialize, Serialize};

use quiz_domain::Attempt;

use crate::quiz::QuizRequest;

/// A quiz left before its end (a reload, a closed tab, a crash), kept so
/// that it can be resumed where it stopped. Its link draws the same
/// questions again, since the draw depends only on the seed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnfinishedQuiz {
    pub request: QuizRequest,
    pub attempt: Attempt,
}

/// What the home page says of an unfinished quiz, and where it leads:
/// saved with the quiz, so the home page's own Wasm offers it without the
/// quiz's readers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResumeOffer {
    /// The book's or pack's title.
    pub title: String,
    pub answered: usize,
    pub total: usize,
    /// The hash of the quiz's page.
    pub link: String,
}

impl UnfinishedQuiz {
    pub fn offer(&self, title: &str) -> ResumeOffer {
        ResumeOffer {
            title: title.to_owned(),
            answered: self.attempt.answered(),
            total: self.attempt.total(),
            link: self.request.link(),
        }
    }

    /// A quiz as saved by `to_stored_json`, if it can still be read.
    pub fn read(saved: &str) -> Option<UnfinishedQuiz> {
        serde_json::from_str::<UnfinishedQuiz>(saved)
            .ok()
            .filter(|quiz| quiz.attempt.is_consistent() && quiz.attempt.book() == quiz.request.book)
    }

    /// The quiz as saved: itself and the home page's offer of it, which
    /// reading the quiz back ignores.
    pub fn to_stored_json(&self, title: &str) -> String {
        #[derive(Serialize)]
        struct Saved<'a> {
            #[serde(flatten)]
            quiz: &'a UnfinishedQuiz,
            home: ResumeOffer,
        }
        let saved = Saved {
            quiz: self,
            home: self.offer(title),
        };
        serde_json::to_string(&saved).expect("a quiz always serialises")
    }
}

impl ResumeOffer {
    /// The offer saved with an unfinished quiz; `None` when it was saved
    /// without one (by an earlier release) or is damaged: the whole app
    /// then reads the quiz itself.
    pub fn read(saved: &str) -> Option<ResumeOffer> {
        #[derive(Deserialize)]
        struct Saved {
            home: ResumeOffer,
        }
        serde_json::from_str::<Saved>(saved)
            .ok()
            .map(|saved| saved.home)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offer_is_saved_with_the_quiz_and_read_apart_from_it() {
        use quiz_domain::fixtures::question;
        use quiz_domain::{Answer, QuestionKind};
        let first = question("q1", QuestionKind::Single, &[0]);
        let mut attempt = Attempt::start("fp", vec!["q1".into(), "q2".into()], 5).unwrap();
        attempt.answer(&first, Answer::new([0])).unwrap();
        let quiz = UnfinishedQuiz {
            request: QuizRequest::new("fp", 2, 9),
            attempt,
        };
        let saved = quiz.to_stored_json("Fluent Python");
        assert_eq!(
            ResumeOffer::read(&saved),
            Some(ResumeOffer {
                title: "Fluent Python".into(),
                answered: 1,
                total: 2,
                link: "#/book/fp/quiz?count=2&seed=9".into(),
            })
        );
        assert_eq!(
            serde_json::from_str::<UnfinishedQuiz>(&saved).unwrap(),
            quiz
        );
        let without_offer = serde_json::to_string(&quiz).unwrap();
        assert_eq!(ResumeOffer::read(&without_offer), None);
        assert_eq!(ResumeOffer::read("{broken"), None);
    }
}
