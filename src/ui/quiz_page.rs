use leptos::ev;
use leptos::prelude::*;
use quiz_application::{Phase, QuizSession, Route};
use quiz_domain::{Question, QuestionKind};

use crate::state::app_state;
use crate::ui::focus::focus_soon;
use crate::ui::question_text::QuestionText;

#[component]
pub fn QuizPage(book: String, count: usize, seed: u64) -> impl IntoView {
    let state = app_state();
    let session = RwSignal::new(None::<QuizSession>);
    let error = RwSignal::new(None::<String>);
    {
        let book = book.clone();
        leptos::task::spawn_local(async move {
            let started = state.bank(&book).await.and_then(|bank| {
                QuizSession::start(&bank, count, seed, state.now_ms()).map_err(|e| e.to_string())
            });
            match started {
                Ok(started) => drop(session.try_set(Some(started))),
                Err(message) => drop(error.try_set(Some(message))),
            }
        });
    }

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
    Effect::new(move |_| match phase.get() {
        Some(Phase::Answering) => {
            on_screen.track();
            focus_soon(".quiz .option input");
        }
        Some(_) => focus_soon("#next"),
        None => {}
    });

    let finish = move || {
        let Some(result) = session.with_untracked(|s| {
            s.as_ref().and_then(|s| {
                let id = state
                    .progress
                    .with_untracked(|p| p.new_attempt_id(s.book(), state.now_ms()));
                s.finish(id, state.now_ms()).ok()
            })
        }) else {
            return;
        };
        let attempt = result.id.clone();
        state.record(result);
        state.go_to(Route::Results { attempt });
    };

    view! {
        <section class="page quiz">
            <p class="crumbs"><a href=Route::Book { book: book.clone() }.to_hash()>"Leave the quiz"</a></p>
            {move || error.get().map(|message| view! {
                <h1 tabindex="-1">"The quiz could not start"</h1>
                <p role="alert" class="error">{message} ". " <a href="#/">"Back to the books"</a></p>
            })}
            {move || match (session.with(Option::is_none), error.with(Option::is_none)) {
                (true, true) => Some(view! { <p role="status">"Loading the questions…"</p> }),
                _ => None,
            }}
            {move || on_screen.get().map(|(number, total, question)| {
                untrack(|| view! { <QuestionCard session number total question on_finish=finish/> })
            })}
        </section>
    }
}

#[component]
fn QuestionCard(
    session: RwSignal<Option<QuizSession>>,
    number: usize,
    total: usize,
    question: Question,
    on_finish: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let phase = Memo::new(move |_| {
        session.with(|s| s.as_ref().map_or(Phase::Answering, QuizSession::phase))
    });
    let answering = move || phase.get() == Phase::Answering;
    let draft = Memo::new(move |_| {
        session.with(|s| s.as_ref().map(|s| s.draft().clone()).unwrap_or_default())
    });
    let response = Memo::new(move |_| {
        session.with(|s| {
            s.as_ref()
                .filter(|s| s.phase() != Phase::Answering)
                .and_then(|s| s.last_response().cloned())
        })
    });
    let problem = RwSignal::new(None::<String>);
    let several = question.kind.allows_several_choices();
    let input_type = if several { "checkbox" } else { "radio" };
    let literal = question.kind == QuestionKind::Output;
    let instruction = match question.kind {
        QuestionKind::Multiple => "Select all that apply.",
        QuestionKind::TrueFalse => "True or false?",
        _ => "Choose one answer.",
    };
    let submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        session.update(|s| {
            if let Some(s) = s {
                problem.set(s.submit().err().map(|e| format!("Please {e}.")));
            }
        });
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
    let options = question.options.clone();
    let explanation = question.explanation.clone();
    let reread = question.reread.clone();
    view! {
        <div class="progress-line">
            <span id="progress-label">{format!("Question {number} of {total}")}</span>
            <progress max=total.to_string() value=number.to_string() aria-labelledby="progress-label"></progress>
        </div>
        <form class="question" on:submit=submit>
            <fieldset>
                <legend class="visually-hidden">{format!("Question {number}: {instruction}")}</legend>
                <QuestionText question=question.clone()/>
                <p class="instruction" aria-hidden="true">{instruction}</p>
                <ul class="options" class:literal=literal>
                    {options.into_iter().enumerate().map(|(index, option)| {
                        let chosen = move || draft.with(|d| d.contains(index));
                        let verdict = move || response.get().map(|r| (r.answer.contains(index), option.correct));
                        view! {
                            <li class="option"
                                class:chosen=move || verdict().map_or(chosen(), |(picked, _)| picked)
                                class:right=move || verdict().is_some_and(|(_, correct)| correct)
                                class:wrong=move || verdict().is_some_and(|(picked, correct)| picked && !correct)>
                                <label>
                                    <input type=input_type name="answer" value=index.to_string()
                                        prop:checked=move || verdict().map_or(chosen(), |(picked, _)| picked)
                                        disabled=move || !answering()
                                        on:change=move |_| session.update(|s| if let Some(s) = s { s.choose(index) })/>
                                    <span class="key" aria-hidden="true">{(index + 1).to_string()}</span>
                                    {if literal {
                                        view! { <pre class="option-text">{option.text.clone()}</pre> }.into_any()
                                    } else {
                                        view! { <span class="option-text" inner_html=option.text.clone()></span> }.into_any()
                                    }}
                                </label>
                                {move || verdict().map(|(picked, correct)| {
                                    let label = match (picked, correct) {
                                        (true, true) => "Your answer, correct.",
                                        (true, false) => "Your answer, wrong.",
                                        (false, true) => "The correct answer.",
                                        (false, false) => "Not chosen.",
                                    };
                                    view! {
                                        <div class="why">
                                            <strong>{label}</strong>
                                            <div inner_html=option.why.clone()></div>
                                        </div>
                                    }
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </fieldset>
            <p class="problem" role="alert">{move || problem.get()}</p>
            <Show when=answering>
                <button type="submit" class="primary" id="check">"Check answer"</button>
            </Show>
        </form>
        <div class="feedback" role="status" aria-live="polite">
            {move || response.get().map(|r| {
                let explanation = explanation.clone();
                let reread = reread.clone();
                view! {
                    <p class="verdict" class:right=r.correct class:wrong=!r.correct>
                        {if r.correct { "Correct." } else { "Not quite." }}
                    </p>
                    {explanation.map(|html| view! { <div class="explanation" inner_html=html></div> })}
                    {reread.map(|topic| view! { <p class="reread">"Reread: " {topic}</p> })}
                }
            })}
        </div>
        <Show when=move || !answering()>
            <button type="button" class="primary" id="next" on:click=next>
                {if is_last { "See your results" } else { "Next question" }}
            </button>
        </Show>
    }
}
