//! How an option looks, shared by the question card and the results review
//! so both say the same thing about the same answer.

use leptos::prelude::*;
use quiz_application::quiz::OptionMark;
use quiz_domain::AnswerOption;

pub fn mark_class(mark: OptionMark) -> &'static str {
    match mark {
        OptionMark::Open | OptionMark::NotPicked => "option",
        OptionMark::Chosen => "option chosen",
        OptionMark::PickedRight => "option chosen right",
        OptionMark::PickedWrong => "option chosen wrong",
        OptionMark::MissedRight => "option right",
    }
}

pub fn mark_label(mark: OptionMark) -> &'static str {
    match mark {
        OptionMark::Open | OptionMark::Chosen | OptionMark::NotPicked => "",
        OptionMark::PickedRight => "Your answer, correct.",
        OptionMark::PickedWrong => "Your answer, wrong.",
        OptionMark::MissedRight => "The correct answer.",
    }
}

/// The option's text: literal output in monospace for "what does this
/// print" questions, build-time HTML otherwise.
pub fn option_text(option: &AnswerOption, literal: bool) -> AnyView {
    if literal {
        view! { <pre class="option-text">{option.text.clone()}</pre> }.into_any()
    } else {
        view! { <span class="option-text" inner_html=option.text.clone()></span> }.into_any()
    }
}
