//! A person taking quizzes in headless Chromium, against the release build
//! served by a plain static file server under a sub-path.

use e2e::{
    answer_question, bank, click, dist_dir, find, question_on_screen, run_js, text, wait_for_text,
    with_browser, StaticSite,
};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use quiz_domain::QuestionKind;

const PROGRESS_KEY: &str = "python-architect-quiz.progress";

/// Places on screen (0-based) of the options to pick for the question on
/// screen: the correct set, or one wrong option. Options are shuffled, so
/// each shows its bank index in `data-option`.
async fn choices(client: &Client, book: &str, right: bool) -> Vec<usize> {
    let id = question_on_screen(client).await;
    let bank = bank(book);
    let question = bank
        .question(&id)
        .unwrap_or_else(|| panic!("{id} is in the bank"));
    let correct = question.correct_answer().choices().to_vec();
    let wanted = if right {
        correct
    } else {
        let wrong = (0..question.options.len())
            .find(|i| !correct.contains(i))
            .expect("a wrong option");
        vec![wrong]
    };
    let shown = run_js(
        client,
        "return [...document.querySelectorAll('form.question:not(.answered) .options .option')].map(o => Number(o.dataset.option))",
    )
    .await;
    let shown: Vec<usize> = serde_json::from_value(shown).expect("bank indices on screen");
    wanted
        .iter()
        .map(|index| shown.iter().position(|s| s == index).expect("option shown"))
        .collect()
}

async fn stored_progress(client: &Client) -> serde_json::Value {
    let raw = run_js(
        client,
        &format!("return localStorage.getItem('{PROGRESS_KEY}')"),
    )
    .await;
    serde_json::from_str(raw.as_str().expect("progress is stored"))
        .expect("stored progress is JSON")
}

#[tokio::test]
async fn a_quiz_taken_by_clicking_is_scored_and_survives_a_reload() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client.goto(&site.url("")).await.unwrap();
        find(&client, ".book-card").await;
        let titles: Vec<String> = {
            let mut titles = Vec::new();
            for card in client
                .find_all(Locator::Css(".book-card h2"))
                .await
                .unwrap()
            {
                titles.push(card.text().await.unwrap());
            }
            titles
        };
        assert_eq!(
            titles,
            [
                "Architecture Patterns with Python",
                "Clean Architecture in Python",
                "Fluent Python",
                "High Performance Python",
                "The Python Standard Library by Example"
            ]
        );
        assert_eq!(
            text(&client, "[data-book=fluent-python] .best").await,
            "Not taken yet"
        );

        // The home page's own Wasm hands over to the whole app here.
        click(&client, "[data-book=fluent-python] h2 a").await;
        wait_for_text(&client, "h1", |t| t == "Fluent Python").await;
        click(&client, "#quiz-length option[value='5']").await;
        click(&client, "#start-quiz").await;

        for number in 1..=5 {
            wait_for_text(&client, "#progress-label", |t| {
                t == format!("Question {number} of 5")
            })
            .await;
            let right = number % 2 == 1;
            // Typed and order questions may be drawn too: they have no
            // options, and their feedback shows the expected answer.
            let question = answer_question(&client, "fluent-python", right).await;
            let verdict = if right { "Correct." } else { "Not quite." };
            wait_for_text(&client, ".feedback .verdict", |t| t == verdict).await;
            let explained = match question.kind {
                QuestionKind::Typed => ".feedback .expected-output",
                QuestionKind::Order => ".feedback .correct-order .why",
                _ => ".option.right .why",
            };
            assert!(
                !text(&client, explained).await.is_empty(),
                "the correct answer is explained"
            );
            click(&client, "#next").await;
        }

        wait_for_text(&client, "#score", |t| t == "3 of 5 (60%)").await;
        wait_for_text(&client, ".review", |t| !t.is_empty()).await;
        assert_eq!(
            client
                .find_all(Locator::Css(".review-item"))
                .await
                .unwrap()
                .len(),
            5
        );
        let results_url = client.current_url().await.unwrap();
        assert!(
            results_url
                .fragment()
                .unwrap()
                .starts_with("/results/fluent-python-"),
            "{results_url}"
        );

        let stored = stored_progress(&client).await;
        assert_eq!(stored["schema"], 2);
        assert_eq!(stored["attempts"].as_array().unwrap().len(), 1);
        assert_eq!(
            stored["attempts"][0]["score"],
            serde_json::json!({"correct": 3, "total": 5})
        );

        client.refresh().await.unwrap();
        wait_for_text(&client, "#score", |t| t == "3 of 5 (60%)").await;
        client.goto(&site.url("#/")).await.unwrap();
        wait_for_text(&client, "[data-book=fluent-python] .best", |t| {
            t == "Best score: 3 of 5 (60%)"
        })
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_quiz_can_be_taken_with_the_keyboard_only() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/clean-architecture/quiz?count=3&seed=7"))
            .await
            .unwrap();
        for number in 1..=3 {
            wait_for_text(&client, "#progress-label", |t| {
                t == format!("Question {number} of 3")
            })
            .await;
            find(&client, "form.question").await;
            let mut focused = client.active_element().await.unwrap();
            assert_eq!(
                focused
                    .attr("type")
                    .await
                    .unwrap()
                    .as_deref()
                    .map(|t| t == "radio" || t == "checkbox"),
                Some(true),
                "focus lands on the first option"
            );
            for index in choices(&client, "clean-architecture", true).await {
                focused.send_keys(&(index + 1).to_string()).await.unwrap();
            }
            focused.send_keys(&Key::Enter.to_string()).await.unwrap();
            wait_for_text(&client, ".feedback .verdict", |t| t == "Correct.").await;
            find(&client, "#next").await;
            focused = client.active_element().await.unwrap();
            assert_eq!(
                focused.attr("id").await.unwrap().as_deref(),
                Some("next"),
                "focus moves to Next"
            );
            focused.send_keys(&Key::Enter.to_string()).await.unwrap();
        }
        wait_for_text(&client, "#score", |t| t == "3 of 3 (100%)").await;
    })
    .await;
}

#[tokio::test]
async fn deep_links_open_directly_and_bad_links_explain_themselves() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/high-performance-python"))
            .await
            .unwrap();
        wait_for_text(&client, "h1", |t| t == "High Performance Python").await;

        client
            .goto(&site.url("#/book/stdlib-by-example/quiz?count=2&seed=3"))
            .await
            .unwrap();
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 2").await;
        let first = question_on_screen(&client).await;
        client.refresh().await.unwrap();
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 2").await;
        assert_eq!(
            question_on_screen(&client).await,
            first,
            "the seed in the link draws the same quiz"
        );

        client
            .goto(&site.url("#/book/fluent-python/quiz?count=zero"))
            .await
            .unwrap();
        wait_for_text(&client, "[role=alert]", |t| {
            t.contains("count must be a whole number from 1 to 200, not \"zero\"")
        })
        .await;

        client.goto(&site.url("#/book/no-such-book")).await.unwrap();
        wait_for_text(&client, "h1", |t| t == "No such book").await;

        client
            .goto(&site.url("#/results/fluent-python-1"))
            .await
            .unwrap();
        wait_for_text(&client, "h1", |t| t == "No such result").await;
    })
    .await;
}

#[tokio::test]
async fn a_deep_link_opens_inside_an_iframe_and_survives_a_reload() {
    let host_page = r#"<!DOCTYPE html><html lang="en"><title>Course page</title>
        <iframe id="quiz" title="Quiz" width="800" height="600"
            src="/quiz/#/book/stdlib-by-example/quiz?count=2&amp;seed=5"></iframe></html>"#;
    let site = StaticSite::serve_with(&dist_dir(), |app| {
        std::fs::write(app.parent().unwrap().join("course.html"), host_page).unwrap();
    });
    with_browser(|client| async move {
        for _ in 0..2 {
            client.goto(&site.page_url("course.html")).await.unwrap();
            find(&client, "#quiz").await.enter_frame().await.unwrap();
            wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 2").await;
            client.enter_parent_frame().await.unwrap();
            client.refresh().await.unwrap();
        }
    })
    .await;
}

#[tokio::test]
async fn unreadable_progress_is_kept_aside_and_reported() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client.goto(&site.url("")).await.unwrap();
        find(&client, ".book-card").await;
        run_js(&client, &format!("localStorage.setItem('{PROGRESS_KEY}', '{{\"schema\":1,\"attem')")).await;
        client.refresh().await.unwrap();
        wait_for_text(&client, ".notice", |t| t.contains("could not be read")).await;
        let backups = run_js(
            &client,
            &format!("return Object.keys(localStorage).filter(k => k.startsWith('{PROGRESS_KEY}.unreadable.')).map(k => localStorage.getItem(k))"),
        )
        .await;
        assert_eq!(backups, serde_json::json!(["{\"schema\":1,\"attem"]));
        find(&client, ".book-card").await;
    })
    .await;
}

#[tokio::test]
async fn a_failed_start_shows_a_message_not_a_blank_page() {
    let site = StaticSite::serve_with(&dist_dir(), |site| {
        for entry in std::fs::read_dir(site).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "wasm") {
                std::fs::remove_file(path).unwrap();
            }
        }
    });
    with_browser(|client| async move {
        client.goto(&site.url("")).await.unwrap();
        wait_for_text(&client, "#boot-error", |t| {
            t.starts_with("The quiz could not start")
        })
        .await;
    })
    .await;
}

/// Takes a one-question quiz by clicking its first option.
async fn take_one_question_quiz(client: &Client, site: &StaticSite, book: &str, seed: u32) {
    client
        .goto(&site.url(&format!("#/book/{book}/quiz?count=1&seed={seed}")))
        .await
        .unwrap();
    click(client, ".options .option label").await;
    click(client, "#check").await;
    click(client, "#next").await;
    find(client, "#score").await;
}

#[tokio::test]
async fn attempts_finished_in_two_tabs_are_all_kept() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client.goto(&site.url("#/")).await.unwrap();
        find(&client, ".book-card").await;
        let first_tab = client.window().await.unwrap();
        let second_tab = client.new_window(true).await.unwrap().handle;

        client.switch_to_window(second_tab).await.unwrap();
        client.goto(&site.url("#/")).await.unwrap();
        find(&client, ".book-card").await;
        client.switch_to_window(first_tab.clone()).await.unwrap();
        take_one_question_quiz(&client, &site, "fluent-python", 1).await;

        let second_tab = client
            .windows()
            .await
            .unwrap()
            .into_iter()
            .find(|w| *w != first_tab)
            .unwrap();
        client.switch_to_window(second_tab).await.unwrap();
        wait_for_text(&client, "[data-book=fluent-python] .best", |t| {
            t.starts_with("Best score")
        })
        .await;
        take_one_question_quiz(&client, &site, "clean-architecture", 2).await;

        let stored = stored_progress(&client).await;
        let books: Vec<&str> = stored["attempts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["book"].as_str().unwrap())
            .collect();
        assert_eq!(books, ["fluent-python", "clean-architecture"]);
    })
    .await;
}

#[tokio::test]
async fn an_unfinished_quiz_survives_a_reload_and_is_offered_on_the_home_page() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        let quiz = site.url("#/book/architecture-patterns/quiz?count=3&seed=21");
        client.goto(&quiz).await.unwrap();
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 3").await;
        answer_question(&client, "architecture-patterns", true).await;
        find(&client, ".feedback.answered").await;

        client.refresh().await.unwrap();
        wait_for_text(&client, "#progress-label", |t| t == "Question 2 of 3").await;

        client.goto(&site.url("#/")).await.unwrap();
        wait_for_text(&client, ".resume", |t| {
            t.contains(
                "You have an unfinished Architecture Patterns with Python quiz: 1 of 3 answered.",
            )
        })
        .await;
        click(&client, "#resume").await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 2 of 3").await;
        for number in 2..=3 {
            wait_for_text(&client, "#progress-label", |t| {
                t == format!("Question {number} of 3")
            })
            .await;
            click(&client, ".options .option label").await;
            click(&client, "#check").await;
            click(&client, "#next").await;
        }
        wait_for_text(&client, "#score", |t| {
            t.ends_with("of 3 (33%)") || t.contains("of 3")
        })
        .await;
        assert_eq!(
            client
                .find_all(fantoccini::Locator::Css(".review-item"))
                .await
                .unwrap()
                .len(),
            3
        );
        assert!(
            !client
                .find_all(fantoccini::Locator::Css(".review-item.right"))
                .await
                .unwrap()
                .is_empty(),
            "the answer given before the reload counts"
        );
        client.goto(&site.url("#/")).await.unwrap();
        find(&client, ".book-card").await;
        assert!(client
            .find_all(fantoccini::Locator::Css(".resume"))
            .await
            .unwrap()
            .is_empty());

        client
            .goto(&site.url("#/book/fluent-python/quiz?count=2&seed=8"))
            .await
            .unwrap();
        click(&client, ".options .option label").await;
        click(&client, "#check").await;
        find(&client, ".feedback.answered").await;
        client.goto(&site.url("#/")).await.unwrap();
        click(&client, "#discard").await;
        find(&client, ".book-card").await;
        assert!(client
            .find_all(fantoccini::Locator::Css(".resume"))
            .await
            .unwrap()
            .is_empty());
        client.refresh().await.unwrap();
        find(&client, ".book-card").await;
        assert!(
            client
                .find_all(fantoccini::Locator::Css(".resume"))
                .await
                .unwrap()
                .is_empty(),
            "a discarded quiz stays gone"
        );
    })
    .await;
}

#[tokio::test]
async fn practice_can_be_limited_to_chosen_chapters() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/fluent-python"))
            .await
            .unwrap();
        click(&client, ".chapters input[value='21']").await;
        click(&client, ".chapters input[value='9']").await;
        click(&client, "#quiz-length option[value='5']").await;
        click(&client, "#start-quiz").await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 5").await;
        let url = client.current_url().await.unwrap();
        assert!(url.fragment().unwrap().ends_with("&chapters=9,21"), "{url}");
        let bank = bank("fluent-python");
        for number in 1..=5 {
            wait_for_text(&client, "#progress-label", |t| {
                t == format!("Question {number} of 5")
            })
            .await;
            let id = question_on_screen(&client).await;
            let chapter = &bank.question(&id).unwrap().chapter;
            assert!(
                chapter == "9" || chapter == "21",
                "{id} is from chapter {chapter}"
            );
            click(&client, ".options .option label").await;
            click(&client, "#check").await;
            click(&client, "#next").await;
        }
        find(&client, "#score").await;

        client
            .goto(&site.url("#/book/fluent-python/quiz?chapters=99"))
            .await
            .unwrap();
        wait_for_text(&client, "[role=alert]", |t| {
            t.contains("Fluent Python has no chapter \"99\"")
        })
        .await;
    })
    .await;
}

#[tokio::test]
async fn with_site_data_blocked_quizzes_still_run_and_the_app_says_scores_are_not_kept() {
    let site = StaticSite::serve(&dist_dir());
    e2e::with_browser_set_up(
        e2e::Scheme::Light,
        e2e::SiteData::Blocked,
        |client| async move {
            client.goto(&site.url("#/")).await.unwrap();
            let refused = run_js(
                &client,
                "try { localStorage.length; return false } catch (e) { return true }",
            )
            .await;
            assert_eq!(
                refused, true,
                "the browser refuses localStorage in this set-up"
            );
            wait_for_text(&client, ".notice", |t| {
                t.contains("Your progress cannot be saved in this browser")
            })
            .await;
            find(&client, ".book-card").await;
            take_one_question_quiz(&client, &site, "high-performance-python", 4).await;
            wait_for_text(&client, "#score", |t| t.contains(" of 1 (")).await;
            client.goto(&site.url("#/")).await.unwrap();
            wait_for_text(&client, "[data-book=high-performance-python] .best", |t| {
                t.starts_with("Best score: ")
            })
            .await;
        },
    )
    .await;
}
