//! The home page runs a Wasm of its own; leaving home swaps in the whole
//! app's in the same page (public/boot.js, src/adapters/app_handover.rs).

use e2e::{
    answer_question, click, console_messages, dist_dir, find, is_whole_app_wasm, run_js, text,
    wait_for_text, wasm_loaded, with_browser, StaticSite, HOME_WASM,
};
use fantoccini::Client;
use serde_json::json;

#[tokio::test]
async fn home_loads_its_own_wasm_and_the_whole_app_takes_over_in_the_same_page() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client.goto(&site.url("")).await.unwrap();
        find(&client, ".book-card").await;
        let wasm = wasm_loaded(&client).await;
        assert!(
            wasm.len() == 1 && wasm[0].starts_with(HOME_WASM),
            "home loads the home page's Wasm alone: {wasm:?}"
        );
        // Marks this page, to see below that no reload happened.
        run_js(&client, "window.samePage = true; return null").await;

        click(&client, "[data-book=fluent-python] h2 a").await;
        wait_for_text(&client, "h1", |t| t == "Fluent Python").await;
        let wasm = wasm_loaded(&client).await;
        assert!(
            wasm.iter().any(|file| is_whole_app_wasm(file)),
            "leaving home loads the whole app: {wasm:?}"
        );
        let page = run_js(
            &client,
            "return { samePage: window.samePage === true,
                      headers: document.querySelectorAll('header.site-header').length,
                      mains: document.querySelectorAll('main').length,
                      cards: document.querySelectorAll('.book-card').length,
                      focused: document.activeElement.tagName,
                      handedOver: Object.keys(window.pythonArchitectQuizHeldRecords || {}).length }",
        )
        .await;
        assert_eq!(
            page,
            json!({"samePage": true, "headers": 1, "mains": 1, "cards": 0, "focused": "H1", "handedOver": 0}),
            "one app on the page, home gone, focus on the new page, the held records taken"
        );

        // Back home, the whole app draws it without another swap.
        client.back().await.unwrap();
        find(&client, ".book-card").await;
        click(&client, "a[href='#/progress']").await;
        wait_for_text(&client, "h1", |t| t == "Your progress").await;
        assert_eq!(
            run_js(&client, "return window.samePage === true").await,
            json!(true)
        );
        let errors: Vec<String> = console_messages(&client)
            .await
            .into_iter()
            .filter(|m| m.starts_with("SEVERE"))
            .collect();
        assert!(errors.is_empty(), "no error in the console: {errors:?}");
    })
    .await;
}

#[tokio::test]
async fn a_deep_link_starts_the_whole_app_without_the_home_page_wasm() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/clean-architecture"))
            .await
            .unwrap();
        wait_for_text(&client, "h1", |t| t == "Clean Architecture in Python").await;
        let wasm = wasm_loaded(&client).await;
        assert!(
            wasm.len() == 1 && is_whole_app_wasm(&wasm[0]),
            "a deep link loads the whole app alone: {wasm:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_whole_app_that_cannot_load_leaves_home_on_screen_with_a_message() {
    let site = StaticSite::serve_with(&dist_dir(), |site| {
        for entry in std::fs::read_dir(site).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".wasm") && is_whole_app_wasm(&name) {
                std::fs::remove_file(path).unwrap();
            }
        }
    });
    with_browser(|client| async move {
        client.goto(&site.url("")).await.unwrap();
        find(&client, ".book-card").await;
        click(&client, "[data-book=fluent-python] h2 a").await;
        let message = wait_for_text(&client, "#boot-error", |t| {
            t.starts_with("The quiz could not start")
        })
        .await;
        assert!(message.contains("could not be loaded (404)"), "{message:?}");
        assert_eq!(
            text(&client, "h1").await,
            "Five books, one question at a time",
            "home stays on screen"
        );
        assert_eq!(
            run_js(
                &client,
                "return document.getElementById('boot-error').getAttribute('role')"
            )
            .await,
            json!("alert")
        );
    })
    .await;
}

/// What the home page says, as drawn: its text and the resume link.
async fn home_as_drawn(client: &Client) -> serde_json::Value {
    run_js(
        client,
        "return [document.querySelector('main').innerText,
                 document.querySelector('#resume').getAttribute('href')]",
    )
    .await
}

#[tokio::test]
async fn the_home_page_s_own_wasm_draws_what_the_whole_app_draws() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        // A finished quiz, one answer right and one wrong (so one question
        // is due for review soon), and a quiz left after one answer.
        client
            .goto(&site.url("#/book/fluent-python/quiz?count=2&seed=1"))
            .await
            .unwrap();
        for right in [true, false] {
            answer_question(&client, "fluent-python", right).await;
            click(&client, "#next").await;
        }
        wait_for_text(&client, "#score", |t| t == "1 of 2 (50%)").await;
        client
            .goto(&site.url("#/book/clean-architecture/quiz?count=3&seed=2"))
            .await
            .unwrap();
        answer_question(&client, "clean-architecture", true).await;

        client.goto(&site.url("#/")).await.unwrap();
        client.refresh().await.unwrap();
        find(&client, ".resume").await;
        find(&client, ".book-card").await;
        let wasm = wasm_loaded(&client).await;
        assert!(
            wasm.len() == 1 && wasm[0].starts_with(HOME_WASM),
            "the home page's own Wasm draws it: {wasm:?}"
        );
        let by_home_wasm = home_as_drawn(&client).await;
        let shown = by_home_wasm[0].as_str().unwrap();
        assert!(shown.contains("Best score: 1 of 2 (50%)"), "{shown}");
        assert!(
            shown.contains(
                "You have an unfinished Clean Architecture in Python quiz: 1 of 3 answered."
            ),
            "{shown}"
        );

        // The whole app, taking over, draws the same home page.
        click(&client, "a[href='#/progress']").await;
        wait_for_text(&client, "h1", |t| t == "Your progress").await;
        client.back().await.unwrap();
        find(&client, ".resume").await;
        find(&client, ".book-card").await;
        assert_eq!(home_as_drawn(&client).await, by_home_wasm);

        // Discarded on the home page's own Wasm, and gone for the whole app.
        client.refresh().await.unwrap();
        click(&client, "#discard").await;
        let gone = run_js(
            &client,
            "return [document.querySelectorAll('.resume').length,
                     localStorage.getItem('python-architect-quiz.unfinished')]",
        )
        .await;
        assert_eq!(gone, json!([0, null]));
        assert_eq!(
            wasm_loaded(&client).await.len(),
            1,
            "still the home page's Wasm"
        );
    })
    .await;
}
