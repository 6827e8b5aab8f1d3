//! The quiz inside another site's page (`#/embed?…`): no header, footer or
//! theme switch; the host hears about answers and the end through
//! `EmbedChannel`, and may reset the quiz or change its theme.

use leptos::ev;
use leptos::prelude::*;
use quiz_application::{Completion, EmbedChannel, EmbedRequest, FrameMessage, HostCommand};
use quiz_domain::{AttemptResult, Response, Score};

use crate::adapters::document_height::watch_document_height;
use crate::adapters::location::app_url;
use crate::adapters::parent_window::{message_json, ParentWindow};
use crate::adapters::theme::apply_theme;
use crate::state::app_state;
use crate::ui::embed_help::EmbedHelp;
use crate::ui::quiz_page::{quiz_title, QuizFlow};
use crate::ui::score_text::score_text;

#[component]
pub fn EmbedPage(embed: Result<EmbedRequest, String>) -> impl IntoView {
    match embed {
        Ok(embed) => view! { <EmbeddedQuiz embed/> }.into_any(),
        Err(problem) => view! { <EmbedHelp problem/> }.into_any(),
    }
}

#[component]
fn EmbeddedQuiz(embed: EmbedRequest) -> impl IntoView {
    let state = app_state();
    apply_theme(embed.theme);
    let channel = StoredValue::new_local(EmbedChannel::new(ParentWindow, embed.origin.clone()));
    watch_document_height(move |height| {
        channel.try_with_value(|channel| channel.send_height(height));
    });
    // Bumped to draw the quiz again from its first question.
    let run = RwSignal::new(0_u32);
    let finished = RwSignal::new(None::<Score>);
    let start_again = move || {
        state.discard_unfinished();
        finished.set(None);
        run.update(|run| *run += 1);
    };
    let commands = window_event_listener(ev::message, move |event| {
        let command = message_json(&event)
            .and_then(|json| channel.with_value(|channel| channel.command(&event.origin(), &json)));
        match command {
            Some(HostCommand::Reset) => start_again(),
            Some(HostCommand::SetTheme(theme)) => apply_theme(theme),
            None => {}
        }
    });
    on_cleanup(move || commands.remove());
    channel.with_value(|channel| channel.send(&FrameMessage::Ready));

    let on_answer = Callback::new(move |response: Response| {
        channel.with_value(|channel| channel.send(&FrameMessage::Answer((&response).into())));
    });
    let quiz_url = embed.quiz_url(&app_url());
    let on_finish = Callback::new(move |result: AttemptResult| {
        let name = format!("{} quiz", state.book_title(&result.book));
        let completion = Completion::of(&result, quiz_url.clone(), name);
        channel.with_value(|channel| channel.send(&FrameMessage::Complete(completion)));
        finished.set(Some(result.score));
        state.record(result);
    });
    let request = embed.quiz.clone();
    let show_explanations = embed.show_explanations;
    view! {
        <section class="page quiz">
            <h1 class="quiz-title">{quiz_title(embed.quiz.book, embed.quiz.mode)}</h1>
            {move || {
                run.track();
                match finished.get() {
                    Some(score) => view! {
                        <h2>"Your score"</h2>
                        <p class="score" id="score" role="status">{score_text(score)}</p>
                        <button type="button" class="primary" id="start-again" on:click=move |_| start_again()>
                            "Start again"
                        </button>
                    }.into_any(),
                    None => view! {
                        <QuizFlow request=request.clone() show_explanations books_link=false autofocus=false on_answer on_finish/>
                    }.into_any(),
                }
            }}
        </section>
    }
}
