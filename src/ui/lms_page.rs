//! A quiz launched by a learning management system from a SCORM package
//! (`#/lms?…`, written by `cargo xtask scorm`): no header or footer, as in
//! any LMS's player frame. The quiz in progress is kept in the LMS after
//! every answer and resumed from there; the result goes to the LMS's
//! gradebook. Opened without an LMS, it is a plain quiz that says its
//! score is recorded nowhere else.

use leptos::ev;
use leptos::prelude::*;
use quiz_application::lms::{LmsLaunch, LmsSession, Packaged};
use quiz_application::quiz::QuizRequest;
use quiz_application::score_text;
use quiz_domain::{AttemptResult, Mode, Response, Score};

use crate::adapters::clock::random_seed;
use crate::adapters::fetch::fetch_text;
use crate::adapters::scorm_api::{find_scorm_api, ScormApi};
use crate::quiz_host::{quiz_title, QuizHost};
use crate::state::{app_state, AppState, Load};
use crate::ui::quiz_page::QuizFlow;

type Lms = StoredValue<Option<LmsSession<ScormApi>>, LocalStorage>;
/// The quiz to ask: None while its bank or pack loads, why it cannot start
/// if it cannot.
type LaunchedRequest = Option<Result<QuizRequest, String>>;

#[component]
pub fn LmsPage(launch: Result<LmsLaunch, String>) -> impl IntoView {
    match launch {
        Ok(launch) => view! { <LaunchedQuiz launch/> }.into_any(),
        Err(problem) => view! {
            <section class="page">
                <h1 tabindex="-1">"This quiz cannot start"</h1>
                <p role="alert" class="error">"The package's launch link is damaged: " {problem} ". Ask your course's staff for a new package."</p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn LaunchedQuiz(launch: LmsLaunch) -> impl IntoView {
    let state = app_state();
    // What the person should know about the LMS: not there, or refusing.
    let lms_notice = RwSignal::new(None::<String>);
    let session = match find_scorm_api().map(|api| LmsSession::open(api, state.now_ms())) {
        Some(Ok(session)) => Some(session),
        Some(Err(problem)) => {
            lms_notice.set(Some(problem));
            None
        }
        None => {
            lms_notice.set(Some(
                "This quiz is not connected to a learning system, so your score is shown here but recorded nowhere else.".into(),
            ));
            None
        }
    };
    let lms: Lms = StoredValue::new_local(session);
    let request = RwSignal::new(LaunchedRequest::None);
    match launch.quiz_of.clone() {
        Packaged::Book(book) => choose_quiz(lms, launch.clone(), book, request),
        Packaged::Pack(file) => load_pack(lms, launch.clone(), file, request),
    }
    let leaving = window_event_listener(ev::pagehide, move |_| {
        lms.update_value(|lms| lms.iter_mut().for_each(LmsSession::leave));
    });
    on_cleanup(move || leaving.remove());

    let on_answer = Callback::new(move |_: Response| {
        let Some(quiz) = state.unfinished() else {
            return;
        };
        let kept = lms.try_update_value(|lms| lms.as_mut().map(|lms| lms.keep(&quiz)));
        if let Some(Some(Err(problem))) = kept {
            lms_notice.set(Some(problem));
        }
    });
    let finished = RwSignal::new(None::<Score>);
    let pass_percent = launch.pass_percent;
    let on_finish = Callback::new(move |result: AttemptResult| {
        finished.set(Some(result.score));
        leptos::task::spawn_local(report(state, lms, result, pass_percent, lms_notice));
    });
    let title = move || match request.with(|request| request.clone()?.ok()) {
        Some(quiz) => quiz_title(state, quiz.book, Mode::Practice)(),
        None => "Quiz".to_owned(),
    };
    view! {
        <section class="page quiz">
            <h1 class="quiz-title">{title}</h1>
            {move || lms_notice.get().map(|notice| view! { <p class="lms-notice" id="lms-notice" role="alert">{notice}</p> })}
            {move || match (finished.get(), request.get()) {
                (Some(score), _) => view! {
                    <h2>"Your score"</h2>
                    <p class="score" id="score" role="status">{score_text(score)}</p>
                    <p>{if score.percent() >= pass_percent { "Passed." } else { "Not passed." }} " The pass mark is " {pass_percent} "%."</p>
                }
                .into_any(),
                (None, Some(Ok(request))) => view! {
                    <QuizFlow host=state request show_explanations=true books_link=false autofocus=true on_answer on_finish/>
                }
                .into_any(),
                (None, Some(Err(problem))) => view! {
                    <h2>"The quiz could not start"</h2>
                    <p role="alert" class="error">{problem} "."</p>
                }
                .into_any(),
                (None, None) => view! { <p role="status">"Loading the questions…"</p> }.into_any(),
            }}
        </section>
    }
}

/// Sets the quiz to ask of `book` once its bank is in: the one left
/// unfinished at an earlier launch, as the LMS kept it (the LMS may run
/// this launch on another computer than the last, so this browser's
/// storage will not do), or a new draw.
fn choose_quiz(lms: Lms, launch: LmsLaunch, book: String, request: RwSignal<LaunchedRequest>) {
    let state = app_state();
    leptos::task::spawn_local(async move {
        let chosen = state.bank(&book).await.map(|bank| {
            let saved = lms
                .with_value(|lms| lms.as_ref().and_then(|lms| lms.saved_quiz(&bank)))
                .filter(|quiz| launch.launches(&book, &quiz.request));
            match saved {
                Some(quiz) => {
                    let request = quiz.request.clone();
                    state.keep_unfinished(quiz);
                    request
                }
                None => launch.quiz(&book, random_seed()),
            }
        });
        drop(request.try_set(Some(chosen)));
    });
}

/// Reads the pack the package carries as the app reads any pack, once the
/// catalog is in too (so it cannot pass for a book of the app), then
/// chooses the quiz of it, or says why the pack was refused.
fn load_pack(lms: Lms, launch: LmsLaunch, file: String, request: RwSignal<LaunchedRequest>) {
    let state = app_state();
    let fetched = RwSignal::new(None::<String>);
    leptos::task::spawn_local({
        let file = file.clone();
        async move {
            match fetch_text(&file).await {
                Ok(json) => drop(fetched.try_set(Some(json))),
                Err(problem) => drop(request.try_set(Some(Err(problem)))),
            }
        }
    });
    Effect::new(move |_| {
        if state
            .catalog
            .with(|catalog| matches!(catalog, Load::Loading))
        {
            return;
        }
        let read = fetched.with(|json| Some(state.add_embedded_pack(json.as_ref()?, &file)));
        match read {
            Some(Ok(pack)) => choose_quiz(lms, launch.clone(), pack, request),
            Some(Err(problems)) => request.set(Some(Err(format!(
                "the package's quiz pack was refused: {}",
                problems.join("; ")
            )))),
            None => {}
        }
    });
}

/// Sends the result to the LMS, once the bank it needs for the answers'
/// details is at hand (the quiz had it, so it is not fetched again).
async fn report(
    state: AppState,
    lms: Lms,
    result: AttemptResult,
    pass_percent: u32,
    notice: RwSignal<Option<String>>,
) {
    let bank = match state.bank(&result.book).await {
        Ok(bank) => bank,
        Err(problem) => {
            drop(notice.try_set(Some(problem)));
            return;
        }
    };
    let now_ms = state.now_ms();
    let reported = lms.try_update_value(|lms| {
        lms.as_mut().map(|lms| {
            (
                lms.finish(&result, &bank, pass_percent, now_ms),
                lms.problems().to_vec(),
            )
        })
    });
    let Some(Some((reported, problems))) = reported else {
        return;
    };
    for problem in &problems {
        web_sys::console::warn_1(&format!("SCORM: {problem}").into());
    }
    let said = match reported {
        Ok(()) => "Your result has been sent to your course.".to_owned(),
        Err(problem) => problem,
    };
    drop(notice.try_set(Some(said)));
}
