use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use quiz_application::exam::{ExamRequest, ExamSession};
use quiz_application::Route;
use quiz_domain::Question;

use crate::state::app_state;
use crate::ui::confirm_button::{press_confirm_button, ConfirmButton};
use crate::ui::focus::focus_soon;
use crate::ui::question_card::{
    answer_on_enter, choice_list, instruction, progress_line, question_fields,
};

fn clock_text(ms: u64) -> String {
    let seconds = ms.div_ceil(1000);
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// An interview exam: one question after another with no feedback, a
/// clock that survives a reload, and the report when every question is
/// answered or the time is up.
#[component]
pub fn InterviewPage(request: ExamRequest) -> impl IntoView {
    let state = app_state();
    let session = RwSignal::new(None::<ExamSession>);
    let error = RwSignal::new(None::<String>);
    let now = RwSignal::new(state.now_ms());
    leptos::task::spawn_local(async move {
        let started = state.start_exam(&request).await;
        match started {
            Ok(started) => {
                drop(session.try_set(Some(started)));
                let _ = now.try_set(state.now_ms());
            }
            Err(message) => drop(error.try_set(Some(message))),
        }
    });
    let tick =
        set_interval_with_handle(move || now.set(state.now_ms()), Duration::from_secs(1)).ok();
    let keys = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.alt_key() || event.meta_key() {
            return;
        }
        if event.key() == "Escape" {
            press_confirm_button("leave");
        } else if let Ok(digit) = event.key().parse::<usize>() {
            if digit >= 1 {
                session.update(|s| {
                    if let Some(s) = s {
                        s.choose(digit - 1);
                    }
                });
            }
        }
    });
    on_cleanup(move || {
        if let Some(tick) = tick {
            tick.clear();
        }
        keys.remove();
    });

    // Ends the exam once: the session is taken out as it is recorded.
    Effect::new(move |_| {
        let at = now.get();
        let over = session.with(|s| s.as_ref().is_some_and(|s| s.is_over(at)));
        if !over {
            return;
        }
        let Some(finished) = session.try_update(Option::take).flatten() else {
            return;
        };
        if let Some(exam) = state.finish_exam(&finished, at) {
            state.go_to(Route::InterviewReport { exam });
        }
    });

    let on_screen = Memo::new(move |_| {
        session.with(|s| {
            s.as_ref().map(|s| {
                (
                    s.answered() + 1,
                    s.total(),
                    s.question().clone(),
                    state.book_title(s.book()),
                )
            })
        })
    });
    Effect::new(move |_| {
        on_screen.track();
        focus_soon(".exam .option input");
    });
    let leave = Callback::new(move |()| state.go_to(Route::Interviews));
    let time_left = move || {
        session.with(|s| {
            s.as_ref()
                .map(|s| format!("Time left {}", clock_text(s.remaining_ms(now.get()))))
        })
    };
    view! {
        <section class="page exam">
            <div class="crumbs">
                <ConfirmButton id="leave".into() label="Leave the exam".into()
                    question="Leave the exam? Your answers are kept, but its clock keeps running.".into()
                    confirm="Leave".into() on_confirm=leave/>
            </div>
            <h1 class="quiz-title">"Interview exam"</h1>
            <p class="timer" id="timer" role="timer">{time_left}</p>
            {move || error.get().map(|message| view! {
                <h2>"The exam could not start"</h2>
                <p role="alert" class="error">{message} ". " <a href="#/interview">"Back to interview mode"</a></p>
            })}
            {move || on_screen.get().map(|(number, total, question, book)| {
                untrack(|| view! { <ExamCard session number total question book now/> })
            })}
        </section>
    }
}

/// One exam question, drawn once; answering moves straight on.
#[component]
fn ExamCard(
    session: RwSignal<Option<ExamSession>>,
    number: usize,
    total: usize,
    question: Question,
    book: String,
    now: RwSignal<u64>,
) -> impl IntoView {
    let state = app_state();
    let shown_at_ms = state.now_ms();
    let problem = RwSignal::new(String::new());
    let answer = move || {
        let mut saved = None;
        session.update(|s| {
            if let Some(s) = s {
                match s.submit(state.now_ms().saturating_sub(shown_at_ms)) {
                    Ok(()) => saved = Some(s.saved().clone()),
                    Err(e) => problem.set(format!("Please answer: {e}.")),
                }
            }
        });
        if let Some(saved) = saved {
            state.keep_exam(&saved);
            now.set(state.now_ms());
        }
    };
    let submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        answer();
    };
    let enter_submits = answer_on_enter(question.kind, answer);
    let options = choice_list(session, &question, None, || true, false);
    let legend = format!("Question {number}, {book}: {}", instruction(question.kind));
    view! {
        {progress_line(number, total)}
        <form class="question" data-question=question.id.clone() on:submit=submit on:keydown=enter_submits>
            {question_fields(legend, Some(book), question.clone(), problem, options)}
            <button type="submit" class="primary" id="check">
                {if number == total { "Finish the exam" } else { "Next question" }}
            </button>
        </form>
    }
}
