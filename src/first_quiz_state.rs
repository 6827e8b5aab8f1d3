//! The state of the quiz's own Wasm: the quiz a link opened cold, kept by
//! `FirstQuiz` after each answer, and the swap to the whole app when the
//! person asks for the results or goes elsewhere.

use leptos::prelude::*;
use quiz_application::content::{read_bank, QUESTIONS_ONLY};
use quiz_application::quiz::{FirstQuiz, QuizRequest, QuizSession, UnfinishedQuiz};
use quiz_application::Clock;
use quiz_domain::AttemptResult;

use crate::adapters::app_handover;
use crate::adapters::browser_store::BrowserStore;
use crate::adapters::clock::BrowserClock;
use crate::adapters::fetch::fetch_text;
use crate::quiz_host::QuizHost;

#[derive(Clone, Copy)]
pub struct FirstQuizState {
    quiz: StoredValue<FirstQuiz<BrowserStore>, LocalStorage>,
    /// The book's title, once its bank is in.
    title: RwSignal<Option<String>>,
    /// A message about stored data the person should read.
    pub notice: RwSignal<Option<String>>,
}

impl FirstQuizState {
    pub fn start() -> FirstQuizState {
        let mut quiz = FirstQuiz::open(BrowserStore::open());
        FirstQuizState {
            notice: RwSignal::new(quiz.take_notice()),
            quiz: StoredValue::new_local(quiz),
            title: RwSignal::new(None),
        }
    }

    /// Gives the page to the whole app, with the quiz as kept.
    pub fn hand_over(&self, at_its_end: bool) {
        self.quiz
            .with_value(|quiz| app_handover::open_full_app(&quiz.held(at_its_end)));
    }
}

impl QuizHost for FirstQuizState {
    async fn start_quiz(&self, request: &QuizRequest) -> Result<QuizSession, String> {
        let json = fetch_text(&format!("banks/{}{QUESTIONS_ONLY}", request.book)).await?;
        let bank = read_bank(&json)?;
        let now_ms = self.now_ms();
        let started = self
            .quiz
            .try_update_value(|quiz| quiz.start(&bank, request, now_ms))
            .unwrap_or_else(|| Err("The app is closing.".into()));
        let title = self
            .quiz
            .try_with_value(|quiz| quiz.title().map(str::to_owned));
        self.title.try_set(title.flatten());
        started
    }

    fn fill_in_feedback(&self, session: RwSignal<Option<QuizSession>>) {
        let Some(book) = session.with_untracked(|s| Some(s.as_ref()?.book().to_owned())) else {
            return;
        };
        let notice = self.notice;
        leptos::task::spawn_local(async move {
            let whole = match fetch_text(&format!("banks/{book}.json")).await {
                Ok(json) => read_bank(&json),
                Err(error) => Err(error),
            };
            match whole {
                Ok(bank) => session.update(|s| s.iter_mut().for_each(|s| s.fill_in(&bank))),
                Err(error) => drop(notice.try_set(Some(format!(
                    "The explanations could not be loaded ({error}); the answers are still graded."
                )))),
            }
        });
    }

    fn keep_unfinished(&self, quiz: UnfinishedQuiz) {
        self.quiz.update_value(|kept| kept.keep(quiz));
    }

    fn discard_unfinished(&self) {
        self.quiz.update_value(FirstQuiz::discard);
    }

    fn title_of(&self, _book: &str) -> Option<String> {
        self.title.get()
    }

    fn finish(&self, _session: &QuizSession) -> Option<AttemptResult> {
        self.hand_over(true);
        None
    }

    fn now_ms(&self) -> u64 {
        BrowserClock.now_ms()
    }
}
