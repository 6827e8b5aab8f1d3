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

/// On a first visit nothing competes with the first question: the service
/// worker is not even registered until the question's bank has arrived and
/// the question is drawn, and it then keeps the Wasm the page downloaded
/// instead of downloading it a second time.
#[tokio::test]
async fn a_first_visit_downloads_the_release_only_after_the_first_question() {
    // What the first question waits for: the bank's questions.
    let held = "banks/fluent-python.questions.json";
    let site = StaticSite::serve_holding(&dist_dir(), held);
    let quiz = site.url("#/book/fluent-python/quiz?count=3&seed=5");
    with_browser(|client| async move {
        client.goto(&quiz).await.unwrap();
        // The app is running and waits for the held bank.
        find(&client, "main").await;
        for _ in 0..100 {
            if site.requests().iter().any(|r| r == held) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        // Time enough for an eager worker to register and start its
        // downloads, had it been started with the page.
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        let registered = run_js(
            &client,
            "return navigator.serviceWorker.getRegistration().then(r => r !== undefined)",
        )
        .await;
        assert_eq!(
            registered,
            serde_json::json!(false),
            "registered while the bank was held"
        );
        let before = site.requests();
        assert!(before.iter().any(|r| r == held), "{before:?}");
        assert!(!before.iter().any(|r| r == "sw.js"), "{before:?}");

        site.release();
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 3").await;
        wait_for_offline_support(&client).await;
        let requests = site.requests();
        let released = requests
            .iter()
            .position(|r| r == "RELEASED")
            .expect("released");
        let worker = requests
            .iter()
            .position(|r| r == "sw.js")
            .expect("the worker is fetched");
        assert!(worker > released, "{requests:?}");
        // The worker kept the other books, so it did download the release.
        assert!(
            requests[released..]
                .iter()
                .any(|r| r == "banks/stdlib-by-example.json"),
            "{requests:?}"
        );
        // Three Wasm builds: the quiz's, which the page fetched, and the
        // whole app's and the home page's, which the worker added.
        let all_wasm: Vec<&String> = requests
            .iter()
            .filter(|r| r.ends_with("_bg.wasm"))
            .collect();
        let mut each_wasm = all_wasm.clone();
        each_wasm.sort();
        each_wasm.dedup();
        assert_eq!(
            (each_wasm.len(), all_wasm.len()),
            (3, 3),
            "each Wasm once, the page's not again for the cache: {requests:?}"
        );
    })
    .await;
}
