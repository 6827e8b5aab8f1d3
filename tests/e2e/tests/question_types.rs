//! Typed and order questions in headless Chromium: an output typed as
//! CPython prints it, give or take line endings and trailing spaces, and
//! steps put in order with the keyboard alone.

use std::process::Command;

use e2e::{
    click, dist_dir, find, run_js, steps_on_screen, text, wait_for_steps, wait_for_text,
    with_browser, StaticSite,
};
use fantoccini::key::Key;
use fantoccini::Client;

/// What CPython prints for the snippet on screen, read from the page.
async fn cpython_output_of_snippet_on_screen(client: &Client) -> String {
    let code = run_js(
        client,
        "return document.querySelector('pre.code').textContent",
    )
    .await;
    let output = Command::new("python3")
        .args(["-c", code.as_str().expect("the snippet's text")])
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "the snippet runs");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[tokio::test]
async fn a_typed_output_is_accepted_with_other_line_endings_and_trailing_spaces() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url(
                "#/book/fluent-python/quiz?count=2&seed=1&questions=fp-typed-generator-runs-lazily,fp-typed-sequence-protocol-deck",
            ))
            .await
            .unwrap();
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 2").await;
        let printed = cpython_output_of_snippet_on_screen(&client).await;
        assert_eq!(printed, "created\nstart\n2\n1\nend\n");
        let typed = printed.trim_end().replace('\n', "  \r\n") + "   ";
        let focused = client.active_element().await.unwrap();
        assert_eq!(
            focused.attr("id").await.unwrap().as_deref(),
            Some("typed-answer"),
            "focus lands in the answer box"
        );
        focused.send_keys(&typed).await.unwrap();
        let value = run_js(&client, "return document.querySelector('#typed-answer').value").await;
        assert!(
            value.as_str().unwrap().starts_with("created  \nstart"),
            "digits and new lines are typed, not taken as shortcuts: {value}"
        );
        focused
            .send_keys(&format!("{}{}", Key::Control, Key::Enter))
            .await
            .unwrap();
        wait_for_text(&client, ".feedback .verdict", |t| t == "Correct.").await;
        assert_eq!(
            text(&client, ".feedback .expected-output").await,
            "created\nstart\n2\n1\nend"
        );
        click(&client, "#next").await;

        wait_for_text(&client, "#progress-label", |t| t == "Question 2 of 2").await;
        let printed = cpython_output_of_snippet_on_screen(&client).await;
        let wrong = printed.replace("True", "true");
        assert_ne!(wrong, printed, "the output has a True to change");
        click(&client, "#check").await;
        wait_for_text(&client, ".problem", |t| t == "Please type the output first.").await;
        find(&client, "#typed-answer").await.send_keys(&wrong).await.unwrap();
        click(&client, "#check").await;
        wait_for_text(&client, ".feedback .verdict", |t| t == "Not quite.").await;
        assert_eq!(
            text(&client, ".feedback .expected-output").await,
            printed.trim_end()
        );
        click(&client, "#next").await;

        wait_for_text(&client, "#score", |t| t == "1 of 2 (50%)").await;
        wait_for_text(&client, ".review", |t| !t.is_empty()).await;
        let given = run_js(
            &client,
            "return [...document.querySelectorAll('.review .typed-given')].map(p => p.textContent)",
        )
        .await;
        assert_eq!(
            given,
            serde_json::json!([typed.replace('\r', ""), wrong]),
            "the review shows what was typed (the browser keeps \\n only)"
        );
        let stored = run_js(
            &client,
            "return JSON.parse(localStorage.getItem('python-architect-quiz.progress')).attempts[0].responses.map(r => [typeof r.answer, r.correct])",
        )
        .await;
        assert_eq!(stored, serde_json::json!([["string", true], ["string", false]]));
    })
    .await;
}

#[tokio::test]
async fn an_output_with_quotes_and_markup_characters_is_shown_as_printed() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        // Its output is a dict printed with double quotes, which the
        // options once showed as `&quot;`.
        client
            .goto(&site.url(
                "#/book/architecture-patterns/quiz?count=1&seed=1&questions=apwp-mock-patch-import-location",
            ))
            .await
            .unwrap();
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 1").await;
        let printed = cpython_output_of_snippet_on_screen(&client).await;
        assert!(printed.contains('"'), "the output has quotes: {printed}");
        let options = run_js(
            &client,
            "return [...document.querySelectorAll('.options .option-text')].map(o => o.textContent)",
        )
        .await;
        let options: Vec<&str> = options
            .as_array()
            .expect("a list of options")
            .iter()
            .filter_map(|o| o.as_str())
            .collect();
        assert!(
            options.contains(&printed.trim_end()),
            "an option reads as CPython prints: {options:?}"
        );
        assert!(
            options.iter().all(|o| !o.contains("&quot;") && !o.contains("&amp;")),
            "no option shows an entity: {options:?}"
        );
    })
    .await;
}

/// Presses `keys` on the focused element.
async fn press(client: &Client, keys: &str) {
    client
        .active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

/// The bank index of the step holding focus, and the focused element's class.
async fn focused_step(client: &Client) -> (Option<usize>, String) {
    let found = run_js(
        client,
        "const e = document.activeElement; const step = e.closest('.step');
         return [step ? Number(step.dataset.option) : null, e.className]",
    )
    .await;
    (
        found[0].as_u64().map(|n| n as usize),
        found[1].as_str().unwrap_or_default().to_owned(),
    )
}

/// Presses Tab until focus is in the step with bank index `step`.
async fn tab_to_step(client: &Client, step: usize) {
    for _ in 0..20 {
        if focused_step(client).await.0 == Some(step) {
            return;
        }
        press(client, &Key::Tab.to_string()).await;
    }
    panic!("Tab never reached step {step}");
}

#[tokio::test]
async fn an_order_question_is_solved_with_the_keyboard_only() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/clean-architecture/quiz?count=1&seed=5&questions=cap-order-tdd-cycle"))
            .await
            .unwrap();
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 1").await;
        let shown = steps_on_screen(&client).await;
        assert_eq!(shown.len(), 5);
        assert_ne!(shown, [0, 1, 2, 3, 4], "never shown in the correct order");
        // Digits choose options on other questions; here they move nothing.
        press(&client, "12").await;
        assert_eq!(steps_on_screen(&client).await, shown);
        let (step, class) = focused_step(&client).await;
        assert_eq!((step, class.as_str()), (Some(shown[0]), "move-up"), "focus on the first step");

        // "Move down" with Enter: the step goes down one place, focus stays on it.
        press(&client, &Key::Tab.to_string()).await;
        press(&client, &Key::Enter.to_string()).await;
        wait_for_steps(&client, |steps| steps.get(1) == Some(&shown[0])).await;
        wait_for_text(&client, "#order-status", |t| t.ends_with(", now 2 of 5")).await;
        let mut seen = (None, String::new());
        for _ in 0..50 {
            seen = focused_step(&client).await;
            if seen == (Some(shown[0]), "move-down".to_owned()) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(seen, (Some(shown[0]), "move-down".to_owned()), "focus follows the step");

        // Then Alt+ArrowUp on each step until it is in its place.
        for step in 0..5 {
            tab_to_step(&client, step).await;
            loop {
                let steps = steps_on_screen(&client).await;
                let position = steps.iter().position(|&s| s == step).unwrap();
                if position == step {
                    break;
                }
                press(&client, &format!("{}{}", Key::Alt, Key::Up)).await;
                wait_for_steps(&client, |steps| steps.get(position - 1) == Some(&step)).await;
                let announced = format!(", now {position} of 5");
                wait_for_text(&client, "#order-status", |t| t.ends_with(&announced)).await;
                for _ in 0..50 {
                    if focused_step(&client).await.0 == Some(step) {
                        break;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
                assert_eq!(focused_step(&client).await.0, Some(step), "focus stays on the moved step");
            }
        }
        assert_eq!(steps_on_screen(&client).await, [0, 1, 2, 3, 4]);
        let announced = text(&client, "#order-status").await;
        assert!(announced.contains(", now "), "{announced}");

        for _ in 0..30 {
            let id = run_js(&client, "return document.activeElement.id").await;
            if id == "check" {
                break;
            }
            press(&client, &Key::Tab.to_string()).await;
        }
        press(&client, &Key::Enter.to_string()).await;
        wait_for_text(&client, ".feedback .verdict", |t| t == "Correct.").await;
        let correct = run_js(
            &client,
            "return [...document.querySelectorAll('.feedback .correct-order .why')].filter(w => w.textContent.trim()).length",
        )
        .await;
        assert_eq!(correct, serde_json::json!(5), "each step's why is shown");
        find(&client, "#next:focus").await;
        press(&client, &Key::Enter.to_string()).await;

        wait_for_text(&client, "#score", |t| t == "1 of 1 (100%)").await;
        wait_for_text(&client, ".review", |t| !t.is_empty()).await;
        let given = run_js(
            &client,
            "return [...document.querySelectorAll('.review .given-order li')].map(li => li.textContent)",
        )
        .await;
        let correct = run_js(
            &client,
            "return [...document.querySelectorAll('.review .correct-order .step-text')].map(s => s.textContent)",
        )
        .await;
        assert_eq!(given.as_array().unwrap().len(), 5);
        assert_eq!(given, correct, "given in the correct order");
        let stored = run_js(
            &client,
            "return JSON.parse(localStorage.getItem('python-architect-quiz.progress')).attempts[0].responses[0].answer",
        )
        .await;
        assert_eq!(stored, serde_json::json!({"order": [0, 1, 2, 3, 4]}));
    })
    .await;
}
