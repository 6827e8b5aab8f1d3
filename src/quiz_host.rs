//! What the quiz pages ask of the Wasm they run in. The whole app records
//! a quiz answered to its end; the quiz's own Wasm, which has no record of
//! progress, hands the quiz to the whole app to do that.

use std::future::Future;

use leptos::prelude::RwSignal;
use quiz_application::quiz::{QuizRequest, QuizSession, UnfinishedQuiz};
use quiz_domain::{AttemptResult, Mode};

pub trait QuizHost: Copy + Send + Sync + 'static {
    /// The quiz a link asks for, resumed when it is the one left unfinished.
    fn start_quiz(
        &self,
        request: &QuizRequest,
    ) -> impl Future<Output = Result<QuizSession, String>>;

    /// Fills in, once it arrives, what the quiz started without: the quiz's
    /// own Wasm starts from the bank's questions alone and fetches their
    /// explanations while the first question shows. The whole app's banks
    /// are whole.
    fn fill_in_feedback(&self, _session: RwSignal<Option<QuizSession>>) {}

    /// Saves the quiz in progress, so a reload or a crash loses no answer.
    fn keep_unfinished(&self, quiz: UnfinishedQuiz);

    fn discard_unfinished(&self);

    /// A book's or a pack's title; `None` while it loads. Reactive.
    fn title_of(&self, book: &str) -> Option<String>;

    /// Records the quiz answered to its end; its result, or `None` when
    /// the whole app takes over to record it and show what follows.
    fn finish(&self, session: &QuizSession) -> Option<AttemptResult>;

    fn now_ms(&self) -> u64;
}

/// "<book title> quiz" (or its mistakes or review), once the title is in.
pub fn quiz_title(
    host: impl QuizHost,
    book: String,
    mode: Mode,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || match host.title_of(&book) {
        Some(title) => match mode {
            Mode::Practice | Mode::Interview => format!("{title} quiz"),
            Mode::Mistakes => format!("{title}: your mistakes again"),
            Mode::Review => format!("{title}: review"),
        },
        None => "Quiz".to_owned(),
    }
}
