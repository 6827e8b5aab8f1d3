use leptos::ev;
use leptos::prelude::*;
use quiz_application::{OptionMark, Phase, QuizRequest, QuizSession, Route};
use quiz_domain::{AttemptResult, Question, QuestionKind, Response};
use wasm_bindgen::JsCast;

use crate::state::{app_state, Load};
use crate::ui::focus::focus_soon;
use crate::ui::option_view::{mark_class, mark_label, option_text};
use crate::ui::question_text::QuestionText;

#[component]
pub fn QuizPage(request: QuizRequest) -> impl IntoView {
    let book = request.book.clone();
    let state = app_state();
    let on_finish = Callback::new(move |result: AttemptResult| {
        let attempt = result.id.clone();
        state.record(result);
        state.go_to(Route::Results { attempt });
    });
    view! {
        <section class="page quiz">
            <p class="crumbs"><a href=Route::Book { book: book.clone() }.to_hash()>"Leave the quiz"</a></p>
            <h1 class="quiz-title">{quiz_title(book)}</h1>
            <QuizFlow request show_explanations=true books_link=true autofocus=true on_answer=Callback::new(|_| {}) on_finish/>
        </section>
    }
}

/// "<book title> quiz", once the catalog has loaded.
pub fn quiz_title(book: String) -> impl Fn() -> String + Send + Sync + 'static {
    let state = app_state();
    move || match state.catalog.get() {
        Load::Ready(catalog) => catalog.entry(&book).map_or_else(
            || "Quiz".to_owned(),
            |entry| format!("{} quiz", entry.book.title),
        ),
        _ => "Quiz".to_owned(),
    }
}

/// The questions of a quiz, one at a time, from loading the bank to the
/// last answer; what happens around it (a results page, a message to an
/// embedding page) is the caller's. Without explanations each answer moves
/// straight on to the next question, with no verdict shown. `books_link`
/// offers the list of books when the quiz cannot start; `autofocus` moves
/// focus to the first question as soon as it shows.
#[component]
pub fn QuizFlow(
    request: QuizRequest,
    show_explanations: bool,
    books_link: bool,
    autofocus: bool,
    on_answer: Callback<Response>,
    on_finish: Callback<AttemptResult>,
) -> impl IntoView {
    let book = request.book.clone();
    let state = app_state();
    let session = RwSignal::new(None::<QuizSession>);
    let error = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        let started = state.bank(&book).await.and_then(|bank| {
            let unfinished = state
                .unfinished
                .get_untracked()
                .filter(|quiz| quiz.request == request);
            match unfinished.and_then(|quiz| QuizSession::resume(&bank, quiz)) {
                Some(resumed) => Ok(resumed),
                None => QuizSession::start(&bank, &request, state.now_ms()),
            }
        });
        match started {
            // Kept from the first answer on: before that, the link
            // alone draws the same quiz.
            Ok(started) => drop(session.try_set(Some(started))),
            Err(message) => drop(error.try_set(Some(message))),
        }
    });

    // Digits choose options from anywhere on the page; Enter is left to the
    // form and the buttons so one key press never acts twice.
    let keys = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.alt_key() || event.meta_key() {
            return;
        }
        if let Ok(digit) = event.key().parse::<usize>() {
            if digit >= 1 {
                session.update(|s| {
                    if let Some(s) = s {
                        s.choose(digit - 1);
                    }
                });
            }
        }
    });
    on_cleanup(move || keys.remove());

    let on_screen = Memo::new(move |_| {
        session.with(|s| {
            s.as_ref()
                .map(|s| (s.number(), s.total(), s.question().clone()))
        })
    });
    let phase = Memo::new(move |_| session.with(|s| s.as_ref().map(QuizSession::phase)));
    Effect::new(move |shown_before: Option<bool>| {
        let phase = phase.get();
        if phase == Some(Phase::Answering) {
            on_screen.track();
        }
        // Without autofocus (an embed) the first question leaves focus where
        // it is: taking it would scroll the host page to the frame.
        if autofocus || shown_before == Some(true) {
            match phase {
                Some(Phase::Answering) => focus_soon(".quiz .option input"),
                Some(_) => focus_soon("#next"),
                None => {}
            }
        }
        shown_before == Some(true) || phase.is_some()
    });

    let finish = move || {
        let result = session.with_untracked(|s| {
            s.as_ref().and_then(|s| {
                let id = state
                    .progress
                    .with_untracked(|p| p.new_attempt_id(s.book(), state.now_ms()));
                s.finish(id, state.now_ms()).ok()
            })
        });
        if let Some(result) = result {
            on_finish.run(result);
        }
    };
    let hooks = CardHooks {
        show_explanations,
        on_answer,
        on_finish: finish,
    };
    view! {
        {move || error.get().map(|message| view! {
            <h2>"The quiz could not start"</h2>
            <p role="alert" class="error">{message} "." {books_link.then(|| view! { " " <a href="#/">"Back to the books"</a> })}</p>
        })}
        {move || match (session.with(Option::is_none), error.with(Option::is_none)) {
            (true, true) => Some(view! { <p role="status">"Loading the questions…"</p> }),
            _ => None,
        }}
        {move || on_screen.get().map(|(number, total, question)| {
            untrack(|| view! { <QuestionCard session number total question hooks/> })
        })}
    }
}

/// What the card does beyond grading: show explanations or not, and whom
/// to tell about answers and the end.
#[derive(Clone, Copy)]
struct CardHooks<F> {
    show_explanations: bool,
    on_answer: Callback<Response>,
    on_finish: F,
}

/// The card of one question. It is drawn once; only plain values (classes,
/// flags, short texts) follow the session afterwards, which keeps focus in
/// place and the Wasm small.
#[component]
fn QuestionCard(
    session: RwSignal<Option<QuizSession>>,
    number: usize,
    total: usize,
    question: Question,
    hooks: CardHooks<impl Fn() + Copy + Send + Sync + 'static>,
) -> impl IntoView {
    let CardHooks {
        show_explanations,
        on_answer,
        on_finish,
    } = hooks;
    let answering =
        move || session.with(|s| s.as_ref().is_some_and(|s| s.phase() == Phase::Answering));
    let mark = move |index: usize| {
        session.with(|s| {
            s.as_ref()
                .map_or(OptionMark::Open, |s| s.option_mark(index))
        })
    };
    let correct = move || {
        session.with(|s| {
            s.as_ref()
                .filter(|s| s.phase() != Phase::Answering)
                .and_then(|s| s.last_response().map(|r| r.correct))
        })
    };
    let problem = RwSignal::new(String::new());
    let state = app_state();
    let answer = move || {
        let mut answered = None;
        session.update(|s| {
            if let Some(s) = s {
                match s.submit() {
                    Ok(response) => {
                        let response = response.clone();
                        problem.set(String::new());
                        if !show_explanations {
                            s.next();
                        }
                        answered = Some((response, s.unfinished(), s.phase()));
                    }
                    Err(e) => problem.set(format!("Please {e}.")),
                }
            }
        });
        if let Some((response, quiz, phase)) = answered {
            state.keep_unfinished(quiz);
            on_answer.run(response);
            if phase == Phase::Finished {
                on_finish();
            }
        }
    };
    // Answered on the button's click, not the form's submit: a frame
    // sandboxed without allow-forms never fires submit. Enter on an option
    // is handled below; implicit submission clicks the button anyway.
    let check = move |event: ev::MouseEvent| {
        event.prevent_default();
        answer();
    };
    // Enter on an option answers, the same in every browser (implicit
    // submission from radio buttons and checkboxes varies).
    let enter_submits = move |event: ev::KeyboardEvent| {
        let on_option = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some();
        if event.key() == "Enter" && on_option {
            event.prevent_default();
            answer();
        }
    };
    let is_last = number == total;
    let next = move |_| {
        session.update(|s| {
            if let Some(s) = s {
                s.next();
            }
        });
        if is_last {
            on_finish();
        }
    };
    let input_type = if question.kind.allows_several_choices() {
        "checkbox"
    } else {
        "radio"
    };
    let literal = question.kind == QuestionKind::Output;
    let instruction = match question.kind {
        QuestionKind::Multiple => "Select all that apply.",
        QuestionKind::TrueFalse => "True or false?",
        _ => "Choose one answer.",
    };
    let options = question
        .options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            let text = option_text(option, literal);
            view! {
                <li class=move || mark_class(mark(index))>
                    <label>
                        <input type=input_type name="answer" value=index.to_string()
                            prop:checked=move || mark(index).is_picked()
                            disabled=move || !answering()
                            on:change=move |_| session.update(|s| if let Some(s) = s { s.choose(index) })/>
                        <span class="key" aria-hidden="true">{(index + 1).to_string()}</span>
                        {text}
                    </label>
                    {show_explanations.then(|| view! {
                        <div class="why">
                            <strong>{move || mark_label(mark(index))}</strong>
                            <div inner_html=option.why.clone()></div>
                        </div>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="progress-line">
            <span id="progress-label">{format!("Question {number} of {total}")}</span>
            <progress max=total.to_string() value=number.to_string() aria-labelledby="progress-label"></progress>
        </div>
        <form class="question" class:answered=move || !answering() data-question=question.id.clone()
            on:submit=|event| event.prevent_default() on:keydown=enter_submits>
            <fieldset>
                <legend class="visually-hidden">{format!("Question {number}: {instruction}")}</legend>
                <QuestionText question=question.clone()/>
                <p class="instruction" aria-hidden="true">{instruction}</p>
                <ul class="options" class:literal=literal>{options}</ul>
            </fieldset>
            <p class="problem" role="alert">{move || problem.get()}</p>
            <button type="submit" class="primary" id="check" hidden=move || !answering() on:click=check>
                {if show_explanations { "Check answer" } else { "Answer" }}
            </button>
        </form>
        {show_explanations.then(|| view! {
            <div class="feedback" class:answered=move || !answering() role="status" aria-live="polite">
                <p class=move || verdict_class(correct())>{move || verdict_text(correct())}</p>
                {question.explanation.clone().map(|html| view! { <div class="explanation" inner_html=html></div> })}
                {question.reread.clone().map(|topic| view! { <p class="reread">"Reread: " {topic}</p> })}
            </div>
        })}
        <button type="button" class="primary" id="next" hidden=answering on:click=next>
            {if is_last { "See your results" } else { "Next question" }}
        </button>
    }
}

fn verdict_class(correct: Option<bool>) -> &'static str {
    match correct {
        Some(true) => "verdict right",
        Some(false) => "verdict wrong",
        None => "verdict",
    }
}

fn verdict_text(correct: Option<bool>) -> &'static str {
    match correct {
        Some(true) => "Correct.",
        Some(false) => "Not quite.",
        None => "",
    }
}
