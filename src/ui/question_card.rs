//! The parts of a question's card that the quiz and the interview exam
//! share: the progress line, the question with its instruction, the
//! options to choose from, and Enter as the key that answers.

use leptos::ev;
use leptos::prelude::*;
use quiz_application::exam::ExamSession;
use quiz_application::quiz::{OptionMark, QuizSession};
use quiz_domain::{Question, QuestionKind};
use wasm_bindgen::JsCast;

use crate::ui::option_view::{mark_class, mark_label, option_text};
use crate::ui::question_text::QuestionText;

/// What to do, said under the question and to screen readers.
pub fn instruction(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Multiple => "Select all that apply.",
        QuestionKind::TrueFalse => "True or false?",
        QuestionKind::Typed => "Type the exact output.",
        QuestionKind::Order => {
            "Put the steps in order: first at the top (Alt+Arrow keys move the focused step)."
        }
        _ => "Choose one answer.",
    }
}

/// Enter on an option answers, the same in every browser (implicit
/// submission from radio buttons and checkboxes varies); in a typed
/// answer Enter is a new line, so Ctrl+Enter answers there.
pub fn answer_on_enter(
    kind: QuestionKind,
    answer: impl Fn() + Copy + 'static,
) -> impl Fn(ev::KeyboardEvent) + Copy + 'static {
    move |event: ev::KeyboardEvent| {
        let on_option = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some();
        let typed_done = event.ctrl_key() && kind == QuestionKind::Typed;
        if event.key() == "Enter" && (on_option || typed_done) {
            event.prevent_default();
            answer();
        }
    }
}

pub fn progress_line(number: usize, total: usize) -> impl IntoView {
    view! {
        <div class="progress-line">
            <span id="progress-label">{format!("Question {number} of {total}")}</span>
            <progress max=total.to_string() value=number.to_string() aria-labelledby="progress-label"></progress>
        </div>
    }
}

/// The question inside its form: `legend` (what a screen reader hears
/// first), a `source` line naming where it comes from, its text and
/// instruction, the way to answer, then the line that says what is missing
/// from an answer.
pub fn question_fields(
    legend: String,
    source: Option<String>,
    question: Question,
    problem: RwSignal<String>,
    answer_area: impl IntoView,
) -> impl IntoView {
    let instruction = instruction(question.kind);
    view! {
        <fieldset>
            <legend class="visually-hidden">{legend}</legend>
            {source.map(|source| view! { <p class="chapter">{source}</p> })}
            <QuestionText question/>
            <p class="instruction" aria-hidden="true">{instruction}</p>
            {answer_area}
        </fieldset>
        <p class="problem" role="alert">{move || problem.get()}</p>
    }
}

/// A session whose question's options are chosen one click at a time: a
/// quiz's or an exam's.
pub trait ChoosesOptions: Send + Sync + 'static {
    fn option_mark(&self, option: usize) -> OptionMark;
    fn choose(&mut self, option: usize);
    /// The question on screen, its options in the order shown, as the
    /// session has it now (a quiz fills the whys in after it shows).
    fn on_screen(&self) -> &Question;
}

impl ChoosesOptions for QuizSession {
    fn option_mark(&self, option: usize) -> OptionMark {
        QuizSession::option_mark(self, option)
    }

    fn on_screen(&self) -> &Question {
        self.question()
    }

    fn choose(&mut self, option: usize) {
        QuizSession::choose(self, option);
    }
}

impl ChoosesOptions for ExamSession {
    fn option_mark(&self, option: usize) -> OptionMark {
        ExamSession::option_mark(self, option)
    }

    fn on_screen(&self) -> &Question {
        self.question()
    }

    fn choose(&mut self, option: usize) {
        ExamSession::choose(self, option);
    }
}

/// The options of a choice question as shown. `bank_order` is the bank
/// index of each option shown, kept in the page so that tests and
/// assistive tools can tell options apart whatever their order (none where
/// the order must not be told: an exam); `show_whys` shows each option's
/// reason once the answer is graded.
pub fn choice_list<S: ChoosesOptions>(
    session: RwSignal<Option<S>>,
    question: &Question,
    bank_order: Option<Vec<usize>>,
    answering: impl Fn() -> bool + Copy + Send + Sync + 'static,
    show_whys: bool,
) -> impl IntoView {
    let input_type = if question.kind.allows_several_choices() {
        "checkbox"
    } else {
        "radio"
    };
    let literal = question.kind == QuestionKind::Output;
    let mark = move |index: usize| {
        session.with(|s| {
            s.as_ref()
                .map_or(OptionMark::Open, |s| s.option_mark(index))
        })
    };
    let choose = move |index: usize| {
        session.update(|s| {
            if let Some(s) = s {
                s.choose(index);
            }
        })
    };
    let options = question
        .options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            let bank_index = bank_order.as_ref().map(|order| order[index].to_string());
            view! {
                <li class=move || mark_class(mark(index)) data-option=bank_index>
                    <label>
                        <input type=input_type name="answer" value=index.to_string()
                            prop:checked=move || mark(index).is_picked()
                            disabled=move || !answering()
                            on:change=move |_| choose(index)/>
                        <span class="key" aria-hidden="true">{(index + 1).to_string()}</span>
                        {option_text(option, literal)}
                    </label>
                    {show_whys.then(|| view! {
                        <div class="why">
                            <strong>{move || mark_label(mark(index))}</strong>
                            <div inner_html=move || session.with(|s| Some(s.as_ref()?.on_screen().options.get(index)?.why.clone()))></div>
                        </div>
                    })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="options" class:literal=literal>{options}</ul> }
}
