//! A quiz link runs a Wasm of its own until the person asks for the
//! results or goes elsewhere; the whole app's then takes over in the same
//! page, from the quiz as it stands (public/boot.js,
//! src/ui/first_quiz_app.rs).

use e2e::{
    answer_question, click, console_messages, dist_dir, find, is_whole_app_wasm, run_js,
    wait_for_text, wasm_loaded, with_browser, with_browser_set_up, Scheme, SiteData, StaticSite,
    QUIZ_WASM,
};
use fantoccini::Client;
use serde_json::json;

async fn stored(client: &Client, key: &str) -> serde_json::Value {
    run_js(
        client,
        &format!("return JSON.parse(localStorage.getItem('python-architect-quiz.{key}'))"),
    )
    .await
}

#[tokio::test]
async fn a_quiz_link_asks_its_questions_alone_and_the_whole_app_shows_the_results() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/fluent-python/quiz?count=2&seed=5"))
            .await
            .unwrap();
        wait_for_text(&client, "h1", |t| t == "Fluent Python quiz").await;
        find(&client, "form.question").await;
        let wasm = wasm_loaded(&client).await;
        assert!(
            wasm.len() == 1 && wasm[0].starts_with(QUIZ_WASM),
            "a quiz link loads the quiz's Wasm alone: {wasm:?}"
        );
        // Marks this page, to see below that no reload happened.
        run_js(&client, "window.samePage = true; return null").await;

        answer_question(&client, "fluent-python", true).await;
        click(&client, "#next").await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 2 of 2").await;
        answer_question(&client, "fluent-python", false).await;
        assert_eq!(
            stored(&client, "unfinished").await["attempt"]["responses"]
                .as_array()
                .map(Vec::len),
            Some(2),
            "the quiz's Wasm keeps the quiz after each answer"
        );
        assert_eq!(
            stored(&client, "progress").await,
            json!(null),
            "nothing is recorded before the results"
        );
        wait_for_text(&client, "#next", |t| t == "See your results").await;
        click(&client, "#next").await;

        wait_for_text(&client, "#score", |t| t == "1 of 2 (50%)").await;
        let wasm = wasm_loaded(&client).await;
        assert!(
            wasm.iter().any(|file| is_whole_app_wasm(file)),
            "the results load the whole app: {wasm:?}"
        );
        let page = run_js(
            &client,
            "return { samePage: window.samePage === true,
                      headers: document.querySelectorAll('header.site-header').length,
                      mains: document.querySelectorAll('main').length,
                      questions: document.querySelectorAll('form.question').length,
                      hash: location.hash.split('/')[1] }",
        )
        .await;
        assert_eq!(
            page,
            json!({"samePage": true, "headers": 1, "mains": 1, "questions": 0, "hash": "results"}),
            "one app on the page, the quiz gone, at its results"
        );
        let progress = stored(&client, "progress").await;
        assert_eq!(
            progress["attempts"].as_array().map(Vec::len),
            Some(1),
            "{progress}"
        );
        assert_eq!(stored(&client, "unfinished").await, json!(null));
        let errors: Vec<String> = console_messages(&client)
            .await
            .into_iter()
            .filter(|m| m.contains("SEVERE"))
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    })
    .await;
}

/// With storage refused, the quiz reaches the whole app in memory only.
#[tokio::test]
async fn a_quiz_left_halfway_is_handed_over_and_offered_for_resuming_even_without_storage() {
    let site = StaticSite::serve(&dist_dir());
    with_browser_set_up(Scheme::Light, SiteData::Blocked, |client| async move {
        client
            .goto(&site.url("#/book/clean-architecture/quiz?count=3&seed=2"))
            .await
            .unwrap();
        answer_question(&client, "clean-architecture", true).await;
        find(&client, ".feedback.answered").await;
        click(&client, "#leave").await;
        click(&client, "#leave-confirm").await;
        wait_for_text(&client, "h1", |t| t == "Clean Architecture in Python").await;
        assert!(
            wasm_loaded(&client)
                .await
                .iter()
                .any(|file| is_whole_app_wasm(file)),
            "the book page is the whole app's"
        );
        click(&client, "a.brand").await;
        wait_for_text(&client, ".resume", |t| {
            t.contains("You have an unfinished Clean Architecture in Python quiz: 1 of 3 answered.")
        })
        .await;
        click(&client, "#resume").await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 2 of 3").await;
    })
    .await;
}

/// The first question needs the bank's questions alone: the whole bank,
/// with the explanations, may arrive after it.
#[tokio::test]
async fn the_first_question_shows_before_the_whole_bank_arrives_and_its_feedback_after() {
    let held = "banks/fluent-python.json";
    let site = StaticSite::serve_holding(&dist_dir(), held);
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/fluent-python/quiz?count=2&seed=5"))
            .await
            .unwrap();
        find(&client, "form.question").await;
        assert!(
            site.requests()
                .iter()
                .any(|r| r == "banks/fluent-python.questions.json"),
            "{:?}",
            site.requests()
        );
        answer_question(&client, "fluent-python", false).await;
        wait_for_text(&client, ".feedback .verdict", |t| t == "Not quite.").await;
        // Explanations shown, and the options' whys: written, and in all.
        let shown = "const whys = [...document.querySelectorAll('.options .why div')];
                     return [document.querySelectorAll('.feedback .explanation').length,
                             whys.filter(d => d.textContent !== '').length, whys.length]";
        let before = run_js(&client, shown).await;
        assert_eq!(
            (&before[0], &before[1]),
            (&json!(0), &json!(0)),
            "no feedback yet"
        );

        site.release();
        wait_for_text(&client, ".feedback .explanation", |t| !t.is_empty()).await;
        assert_eq!(
            run_js(&client, shown).await,
            json!([1, before[2], before[2]]),
            "the explanation and every option's why, once the bank is in"
        );
        assert_eq!(
            run_js(&client, "return document.activeElement.id").await,
            json!("next"),
            "focus stays where the answer put it"
        );
    })
    .await;
}
