use leptos::ev;
use leptos::prelude::*;
use quiz_application::Route;

use crate::first_quiz_state::FirstQuizState;
use crate::ui::embed_page::{EmbeddedQuiz, EmbeddedRequest};
use crate::ui::notice::Notice;
use crate::ui::quiz_page::QuizPage;
use crate::ui::site_frame::{SiteFooter, SiteHeader};

/// A quiz link or a book's embed as a Wasm of its own (`route` is one of
/// them, `first_quiz_route`): any other route, and the results, are the
/// whole app's, which the loader starts in its place.
#[component]
pub fn FirstQuizApp(route: Route) -> impl IntoView {
    let host = FirstQuizState::start();
    let listener = window_event_listener(ev::hashchange, move |_| host.hand_over(false));
    on_cleanup(move || listener.remove());
    match route {
        Route::Embed(Ok(embed)) => {
            let request = RwSignal::new(EmbeddedRequest::Some(Ok(embed.quiz.clone())));
            view! {
                <main id="main" class="embed">
                    <Notice notice=host.notice/>
                    <EmbeddedQuiz host embed request started_here=true/>
                </main>
            }
            .into_any()
        }
        Route::Quiz(request) => view! {
            <SiteHeader/>
            <Notice notice=host.notice/>
            <main id="main">
                <QuizPage host request/>
            </main>
            <SiteFooter/>
        }
        .into_any(),
        _ => {
            host.hand_over(false);
            ().into_any()
        }
    }
}

/// The routes the quiz's own Wasm shows: a quiz of a book, asked on the
/// site or in an embed (a pack's is the whole app's, which reads packs).
pub fn is_first_quiz_route(route: &Route) -> bool {
    match route {
        Route::Quiz(_) => true,
        Route::Embed(Ok(embed)) => embed.pack.is_none(),
        _ => false,
    }
}
