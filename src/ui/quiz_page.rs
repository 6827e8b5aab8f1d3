use leptos::ev;
use leptos::prelude::*;
use quiz_application::quiz::{Phase, QuizRequest, QuizSession};
use quiz_application::Route;
use quiz_domain::{AnswerOption, AttemptResult, Question, QuestionKind, Response};

use crate::adapters::location;
use crate::quiz_host::{quiz_title, QuizHost};
use crate::ui::confirm_button::{press_confirm_button, ConfirmButton};
use crate::ui::focus::focus_soon;
use crate::ui::order_steps::{CorrectOrder, OrderSteps};
use crate::ui::question_card::{
    answer_on_enter, choice_list, instruction, progress_line, question_fields,
};
use crate::ui::reading_links::ReadingLinks;
use crate::ui::typed_answer::{ExpectedOutput, TypedAnswer};

#[component]
pub fn QuizPage<H: QuizHost>(host: H, request: QuizRequest) -> impl IntoView {
    let book = request.book.clone();
    let mode = request.mode;
    let on_finish = Callback::new(move |result: AttemptResult| {
        location::go_to(&Route::Results { attempt: result.id });
    });
    let leave = Callback::new({
        let book = book.clone();
        move |()| location::go_to(&Route::Book { book: book.clone() })
    });
    // Escape asks whether to leave, as the "Leave the quiz" button does.
    let escape = window_event_listener(ev::keydown, move |event| {
        if event.key() != "Escape" {
            return;
        }
        press_confirm_button("leave");
    });
    on_cleanup(move || escape.remove());
    let title = quiz_title(host, book, mode);
    view! {
        <section class="page quiz">
            <div class="crumbs">
                <ConfirmButton id="leave".into() label="Leave the quiz".into()
                    question="Leave this quiz? Your answers so far are kept, and the home page offers to resume it.".into()
                    confirm="Leave".into() on_confirm=leave/>
            </div>
            <h1 class="quiz-title">{title}</h1>
            <QuizFlow host request show_explanations=true books_link=true autofocus=true on_answer=Callback::new(|_| {}) on_finish/>
        </section>
    }
}

/// The questions of a quiz, one at a time, from loading the bank to the
/// last answer, recorded by `host`; what happens around it (a results
/// page, a message to an embedding page) is the caller's, unless the whole
/// app takes over to do it. Without explanations each answer moves
/// straight on to the next question, with no verdict shown. `books_link`
/// offers the list of books when the quiz cannot start; `autofocus` moves
/// focus to the first question as soon as it shows.
#[component]
pub fn QuizFlow<H: QuizHost>(
    host: H,
    request: QuizRequest,
    show_explanations: bool,
    books_link: bool,
    autofocus: bool,
    on_answer: Callback<Response>,
    on_finish: Callback<AttemptResult>,
) -> impl IntoView {
    let session = RwSignal::new(None::<QuizSession>);
    let error = RwSignal::new(None::<String>);
    let finish = move |finished: &QuizSession| {
        if let Some(result) = host.finish(finished) {
            on_finish.run(result);
        }
    };
    leptos::task::spawn_local(async move {
        let started = host.start_quiz(&request).await;
        match started {
            // Handed over at its end by the quiz's own Wasm.
            Ok(started) if started.phase() == Phase::Finished => finish(&started),
            // Kept from the first answer on: before that, the link
            // alone draws the same quiz.
            Ok(started) => {
                if session.try_set(Some(started)).is_none() {
                    host.fill_in_feedback(session);
                }
            }
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

    // The question on screen by its place and id, not its contents, so
    // that feedback filled in later redraws only the parts showing it.
    let on_screen = Memo::new(move |_| {
        session.with(|s| {
            s.as_ref().map(|s| {
                (
                    s.number(),
                    s.total(),
                    s.question().id.clone(),
                    s.option_order().to_vec(),
                )
            })
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
                Some(Phase::Answering) => {
                    focus_soon(".quiz .option input, .quiz #typed-answer, .quiz .steps button")
                }
                Some(_) => focus_soon("#next"),
                None => {}
            }
        }
        shown_before == Some(true) || phase.is_some()
    });

    let hooks = CardHooks {
        host,
        show_explanations,
        on_answer,
        on_finish: move || session.with_untracked(|s| s.iter().for_each(finish)),
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
        {move || on_screen.get().and_then(|(number, total, _, order)| {
            let question = session.with_untracked(|s| Some(s.as_ref()?.question().clone()))?;
            Some(untrack(|| view! { <QuestionCard session number total question order hooks/> }))
        })}
    }
}

/// What the card does beyond grading: show explanations or not, and whom
/// to tell about answers and the end.
#[derive(Clone, Copy)]
struct CardHooks<H, F> {
    host: H,
    show_explanations: bool,
    on_answer: Callback<Response>,
    on_finish: F,
}

/// The card of one question. It is drawn once; only plain values (classes,
/// flags, short texts) follow the session afterwards, which keeps focus in
/// place and the Wasm small.
#[component]
fn QuestionCard<H: QuizHost>(
    session: RwSignal<Option<QuizSession>>,
    number: usize,
    total: usize,
    question: Question,
    /// The bank index of each option shown, kept in the page so that tests
    /// and assistive tools can tell options apart whatever their order.
    order: Vec<usize>,
    hooks: CardHooks<H, impl Fn() + Copy + Send + Sync + 'static>,
) -> impl IntoView {
    let CardHooks {
        host,
        show_explanations,
        on_answer,
        on_finish,
    } = hooks;
    let answering =
        move || session.with(|s| s.as_ref().is_some_and(|s| s.phase() == Phase::Answering));
    let correct = move || {
        session.with(|s| {
            s.as_ref()
                .filter(|s| s.phase() != Phase::Answering)
                .and_then(|s| s.last_response().map(|r| r.correct))
        })
    };
    let problem = RwSignal::new(String::new());
    // From the session rather than `question`: the quiz's own Wasm fills
    // the feedback in once the first question shows.
    let filled = {
        let id = question.id.clone();
        Memo::new(move |_| {
            session.with(|s| {
                Some(s.as_ref()?.question())
                    .filter(|shown| shown.id == id)
                    .cloned()
            })
        })
    };
    // The card is drawn when its question comes up, so this is when the
    // question was first shown.
    let shown_at_ms = host.now_ms();
    let answer = move || {
        let mut answered = None;
        session.update(|s| {
            if let Some(s) = s {
                match s.submit() {
                    Ok(response) => {
                        let response = response.clone();
                        problem.set(String::new());
                        s.time_last_answer(host.now_ms().saturating_sub(shown_at_ms));
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
            host.keep_unfinished(quiz);
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
    let enter_submits = answer_on_enter(question.kind, answer);
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
    let (answer_area, kind_feedback) = match question.kind {
        QuestionKind::Typed => (
            view! { <TypedAnswer session/> }.into_any(),
            question
                .accept
                .first()
                .cloned()
                .map(|expected| view! { <ExpectedOutput expected/> }.into_any()),
        ),
        QuestionKind::Order => {
            let shown_order = order.clone();
            let correct = move || {
                filled.with(|shown| {
                    let shown = shown.as_ref()?;
                    let mut in_bank_order: Vec<(usize, AnswerOption)> = shown_order
                        .iter()
                        .copied()
                        .zip(shown.options.iter().cloned())
                        .collect();
                    in_bank_order.sort_by_key(|(bank, _)| *bank);
                    let steps = in_bank_order.into_iter().map(|(_, step)| step).collect();
                    Some(view! { <CorrectOrder steps/> })
                })
            };
            (
                view! { <OrderSteps session steps=question.options.clone() order=order.clone()/> }
                    .into_any(),
                Some(view! { <p>"The correct order:"</p> {correct} }.into_any()),
            )
        }
        _ => (
            choice_list(
                session,
                &question,
                Some(order),
                answering,
                show_explanations,
            )
            .into_any(),
            None,
        ),
    };
    view! {
        {progress_line(number, total)}
        <form class="question" class:answered=move || !answering() data-question=question.id.clone()
            on:submit=|event| event.prevent_default() on:keydown=enter_submits>
            {question_fields(format!("Question {number}: {}", instruction(question.kind)), None, question.clone(), problem, answer_area)}
            <button type="submit" class="primary" id="check" hidden=move || !answering() on:click=check>
                {if show_explanations { "Check answer" } else { "Answer" }}
            </button>
        </form>
        {show_explanations.then(|| view! {
            <div class="feedback" class:answered=move || !answering() role="status" aria-live="polite">
                <p class=move || verdict_class(correct())>{move || verdict_text(correct())}</p>
                {kind_feedback}
                {move || filled.get().map(|shown| view! {
                    {shown.explanation.map(|html| view! { <div class="explanation" inner_html=html></div> })}
                    {shown.reread.map(|topic| view! { <p class="reread">"Reread: " {topic}</p> })}
                    {(!shown.read.is_empty()).then(|| view! { <ReadingLinks links=shown.read/> })}
                })}
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
