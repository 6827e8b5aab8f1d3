use leptos::prelude::*;
use quiz_application::{
    BookMastery, Mastery, QuizRequest, Route, DEFAULT_QUIZ_LENGTH, HALF_LIFE_DAYS,
};

use crate::adapters::clock::random_seed;

/// How many weak topics are offered for practice.
const WEAKEST_SHOWN: usize = 5;

/// The shade of a mastery cell, from 0 (none) to 4 (full), so the grid
/// reads at a glance; the figure is always written too.
fn level(mastery: Mastery) -> u32 {
    mastery.percent.div_ceil(25).min(4)
}

#[component]
fn MasteryCell(name: String, mastery: Mastery) -> impl IntoView {
    view! {
        <li class=format!("cell level-{}", level(mastery))>
            <span class="cell-name">{name}</span>
            <strong class="cell-figure">{format!("{}%", mastery.percent)}</strong>
            <span class="cell-seen">{format!("{} of {} answered", mastery.seen, mastery.questions)}</span>
        </li>
    }
}

/// The chapter grid, the weakest topics with a link to practise each, and
/// every topic on request.
#[component]
pub fn MasteryView(mastery: BookMastery) -> impl IntoView {
    let book = mastery.book.clone();
    let weakest = mastery.weakest_topics(WEAKEST_SHOWN);
    view! {
        <h3>{format!("Mastery: {}%", mastery.overall())}</h3>
        <ul class="mastery-grid" aria-label="Mastery by chapter">
            {mastery.chapters.iter().map(|(chapter, m)| view! {
                <MasteryCell name=format!("{} · {}", chapter.id, chapter.title) mastery=*m/>
            }).collect_view()}
        </ul>
        <h3>"Weakest topics"</h3>
        {if weakest.is_empty() {
            view! { <p>"Answer a few questions and the topics to work on will show here."</p> }.into_any()
        } else {
            view! {
                <ul class="weak-topics">
                    {weakest.into_iter().map(|(topic, m)| {
                        let mut request = QuizRequest::new(book.clone(), m.questions.min(DEFAULT_QUIZ_LENGTH), random_seed());
                        request.topics = vec![topic.clone()];
                        view! {
                            <li>
                                {format!("{topic}: {}% ({} of {} answered) ", m.percent, m.seen, m.questions)}
                                <a href=Route::Quiz(request).to_hash()>{format!("Practise {topic}")}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <details>
            <summary>{format!("Mastery of all {} topics", mastery.topics.len())}</summary>
            <ul class="mastery-grid">
                {mastery.topics.iter().map(|(topic, m)| view! { <MasteryCell name=topic.clone() mastery=*m/> }).collect_view()}
            </ul>
        </details>
        <p class="hint">{format!(
            "Mastery counts each question by your latest answer: fully when you answered it right today, half after {HALF_LIFE_DAYS} days, a quarter after {}; nothing when it was wrong or not answered yet.",
            HALF_LIFE_DAYS * 2
        )}</p>
    }
}
