//! Typed questions: the box the output is typed in, and the output
//! expected, shown in feedback and in the review.

use leptos::ev;
use leptos::prelude::*;
use quiz_application::quiz::{Phase, QuizSession};

/// A monospaced text box for the output, as typed; Enter starts a new
/// line and Ctrl+Enter answers (handled by the form).
#[component]
pub fn TypedAnswer(session: RwSignal<Option<QuizSession>>) -> impl IntoView {
    let answering =
        move || session.with(|s| s.as_ref().is_some_and(|s| s.phase() == Phase::Answering));
    // Bound to the session, since a card drawn over the previous question's
    // reuses its text box, and with it what was typed there.
    let typed = move || {
        session.with(|s| {
            s.as_ref()
                .map(|s| s.typed_output().to_owned())
                .unwrap_or_default()
        })
    };
    let on_input = move |event: ev::Event| {
        let text = event_target_value(&event);
        session.update(|s| {
            if let Some(s) = s {
                s.type_output(&text);
            }
        });
    };
    view! {
        <label class="typed-label" for="typed-answer">"Type what the code prints (Ctrl+Enter to check)"</label>
        <textarea id="typed-answer" class="typed-answer" rows="5" spellcheck="false"
            autocomplete="off" autocapitalize="off" readonly=move || !answering()
            prop:value=typed on:input=on_input></textarea>
    }
}

#[component]
pub fn ExpectedOutput(expected: String) -> impl IntoView {
    view! {
        <div class="expected">
            <p>"Expected output:"</p>
            <pre class="expected-output">{expected}</pre>
        </div>
    }
}
