//! The app's views in the order a person meets them, for tests that visit
//! every one (accessibility, layout, console and CSP checks).

use fantoccini::Client;

use crate::packs::{course_pack, load_link, to_json};
use crate::{click, find, run_js, wait_for_text, StaticSite};

/// Brings the browser to one view state.
pub async fn open_view(client: &Client, site: &StaticSite, view: &str) {
    match view {
        "home" => {
            client.goto(&site.url("#/")).await.unwrap();
            find(client, ".book-card").await;
        }
        "book" => {
            client
                .goto(&site.url("#/book/fluent-python"))
                .await
                .unwrap();
            find(client, "#start-quiz").await;
        }
        "question" => {
            client
                .goto(&site.url("#/book/fluent-python/quiz?count=2&seed=4"))
                .await
                .unwrap();
            find(client, ".options .option input").await;
        }
        "feedback" => {
            click(client, ".options .option label").await;
            click(client, "#check").await;
            find(client, ".feedback.answered").await;
        }
        "results" => {
            click(client, "#next").await;
            click(client, ".options .option label").await;
            click(client, "#check").await;
            click(client, "#next").await;
            wait_for_text(client, ".review", |t| !t.is_empty()).await;
        }
        "progress" => {
            client.goto(&site.url("#/progress")).await.unwrap();
            find(client, ".mastery-grid .cell").await;
        }
        "reset-confirmation" => {
            click(client, "#reset-fluent-python").await;
            find(client, "#reset-fluent-python-confirm").await;
        }
        "storage-notice" => {
            run_js(
                client,
                "localStorage.setItem('python-architect-quiz.progress', 'not json')",
            )
            .await;
            client.goto(&site.url("#/")).await.unwrap();
            client.refresh().await.unwrap();
            find(client, ".notice").await;
            find(client, ".book-card").await;
        }
        "resume-offer" => {
            client
                .goto(&site.url("#/book/clean-architecture/quiz?count=2&seed=3"))
                .await
                .unwrap();
            click(client, ".options .option label").await;
            click(client, "#check").await;
            find(client, ".feedback.answered").await;
            client.goto(&site.url("#/")).await.unwrap();
            find(client, ".resume").await;
        }
        "invalid-link" => {
            client
                .goto(&site.url("#/book/fluent-python/quiz?count=x"))
                .await
                .unwrap();
            find(client, "[role=alert]").await;
        }
        "interview-setup" => {
            client.goto(&site.url("#/interview")).await.unwrap();
            find(client, "#start-exam").await;
        }
        "exam" => {
            client
                .goto(&site.url(
                    "#/interview/exam?books=fluent-python,stdlib-by-example&count=2&minutes=10&seed=1",
                ))
                .await
                .unwrap();
            find(client, ".exam .options .option input").await;
        }
        "interview-report" => {
            for _ in 0..2 {
                click(client, "form.question .options .option label").await;
                click(client, "#check").await;
            }
            wait_for_text(client, "#score", |t| {
                t.ends_with("of 2 (0%)") || t.contains(" of 2 ")
            })
            .await;
            find(client, ".review").await;
        }
        "embed" => {
            client
                .goto(&site.url("#/embed?book=fluent-python&count=2&seed=4&theme=auto"))
                .await
                .unwrap();
            find(client, ".options .option input").await;
        }
        "embed-invalid" => {
            client
                .goto(&site.url("#/embed?book=fluent-python&count=many"))
                .await
                .unwrap();
            find(client, ".embed-parameters").await;
        }
        "pack-book" => {
            // Served beside the app: same origin, so the policy allows it.
            std::fs::write(
                site.app_dir().join("course-pack.json"),
                to_json(&course_pack()),
            )
            .unwrap();
            let url = site.url("course-pack.json");
            client.goto(&site.url(&load_link(&url))).await.unwrap();
            find(client, "#start-quiz").await;
        }
        "packs" => {
            client.goto(&site.url("#/packs")).await.unwrap();
            find(client, "[data-pack=course-pack]").await;
        }
        "pack-problems" => {
            client
                .goto(&site.url("#/pack?url=javascript:alert(1)"))
                .await
                .unwrap();
            find(client, "#pack-problems").await;
        }
        "embed-pack" => {
            // The pack the "pack-book" view wrote beside the app.
            let url = site.url("course-pack.json");
            client
                .goto(&site.url(&format!("#/embed?pack={url}&count=2&seed=4")))
                .await
                .unwrap();
            find(client, ".options .option input").await;
        }
        "embed-pack-problems" => {
            let mut pack = course_pack();
            pack.questions[1].id = pack.questions[0].id.clone();
            std::fs::write(site.app_dir().join("broken-pack.json"), to_json(&pack)).unwrap();
            let url = site.url("broken-pack.json");
            client
                .goto(&site.url(&format!("#/embed?pack={url}")))
                .await
                .unwrap();
            find(client, "#pack-problems").await;
        }
        other => panic!("unknown view {other}"),
    }
}

/// In the order a person meets them: each builds on the one before.
pub const VIEWS: [&str; 20] = [
    "home",
    "book",
    "question",
    "feedback",
    "results",
    "progress",
    "reset-confirmation",
    "storage-notice",
    "resume-offer",
    "invalid-link",
    "interview-setup",
    "exam",
    "interview-report",
    "embed",
    "embed-invalid",
    "pack-book",
    "packs",
    "pack-problems",
    "embed-pack",
    "embed-pack-problems",
];
