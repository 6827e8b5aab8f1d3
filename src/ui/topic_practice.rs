use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use quiz_application::html_text::escape;
use quiz_application::progress::BookMastery;
use quiz_application::reports::topic_list_html;
use quiz_domain::Bank;

use crate::adapters::clock::random_seed;
use crate::state::app_state;

/// Practice of one topic: the book's topics, listed when the person opens
/// the list, each with its mastery and a link to a quiz on it.
#[component]
pub fn TopicPractice(book: String) -> impl IntoView {
    let state = app_state();
    let bank = RwSignal::new(None::<Result<Arc<Bank>, String>>);
    let load = move |_: ev::Event| {
        if bank.with_untracked(Option::is_some) {
            return;
        }
        let book = book.clone();
        leptos::task::spawn_local(async move {
            drop(bank.try_set(Some(state.bank(&book).await)));
        });
    };
    let topics = move || match bank.get() {
        None => r#"<p role="status">Loading the topics…</p>"#.to_owned(),
        Some(Err(error)) => format!(r#"<p role="alert" class="error">{}</p>"#, escape(&error)),
        Some(Ok(bank)) => {
            let mastery = state
                .progress_of(&bank.book.id)
                .with_untracked(|p| BookMastery::of(p, &bank, state.now_ms()));
            topic_list_html(&mastery, random_seed())
        }
    };
    view! {
        <details class="topics" on:toggle=load>
            <summary>"Practise one topic"</summary>
            <div inner_html=topics></div>
        </details>
    }
}
