//! After one visit the whole app, every bank included, works with the
//! server gone; a new release is installed in the background and taken
//! only when the person reloads into it.

use e2e::{
    click, dist_dir, find, question_on_screen, run_js, wait_for_offline_support, wait_for_text,
    with_browser, StaticSite,
};

#[tokio::test]
async fn after_one_visit_every_book_works_offline() {
    let mut site = StaticSite::serve(&dist_dir());
    let home = site.url("#/");
    let quiz = site.url("#/book/high-performance-python/quiz?count=2&seed=9");
    with_browser(|client| async move {
        client.goto(&home).await.unwrap();
        find(&client, ".book-card").await;
        wait_for_offline_support(&client).await;
        site.stop();

        client.refresh().await.unwrap();
        wait_for_text(&client, "[data-book=fluent-python] h2", |t| {
            t == "Fluent Python"
        })
        .await;
        // Leaving home loads the whole app's Wasm, from the cache too.
        click(&client, "[data-book=fluent-python] h2 a").await;
        wait_for_text(&client, "h1", |t| t == "Fluent Python").await;
        client.goto(&quiz).await.unwrap();
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 2").await;
        assert!(question_on_screen(&client).await.starts_with("hpp-"));
    })
    .await;
}

#[tokio::test]
async fn a_new_release_waits_until_the_person_reloads_into_it() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client.goto(&site.url("#/")).await.unwrap();
        find(&client, ".book-card").await;
        wait_for_offline_support(&client).await;

        // Deploy a "new release": a changed page and its new worker.
        let app = site.app_dir();
        let index = std::fs::read_to_string(app.join("index.html")).unwrap();
        std::fs::write(
            app.join("index.html"),
            index.replace("<title>", "<meta name=\"release\" content=\"next\"><title>"),
        )
        .unwrap();
        let worker = std::fs::read_to_string(app.join("sw.js")).unwrap();
        std::fs::write(
            app.join("sw.js"),
            worker.replacen("const RELEASE = \"", "const RELEASE = \"next-", 1),
        )
        .unwrap();

        client.refresh().await.unwrap();
        find(&client, ".book-card").await;
        let release = "return document.querySelector('meta[name=release]')?.content ?? 'first'";
        assert_eq!(
            run_js(&client, release).await,
            "first",
            "the old release still serves the page"
        );
        let banner = find(&client, "#new-release").await;
        wait_for_text(&client, "#new-release", |t| {
            t.contains("A new version of the quiz is ready")
        })
        .await;
        assert!(banner.is_displayed().await.unwrap());

        click(&client, "#new-release-reload").await;
        find(&client, ".book-card").await;
        let mut now = serde_json::Value::Null;
        for _ in 0..50 {
            now = run_js(&client, release).await;
            if now == "next" {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(
            now, "next",
            "after the reload the new release serves the page"
        );
        assert!(!find(&client, "#new-release")
            .await
            .is_displayed()
            .await
            .unwrap());
    })
    .await;
}
