use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use quiz_application::progress::BookMastery;
use quiz_application::quiz::{QuizRequest, DEFAULT_QUIZ_LENGTH};
use quiz_application::Route;
use quiz_domain::Bank;

use crate::adapters::clock::random_seed;
use crate::state::app_state;
use crate::ui::html_text::escape;

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
            let seed = random_seed();
            let items: String = mastery
                .topics
                .iter()
                .map(|(topic, m)| {
                    let mut request = QuizRequest::new(
                        bank.book.id.clone(),
                        m.questions.min(DEFAULT_QUIZ_LENGTH),
                        seed,
                    );
                    request.topics = vec![topic.clone()];
                    format!(
                        r#"<li><a href="{}">{}</a> · {} question{} · mastery {}%</li>"#,
                        escape(&Route::Quiz(request).to_hash()),
                        escape(topic),
                        m.questions,
                        if m.questions == 1 { "" } else { "s" },
                        m.percent
                    )
                })
                .collect();
            format!(r#"<ul class="topic-list">{items}</ul>"#)
        }
    };
    view! {
        <details class="topics" on:toggle=load>
            <summary>"Practise one topic"</summary>
            <div inner_html=topics></div>
        </details>
    }
}
