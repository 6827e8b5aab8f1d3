use leptos::prelude::*;

/// Why a pack was not loaded: every problem found, each naming its
/// question and field. Shown as text, whatever the pack holds.
#[component]
pub fn PackProblems(problems: Vec<String>) -> impl IntoView {
    view! {
        <div role="alert" class="error pack-problems" id="pack-problems">
            <p>"The pack was not loaded:"</p>
            <ul>{problems.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}</ul>
        </div>
    }
}
