//! The quiz inside another site's page (`#/embed?…`): no header, footer or
//! theme switch; the host hears about answers and the end through
//! `EmbedChannel`, and may reset the quiz or change its theme. The quiz is
//! a built-in book's or a pack's, fetched and read as the app reads one.

use leptos::ev;
use leptos::prelude::*;
use quiz_application::embed::{Completion, EmbedChannel, EmbedRequest, FrameMessage, HostCommand};
use quiz_application::packs::PackUrl;
use quiz_application::quiz::QuizRequest;
use quiz_application::score_text;
use quiz_domain::{AttemptResult, Response, Score};

use crate::adapters::app_handover;
use crate::adapters::document_height::watch_document_height;
use crate::adapters::fetch::fetch_pack;
use crate::adapters::location::app_url;
use crate::adapters::parent_window::{message_json, ParentWindow};
use crate::adapters::theme::apply_theme;
use crate::quiz_host::{quiz_title, QuizHost};
use crate::state::{app_state, Load};
use crate::ui::embed_help::EmbedHelp;
use crate::ui::pack_problems::PackProblems;
use crate::ui::quiz_page::QuizFlow;

/// The quiz to ask: None while a pack loads, the pack's problems if it
/// was refused.
pub type EmbeddedRequest = Option<Result<QuizRequest, Vec<String>>>;

#[component]
pub fn EmbedPage(embed: Result<EmbedRequest, String>) -> impl IntoView {
    let embed = match embed {
        Ok(embed) => embed,
        Err(problem) => return view! { <EmbedHelp problem/> }.into_any(),
    };
    let request = RwSignal::new(EmbeddedRequest::None);
    match &embed.pack {
        Some(url) => load_pack(url.clone(), embed.clone(), request),
        None => request.set(Some(Ok(embed.quiz.clone()))),
    }
    let started_here = !app_handover::is_taking_over();
    view! { <EmbeddedQuiz host=app_state() embed request started_here/> }.into_any()
}

/// The quiz of an embed, once `request` says which. `started_here` is
/// false when the whole app takes over from the quiz's own Wasm, which
/// already told the host it was ready and set the theme it asked for.
#[component]
pub fn EmbeddedQuiz<H: QuizHost>(
    host: H,
    embed: EmbedRequest,
    request: RwSignal<EmbeddedRequest>,
    started_here: bool,
) -> impl IntoView {
    if started_here {
        apply_theme(embed.theme);
    }
    let channel = StoredValue::new_local(EmbedChannel::new(ParentWindow, embed.origin.clone()));
    watch_document_height(move |height| {
        channel.try_with_value(|channel| channel.send_height(height));
    });
    // Bumped to draw the quiz again from its first question.
    let run = RwSignal::new(0_u32);
    let finished = RwSignal::new(None::<Score>);
    let start_again = move || {
        host.discard_unfinished();
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
    if started_here {
        channel.with_value(|channel| channel.send(&FrameMessage::Ready));
    }

    let on_answer = Callback::new(move |response: Response| {
        channel.with_value(|channel| channel.send(&FrameMessage::Answer((&response).into())));
    });
    let quiz_url = embed.quiz_url(&app_url());
    let on_finish = Callback::new(move |result: AttemptResult| {
        let title = host.title_of(&result.book);
        let name = format!("{} quiz", title.as_deref().unwrap_or(&result.book));
        let completion = Completion::of(&result, quiz_url.clone(), name);
        channel.with_value(|channel| channel.send(&FrameMessage::Complete(completion)));
        finished.set(Some(result.score));
    });
    let source = embed.pack.as_ref().map(|url| url.as_str().to_owned());
    let title = move || match request.with(|request| request.clone()?.ok()) {
        Some(quiz) => quiz_title(host, quiz.book, quiz.mode)(),
        None => "Quiz".to_owned(),
    };
    let show_explanations = embed.show_explanations;
    view! {
        <section class="page quiz">
            <h1 class="quiz-title">{title}</h1>
            {move || {
                run.track();
                match (finished.get(), request.get()) {
                    (Some(score), _) => view! {
                        <h2>"Your score"</h2>
                        <p class="score" id="score" role="status">{score_text(score)}</p>
                        <button type="button" class="primary" id="start-again" on:click=move |_| start_again()>
                            "Start again"
                        </button>
                    }.into_any(),
                    (None, Some(Ok(request))) => view! {
                        <QuizFlow host request show_explanations books_link=false autofocus=false on_answer on_finish/>
                    }.into_any(),
                    (None, Some(Err(problems))) => view! {
                        <p class="pack-source">"From " <code>{source.clone()}</code></p>
                        <PackProblems problems/>
                    }.into_any(),
                    (None, None) => view! { <p role="status">"Loading the quiz pack…"</p> }.into_any(),
                }
            }}
        </section>
    }
}

/// Fetches the pack (CORS, no credentials) and reads it as the app reads
/// any pack, then sets the quiz to ask of it, or the problems found.
fn load_pack(url: PackUrl, embed: EmbedRequest, request: RwSignal<EmbeddedRequest>) {
    let state = app_state();
    let fetched = RwSignal::new(None::<String>);
    leptos::task::spawn_local({
        let url = url.clone();
        async move {
            match fetch_pack(url.as_str()).await {
                Ok(json) => drop(fetched.try_set(Some(json))),
                Err(problem) => drop(request.try_set(Some(Err(vec![problem])))),
            }
        }
    });
    // Read once the catalog is in too, so a pack cannot pass for a book of
    // the app (a pack with a book's id is refused, as on the packs page).
    Effect::new(move |_| {
        if state
            .catalog
            .with(|catalog| matches!(catalog, Load::Loading))
        {
            return;
        }
        let read = fetched.with(|json| Some(state.add_embedded_pack(json.as_ref()?, url.as_str())));
        if let Some(read) = read {
            request.set(Some(read.map(|id| embed.quiz_of_pack(&id))));
        }
    });
}
