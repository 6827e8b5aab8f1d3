use leptos::prelude::*;
use quiz_domain::Question;

/// A question's prompt and snippet. The HTML was rendered and highlighted
/// at build time from Markdown that may not carry raw HTML.
#[component]
pub fn QuestionText(question: Question) -> impl IntoView {
    view! {
        <div class="prompt" inner_html=question.prompt></div>
        {question.code.map(|code| view! { <pre class="code"><code inner_html=code></code></pre> })}
    }
}
