//! Order questions: the steps to arrange while answering, and the correct
//! order with each step's reason, shown in feedback and in the review.

use leptos::ev;
use leptos::prelude::*;
use quiz_application::quiz::{Phase, QuizSession};
use quiz_domain::AnswerOption;

use crate::ui::focus::focus_soon;

/// The steps in the order the person has put them. Each moves with its
/// "Move up" and "Move down" buttons, or with Alt+ArrowUp and
/// Alt+ArrowDown from anywhere in it; focus follows the moved step and a
/// polite live region says where it went.
#[component]
pub fn OrderSteps(
    session: RwSignal<Option<QuizSession>>,
    steps: Vec<AnswerOption>,
    /// The bank index of each step shown, as `data-option`.
    order: Vec<usize>,
) -> impl IntoView {
    let arrangement = Memo::new(move |_| {
        session.with(|s| s.as_ref().map(QuizSession::arrangement).unwrap_or_default())
    });
    let answering =
        move || session.with(|s| s.as_ref().is_some_and(|s| s.phase() == Phase::Answering));
    let announcement = RwSignal::new(String::new());
    let count = steps.len();
    let move_step = move |position: usize, up: bool| {
        let mut moved_to = position;
        session.update(|s| {
            if let Some(s) = s {
                moved_to = s.move_step(position, up);
            }
        });
        let Some(&shown) = arrangement.get_untracked().get(moved_to) else {
            return;
        };
        // The step's text as read aloud: its HTML without the tags.
        let text = document()
            .get_element_by_id(&format!("step-text-{shown}"))
            .and_then(|element| element.text_content())
            .unwrap_or_default();
        announcement.set(format!("{text}, now {} of {count}", moved_to + 1));
        let button = if up { "move-up" } else { "move-down" };
        focus_soon(format!(".steps [data-step='{shown}'] .{button}"));
    };
    let steps = StoredValue::new(steps);
    let order = StoredValue::new(order);
    let items = move || {
        arrangement
            .get()
            .into_iter()
            .enumerate()
            .map(|(position, shown)| {
                let (text, bank) = (
                    steps.with_value(|s| s[shown].text.clone()),
                    order.with_value(|o| o[shown]),
                );
                let text_id = format!("step-text-{shown}");
                let on_keydown = move |event: ev::KeyboardEvent| {
                    if !event.alt_key() {
                        return;
                    }
                    let up = match event.key().as_str() {
                        "ArrowUp" => true,
                        "ArrowDown" => false,
                        _ => return,
                    };
                    event.prevent_default();
                    move_step(position, up);
                };
                view! {
                    <li class="step" data-step=shown.to_string() data-option=bank.to_string() on:keydown=on_keydown>
                        <span class="step-number" aria-hidden="true">{(position + 1).to_string()}</span>
                        <span class="step-text" id=text_id.clone() inner_html=text></span>
                        <span class="step-moves" hidden=move || !answering()>
                            <button type="button" class="move-up" aria-describedby=text_id.clone()
                                aria-disabled=(position == 0).to_string()
                                on:click=move |_| move_step(position, true)>"Move up"</button>
                            <button type="button" class="move-down" aria-describedby=text_id
                                aria-disabled=(position + 1 == count).to_string()
                                on:click=move |_| move_step(position, false)>"Move down"</button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ol class="steps">{items}</ol>
        <p class="visually-hidden" role="status" aria-live="polite" id="order-status">{move || announcement.get()}</p>
    }
}

/// The steps in their correct order, each with why it comes there.
#[component]
pub fn CorrectOrder(steps: Vec<AnswerOption>) -> impl IntoView {
    view! {
        <ol class="correct-order">
            {steps.into_iter().map(|step| view! {
                <li>
                    <span class="step-text" inner_html=step.text></span>
                    <div class="why" inner_html=step.why></div>
                </li>
            }).collect_view()}
        </ol>
    }
}
