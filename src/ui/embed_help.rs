use leptos::prelude::*;
use quiz_application::embed::EMBED_PARAMETERS;

/// What a malformed embed link shows in its frame instead of a quiz: what
/// is wrong and every parameter with its values, for the page's author.
#[component]
pub fn EmbedHelp(problem: String) -> impl IntoView {
    view! {
        <section class="page">
            <h1>"This quiz cannot be shown"</h1>
            <p role="alert" class="error">"The embed link is not valid: " {problem} "."</p>
            <h2>"Parameters of an embed link"</h2>
            <dl class="embed-parameters">
                {EMBED_PARAMETERS.iter().map(|(name, values)| view! {
                    <dt><code>{*name}</code></dt>
                    <dd>{*values}</dd>
                }).collect_view()}
            </dl>
        </section>
    }
}
