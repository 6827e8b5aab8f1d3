use leptos::ev;
use leptos::prelude::*;
use quiz_application::embed::EmbedRequest;
use quiz_application::quiz::QuizRequest;
use quiz_application::Route;

use crate::first_quiz_state::FirstQuizState;
use crate::ui::embed_page::{EmbeddedQuiz, EmbeddedRequest};
use crate::ui::notice::Notice;
use crate::ui::quiz_page::QuizPage;
use crate::ui::site_frame::{SiteFooter, SiteHeader};

/// What the quiz's own Wasm shows: a quiz of a book, asked on the site or
/// in an embed. Any other route, a pack's quiz among them, and the
/// results, are the whole app's, which the loader starts in its place.
pub enum FirstQuizPage {
    Quiz(QuizRequest),
    Embed(EmbedRequest),
}

impl FirstQuizPage {
    pub fn of(route: Route) -> Option<FirstQuizPage> {
        match route {
            Route::Quiz(request) => Some(FirstQuizPage::Quiz(request)),
            Route::Embed(Ok(embed)) if embed.pack.is_none() => Some(FirstQuizPage::Embed(embed)),
            _ => None,
        }
    }
}

#[component]
pub fn FirstQuizApp(page: FirstQuizPage) -> impl IntoView {
    let host = FirstQuizState::start();
    let listener = window_event_listener(ev::hashchange, move |_| host.hand_over(false));
    on_cleanup(move || listener.remove());
    match page {
        FirstQuizPage::Embed(embed) => {
            let request = RwSignal::new(EmbeddedRequest::Some(Ok(embed.quiz.clone())));
            view! {
                <main id="main" class="embed">
                    <Notice notice=host.notice/>
                    <EmbeddedQuiz host embed request started_here=true/>
                </main>
            }
            .into_any()
        }
        FirstQuizPage::Quiz(request) => view! {
            <SiteHeader/>
            <Notice notice=host.notice/>
            <main id="main">
                <QuizPage host request/>
            </main>
            <SiteFooter/>
        }
        .into_any(),
    }
}
