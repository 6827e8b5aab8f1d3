//! The progress page in headless Chromium: history, charts and mastery,
//! practice of a weak topic, reset, and export then import across a
//! cleared browser.

use e2e::transfer::{export, import};
use e2e::{
    bank, click, dist_dir, find, question_on_screen, run_js, text, wait_for_text, with_browser,
    StaticSite,
};
use fantoccini::{Client, Locator};

const PROGRESS_KEY: &str = "python-architect-quiz.progress";

/// Takes a quiz by clicking the first option shown each time. (The
/// keyboard flow has its own test in quiz.rs; focus does not move in a
/// background tab, which the two-tab test below uses.)
async fn take_quiz(client: &Client, site: &StaticSite, book: &str, count: u32, seed: u32) {
    client
        .goto(&site.url(&format!("#/book/{book}/quiz?count={count}&seed={seed}")))
        .await
        .unwrap();
    for _ in 0..count {
        click(
            client,
            "form.question:not(.answered) .options .option label",
        )
        .await;
        click(client, "#check").await;
        click(client, "#next").await;
    }
    find(client, "#score").await;
}

async fn stored_attempt_ids(client: &Client) -> Vec<String> {
    let raw = run_js(
        client,
        &format!("return localStorage.getItem('{PROGRESS_KEY}')"),
    )
    .await;
    let Some(raw) = raw.as_str() else {
        return Vec::new();
    };
    let stored: serde_json::Value = serde_json::from_str(raw).expect("stored progress is JSON");
    let mut ids: Vec<String> = stored["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

async fn count(client: &Client, css: &str) -> usize {
    client.find_all(Locator::Css(css)).await.unwrap().len()
}

#[tokio::test]
async fn the_progress_page_charts_scores_shows_mastery_and_practises_a_weak_topic() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        take_quiz(&client, &site, "fluent-python", 3, 1).await;
        take_quiz(&client, &site, "fluent-python", 2, 2).await;
        click(&client, "nav a[href='#/progress']").await;
        let section = "[data-book=fluent-python]";
        find(&client, &format!("{section} .mastery-grid .cell")).await;
        assert_eq!(
            count(&client, ".book-progress").await,
            1,
            "only books with history"
        );
        assert_eq!(
            count(&client, &format!("{section} .score-chart circle")).await,
            2
        );
        let caption = text(&client, &format!("{section} figcaption")).await;
        assert!(caption.contains("last 2 attempts"), "{caption}");
        let chart_label = run_js(
            &client,
            "return document.querySelector('.score-chart').getAttribute('aria-label')",
        )
        .await;
        assert_eq!(
            chart_label.as_str(),
            Some(caption.as_str()),
            "screen readers hear the summary"
        );
        assert!(text(&client, &format!("{section} .stats"))
            .await
            .starts_with("2 attempts"));
        assert_eq!(
            count(
                &client,
                &format!("{section} .mastery-grid[aria-label] .cell")
            )
            .await,
            bank("fluent-python").chapters.len()
        );
        assert_eq!(
            count(&client, &format!("{section} table.recent tbody tr")).await,
            2
        );

        let link = find(&client, ".weak-topics a").await;
        let topic = link
            .text()
            .await
            .unwrap()
            .trim_start_matches("Practise ")
            .to_owned();
        link.click().await.unwrap();
        let question = question_on_screen(&client).await;
        let bank = bank("fluent-python");
        assert!(
            bank.question(&question).unwrap().topics.contains(&topic),
            "{question} is about {topic}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_book_is_reset_only_after_confirmation() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        take_quiz(&client, &site, "fluent-python", 1, 1).await;
        take_quiz(&client, &site, "clean-architecture", 1, 1).await;
        client.goto(&site.url("#/progress")).await.unwrap();
        find(&client, "#reset-fluent-python")
            .await
            .click()
            .await
            .unwrap();
        find(&client, "#reset-fluent-python-confirm:focus").await;
        click(&client, ".confirm button:not(.danger)").await;
        find(&client, "#reset-fluent-python")
            .await
            .click()
            .await
            .unwrap();
        find(&client, "#reset-fluent-python-confirm")
            .await
            .click()
            .await
            .unwrap();
        wait_for_text(&client, ".progress-page", |t| !t.contains("Fluent Python")).await;
        let ids = stored_attempt_ids(&client).await;
        assert_eq!(ids.len(), 1);
        assert!(ids[0].starts_with("clean-architecture-"), "{ids:?}");
        client.refresh().await.unwrap();
        find(&client, "[data-book=clean-architecture]").await;
        assert_eq!(count(&client, "[data-book=fluent-python]").await, 0);
    })
    .await;
}

#[tokio::test]
async fn progress_from_two_tabs_is_exported_cleared_and_imported_back() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        take_quiz(&client, &site, "fluent-python", 2, 5).await;
        let first_tab = client.window().await.unwrap();
        let second_tab = client.new_window(true).await.unwrap().handle;
        client.switch_to_window(second_tab).await.unwrap();
        take_quiz(&client, &site, "clean-architecture", 1, 6).await;
        client.switch_to_window(first_tab).await.unwrap();
        take_quiz(&client, &site, "high-performance-python", 1, 7).await;
        let before = stored_attempt_ids(&client).await;
        assert_eq!(before.len(), 3, "{before:?}");

        client.goto(&site.url("#/progress")).await.unwrap();
        find(&client, "[data-book=clean-architecture]").await;
        let file = export(&client).await;
        run_js(&client, "localStorage.clear()").await;
        client.refresh().await.unwrap();
        wait_for_text(&client, ".progress-page", |t| {
            t.contains("No quiz finished yet")
        })
        .await;

        let refused = import(&client, "{\"not\": \"an export\"}", "other.json").await;
        assert!(refused.contains("not a progress file"), "{refused}");
        assert_eq!(stored_attempt_ids(&client).await, Vec::<String>::new());

        let report = import(&client, &file, "progress.json").await;
        assert!(report.starts_with("Imported 3 attempts"), "{report}");
        assert_eq!(stored_attempt_ids(&client).await, before);
        find(&client, "[data-book=high-performance-python] .score-chart").await;

        let again = import(&client, &file, "progress.json").await;
        assert!(again.starts_with("Nothing new to import"), "{again}");
        assert_eq!(stored_attempt_ids(&client).await, before);
    })
    .await;
}
