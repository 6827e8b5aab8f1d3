use leptos::ev;
use leptos::prelude::*;
use quiz_application::Route;

use crate::adapters::location;
use crate::state::AppState;
use crate::ui::book_page::BookPage;
use crate::ui::embed_page::EmbedPage;
use crate::ui::home_page::HomePage;
use crate::ui::interview_page::InterviewPage;
use crate::ui::interview_report_page::InterviewReportPage;
use crate::ui::interviews_page::InterviewsPage;
use crate::ui::lms_page::LmsPage;
use crate::ui::notice::Notice;
use crate::ui::pack_load_page::PackLoadPage;
use crate::ui::packs_page::PacksPage;
use crate::ui::progress_page::ProgressPage;
use crate::ui::quiz_page::QuizPage;
use crate::ui::results_page::ResultsPage;
use crate::ui::site_frame::{SiteFooter, SiteHeader};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::start();
    provide_context(state);
    let framed = |route: &Route| matches!(route, Route::Embed(_) | Route::Lms(_));
    let embedded = framed(&state.route.get_untracked());
    // An embedded quiz, or one launched by an LMS, is drawn without the
    // site around it when the page starts, so a hash change into, out of
    // or between them loads the page again.
    let listener = window_event_listener(ev::hashchange, move |_| {
        let route = location::current_route();
        if embedded || framed(&route) {
            location::reload();
        } else {
            state.route.set(route);
        }
    });
    // Another tab of the app saved progress: show it here too.
    let other_tabs = window_event_listener(ev::storage, move |_| state.refresh_progress());
    on_cleanup(move || {
        listener.remove();
        other_tabs.remove();
    });
    let framed_page = match state.route.get_untracked() {
        Route::Embed(embed) => Some(view! { <EmbedPage embed/> }.into_any()),
        Route::Lms(launch) => Some(view! { <LmsPage launch/> }.into_any()),
        _ => None,
    };
    if let Some(page) = framed_page {
        return view! {
            <main id="main" class="embed">
                <Notice notice=state.notice/>
                {page}
            </main>
        }
        .into_any();
    }
    view! {
        <SiteHeader/>
        <Notice notice=state.notice/>
        <main id="main">
            {move || match state.route.get() {
                Route::Home => view! { <HomePage data=state.home_data()/> }.into_any(),
                Route::Book { book } => view! { <BookPage book/> }.into_any(),
                Route::Quiz(request) => view! { <QuizPage host=state request/> }.into_any(),
                Route::Results { attempt } => view! { <ResultsPage attempt/> }.into_any(),
                Route::Progress => view! { <ProgressPage/> }.into_any(),
                Route::Interviews => view! { <InterviewsPage/> }.into_any(),
                Route::Interview(request) => view! { <InterviewPage request/> }.into_any(),
                Route::InterviewReport { exam } => view! { <InterviewReportPage exam/> }.into_any(),
                Route::Packs => view! { <PacksPage/> }.into_any(),
                Route::LoadPack(url) => view! { <PackLoadPage url/> }.into_any(),
                Route::Invalid { reason, instead } => view! { <InvalidLink reason instead/> }.into_any(),
                // Not reached: a hash change to an embed or an LMS launch
                // reloads the page.
                Route::Embed(embed) => view! { <EmbedPage embed/> }.into_any(),
                Route::Lms(launch) => view! { <LmsPage launch/> }.into_any(),
            }}
        </main>
        <SiteFooter/>
    }
    .into_any()
}

#[component]
fn InvalidLink(reason: String, instead: Option<Box<Route>>) -> impl IntoView {
    let instead = instead.map(|route| {
        let hash = route.to_hash();
        let shown = hash.clone();
        view! { <p class="instead">"Perhaps you meant " <a href=hash>{shown}</a>"."</p> }
    });
    view! {
        <section class="page">
            <h1 tabindex="-1" data-autofocus="">"This link does not lead anywhere"</h1>
            <p role="alert">"The address could not be read: " {reason} "."</p>
            {instead}
            <p><a href="#/">"Go to the list of books"</a></p>
        </section>
    }
}
