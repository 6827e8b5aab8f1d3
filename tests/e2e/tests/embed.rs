//! The quiz embedded in another site's page with public/embed.js: the host
//! page and the app are served from two different origins (two ports of
//! 127.0.0.1), as a course site and the quiz's own site would be; an
//! embedded quiz pack comes from a third origin, the pack's host.

use std::path::Path;

use e2e::packs::{
    allow_connect_to, course_pack, hostile_pack, payload, signs_of_script, to_json, PACKS_KEY,
    PACK_PROGRESS_KEY,
};
use e2e::{
    answer_question, answer_question_of, click, dist_dir, find, run_js, text, wait_for_text,
    with_browser, StaticSite,
};
use fantoccini::Client;
use quiz_application::embed::EMBED_PARAMETERS;
use serde_json::{json, Value};

/// Writes `name` with `html` at the root of a served site, beside /quiz/.
fn host_page(name: &'static str, html: String) -> impl FnOnce(&Path) {
    move |app_dir| std::fs::write(app_dir.parent().unwrap().join(name), html).unwrap()
}

/// A course page embedding a two-question quiz with the loader, which logs
/// every quiz event the div dispatches.
fn course_page(app: &StaticSite, extra: &str) -> String {
    course_page_embedding(
        app,
        r#"data-quiz="fluent-python" data-count="2" data-seed="4""#,
        extra,
    )
}

/// A course page whose `#quiz` div has `attributes` for the loader.
fn course_page_embedding(app: &StaticSite, attributes: &str, extra: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Course</title></head>
<body><main><h1>A course page</h1>
<div id="quiz" {attributes}></div>
{extra}
</main>
<script>
window.received = [];
for (const type of ["quiz:ready", "quiz:answer", "quiz:complete"]) {{
    document.addEventListener(type, (event) => window.received.push({{ type, target: event.target.id, detail: event.detail }}));
}}
</script>
<script src="http://127.0.0.1:{port}/quiz/embed.js" defer></script>
</body></html>"#,
        port = app.port
    )
}

/// The host page's log of quiz events of one type, once there is one.
async fn events(client: &Client, event: &str) -> Vec<Value> {
    for _ in 0..100 {
        let found = run_js(
            client,
            &format!("return window.received.filter(e => e.type === '{event}')"),
        )
        .await;
        if let Some(found) = found.as_array().filter(|f| !f.is_empty()) {
            return found.clone();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the host page never received {event}")
}

async fn enter_quiz_frame(client: &Client) {
    find(client, "#quiz iframe")
        .await
        .enter_frame()
        .await
        .expect("the quiz frame");
}

/// Waits, from the host page, until the quiz frame is as tall as its
/// document, once the frame shows `shown`.
async fn wait_until_the_frame_fits(client: &Client, shown: &str) {
    let mut heights = (0, 1);
    for _ in 0..100 {
        enter_quiz_frame(client).await;
        find(client, shown).await;
        let inner = run_js(
            client,
            "return Math.ceil(document.documentElement.getBoundingClientRect().height)",
        )
        .await;
        client.enter_parent_frame().await.unwrap();
        let outer = run_js(
            client,
            "return document.querySelector('#quiz iframe').clientHeight",
        )
        .await;
        heights = (inner.as_u64().unwrap(), outer.as_u64().unwrap());
        if heights.0 == heights.1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(heights.0, heights.1, "(document, frame) heights");
    assert_ne!(heights.1, 320, "the frame left its initial 20rem");
}

#[tokio::test]
async fn the_frame_fits_its_content_and_the_host_hears_the_score() {
    let app = StaticSite::serve(&dist_dir());
    let host = StaticSite::serve_with(&dist_dir(), host_page("course.html", course_page(&app, "")));
    with_browser(|client| async move {
        client.goto(&host.page_url("course.html")).await.unwrap();
        let ready = events(&client, "quiz:ready").await;
        assert_eq!(ready[0]["target"], "quiz", "events are dispatched on the div");

        // The frame's height follows its document, without a scrollbar.
        wait_until_the_frame_fits(&client, ".options .option input").await;
        assert_eq!(
            run_js(&client, "return [document.activeElement === document.body, window.scrollY]").await,
            json!([true, 0]),
            "the quiz takes neither focus nor the host page's scroll before it is used"
        );

        enter_quiz_frame(&client).await;
        assert_eq!(
            run_js(&client, "return document.documentElement.scrollHeight <= window.innerHeight").await,
            json!(true),
            "nothing to scroll inside the frame"
        );
        assert!(
            client.find(fantoccini::Locator::Css(".site-header")).await.is_err(),
            "no site header in the frame"
        );
        answer_question(&client, "fluent-python", true).await;
        wait_for_text(&client, ".feedback .verdict", |t| t == "Correct.").await;
        click(&client, "#next").await;
        answer_question(&client, "fluent-python", false).await;
        wait_for_text(&client, ".feedback .verdict", |t| t == "Not quite.").await;
        click(&client, "#next").await;
        wait_for_text(&client, "#score", |t| t == "1 of 2 (50%)").await;
        client.enter_parent_frame().await.unwrap();

        let complete = events(&client, "quiz:complete").await;
        let detail = &complete[0]["detail"];
        assert_eq!(detail["protocol"], "python-architect-quiz");
        assert_eq!(detail["version"], 1);
        assert_eq!((detail["score"].clone(), detail["maximum"].clone()), (json!(1), json!(2)));
        assert_eq!(detail["results"].as_array().unwrap().len(), 2);
        assert_eq!(detail["results"][0]["correct"], true);
        assert_eq!(detail["results"][1]["correct"], false);
        let statement = &detail["statement"];
        assert_eq!(statement["verb"]["id"], "http://adlnet.gov/expapi/verbs/completed");
        assert_eq!(
            statement["object"]["id"],
            format!("http://127.0.0.1:{}/quiz/index.html#/book/fluent-python/quiz?count=2&seed=4", app.port)
        );
        assert_eq!(
            statement["result"]["score"],
            json!({ "raw": 1, "min": 0, "max": 2, "scaled": 0.5 })
        );
        assert!(statement["result"]["duration"].as_str().unwrap().starts_with("PT"));
        assert_eq!(
            statement["object"]["definition"]["name"]["en-US"],
            "Fluent Python quiz",
            "named by the book's title, though the whole app took over at the end"
        );
        let answers = run_js(&client, "return window.received.filter(e => e.type === 'quiz:answer').map(e => e.detail.correct)").await;
        assert_eq!(answers, json!([true, false]));
    })
    .await;
}

/// A page of a third site that posts a reset and a theme to every frame of
/// its parent when told to.
const THIRD_SITE_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Advert</title></head><body>
<script>
addEventListener("message", (event) => {
    if (event.data !== "attack") return;
    for (let i = 0; i < parent.frames.length; i++) {
        if (parent.frames[i] === window) continue;
        for (const command of [{ type: "reset" }, { type: "set-theme", theme: "dark" }]) {
            parent.frames[i].postMessage({ protocol: "python-architect-quiz", version: 1, ...command }, "*");
        }
    }
});
</script></body></html>"#;

#[tokio::test]
async fn commands_are_obeyed_from_the_host_origin_only() {
    let app = StaticSite::serve(&dist_dir());
    let third = StaticSite::serve_with(
        &dist_dir(),
        host_page("advert.html", THIRD_SITE_PAGE.into()),
    );
    let advert = format!(
        r#"<iframe id="advert" title="Advert" src="{}"></iframe>"#,
        third.page_url("advert.html")
    );
    let host = StaticSite::serve_with(
        &dist_dir(),
        host_page("course.html", course_page(&app, &advert)),
    );
    with_browser(|client| async move {
        client.goto(&host.page_url("course.html")).await.unwrap();
        events(&client, "quiz:ready").await;
        enter_quiz_frame(&client).await;
        answer_question(&client, "fluent-python", true).await;
        click(&client, "#next").await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 2 of 2").await;
        // Listens after the app, so once it has seen the third site's
        // messages the app has handled them too.
        run_js(&client, "window.senders = []; addEventListener('message', (e) => window.senders.push(e.origin))").await;
        client.enter_parent_frame().await.unwrap();

        run_js(&client, "document.getElementById('advert').contentWindow.postMessage('attack', '*')").await;
        enter_quiz_frame(&client).await;
        let third_origin = format!("http://127.0.0.1:{}", third.port);
        for _ in 0..100 {
            let senders = run_js(&client, "return window.senders").await;
            if senders.as_array().unwrap().iter().filter(|s| **s == json!(third_origin)).count() == 2 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(
            run_js(&client, "return window.senders.length").await,
            json!(2),
            "both commands of the third site arrived"
        );
        assert_eq!(text(&client, "#progress-label").await, "Question 2 of 2", "no reset from a third site");
        assert_eq!(
            run_js(&client, "return document.documentElement.dataset.theme ?? null").await,
            Value::Null,
            "no theme from a third site"
        );
        client.enter_parent_frame().await.unwrap();

        let post = |command: &str| {
            format!(
                "document.querySelector('#quiz iframe').contentWindow.postMessage({{ protocol: 'python-architect-quiz', version: 1, {command} }}, 'http://127.0.0.1:{}')",
                app.port
            )
        };
        run_js(&client, &post("type: 'set-theme', theme: 'dark'")).await;
        run_js(&client, &post("type: 'reset'")).await;
        enter_quiz_frame(&client).await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 2").await;
        assert_eq!(
            run_js(&client, "return document.documentElement.dataset.theme").await,
            json!("dark"),
            "the host's theme"
        );
    })
    .await;
}

#[tokio::test]
async fn a_sandboxed_frame_runs_the_quiz_in_memory_and_says_so() {
    let app = StaticSite::serve_to_every_origin(&dist_dir());
    let frame = format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Course</title></head>
<body><main><h1>A sandboxing course page</h1>
<iframe id="quiz" title="Quiz" sandbox="allow-scripts" style="width: 100%; height: 40rem"
    src="{}"></iframe></main></body></html>"#,
        app.url("index.html#/embed?book=fluent-python&count=1&seed=4&explanations=hide")
    );
    let host = StaticSite::serve_with(&dist_dir(), host_page("course.html", frame));
    with_browser(|client| async move {
        client.goto(&host.page_url("course.html")).await.unwrap();
        find(&client, "#quiz").await.enter_frame().await.unwrap();
        wait_for_text(&client, ".notice", |t| t.contains("cannot be saved")).await;
        answer_question(&client, "fluent-python", true).await;
        wait_for_text(&client, "#score", |t| t == "1 of 1 (100%)").await;
        assert!(
            client
                .find(fantoccini::Locator::Css(".feedback"))
                .await
                .is_err(),
            "explanations=hide shows no feedback"
        );
    })
    .await;
}

#[tokio::test]
async fn a_malformed_embed_link_lists_the_parameters() {
    let app = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&app.url("#/embed?book=fluent-python&colour=red"))
            .await
            .unwrap();
        assert_eq!(
            text(&client, "[role=alert]").await,
            "The embed link is not valid: there is no parameter \"colour\"."
        );
        let listed = run_js(
            &client,
            "return [...document.querySelectorAll('.embed-parameters dt')].map(dt => dt.textContent)",
        )
        .await;
        let parameters: Vec<&str> = EMBED_PARAMETERS.iter().map(|(name, _)| *name).collect();
        assert_eq!(listed, json!(parameters));
    })
    .await;
}

/// The pack's host (CORS allowed), the app (allowed to fetch from it), and
/// the course page embedding the pack at `name` with `attributes` besides
/// `data-pack`: three origins.
fn three_sites(
    files: Vec<(String, String)>,
    name: &str,
    attributes: &str,
) -> (StaticSite, StaticSite, StaticSite) {
    let packs = StaticSite::serve_files(files, true);
    let app = StaticSite::serve_with(&dist_dir(), allow_connect_to(packs.origin()));
    let div = format!(r#"data-pack="{}" {attributes}"#, packs.page_url(name));
    let host = StaticSite::serve_with(
        &dist_dir(),
        host_page("course.html", course_page_embedding(&app, &div, "")),
    );
    (packs, app, host)
}

#[tokio::test]
async fn an_embedded_pack_fits_its_frame_and_the_host_hears_its_score_and_identity() {
    let pack = course_pack();
    let (packs, app, host) = three_sites(
        vec![("week-1.json".into(), to_json(&pack))],
        "week-1.json",
        r#"data-count="2" data-seed="4""#,
    );
    with_browser(|client| async move {
        client.goto(&host.page_url("course.html")).await.unwrap();
        events(&client, "quiz:ready").await;
        wait_until_the_frame_fits(&client, ".options .option input, #typed-answer, .steps").await;

        enter_quiz_frame(&client).await;
        assert_eq!(text(&client, ".quiz-title").await, "Week 1 of a Python course quiz");
        answer_question_of(&client, &pack, true).await;
        wait_for_text(&client, ".feedback .verdict", |t| t == "Correct.").await;
        click(&client, "#next").await;
        answer_question_of(&client, &pack, false).await;
        wait_for_text(&client, ".feedback .verdict", |t| t == "Not quite.").await;
        click(&client, "#next").await;
        wait_for_text(&client, "#score", |t| t == "1 of 2 (50%)").await;
        let stored = run_js(
            &client,
            &format!("return [localStorage.getItem('{PACKS_KEY}'), localStorage.getItem('{PACK_PROGRESS_KEY}')]"),
        )
        .await;
        assert_eq!(stored[0], Value::Null, "an embedded pack is not put on the shelf");
        assert!(
            stored[1].as_str().is_some_and(|p| p.contains("\"course-pack\"")),
            "the attempt is recorded with the packs' progress: {}",
            stored[1]
        );
        client.enter_parent_frame().await.unwrap();

        let complete = events(&client, "quiz:complete").await;
        let detail = &complete[0]["detail"];
        assert_eq!((detail["score"].clone(), detail["maximum"].clone()), (json!(1), json!(2)));
        let answered: Vec<&str> = detail["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["question"].as_str().unwrap())
            .collect();
        assert!(
            answered.iter().all(|id| pack.question(id).is_some()),
            "the pack's questions: {answered:?}"
        );
        let statement = &detail["statement"];
        assert_eq!(
            statement["object"]["id"],
            format!(
                "http://127.0.0.1:{}/quiz/index.html#/embed?pack={}&count=2&seed=4",
                app.port,
                packs.page_url("week-1.json")
            ),
            "the activity is the pack's embed link, which draws the same questions"
        );
        assert_eq!(
            statement["object"]["definition"]["name"]["en-US"],
            "Week 1 of a Python course quiz"
        );
        assert_eq!(
            statement["result"]["score"],
            json!({ "raw": 1, "min": 0, "max": 2, "scaled": 0.5 })
        );
    })
    .await;
}

#[tokio::test]
async fn a_refused_pack_shows_its_problems_in_a_frame_that_still_fits() {
    let mut broken = course_pack();
    broken.book.id = payload("book id");
    let duplicate = broken.questions[0].id.clone();
    broken.questions[1].id = duplicate.clone();
    let both = r#"<div id="both" data-quiz="fluent-python" data-pack="https://course.example/p.json"></div>"#;
    let packs = StaticSite::serve_files(vec![("broken.json".into(), to_json(&broken))], true);
    let app = StaticSite::serve_with(&dist_dir(), allow_connect_to(packs.origin()));
    let div = format!(r#"data-pack="{}""#, packs.page_url("broken.json"));
    let host = StaticSite::serve_with(
        &dist_dir(),
        host_page("course.html", course_page_embedding(&app, &div, both)),
    );
    with_browser(|client| async move {
        client.goto(&host.page_url("course.html")).await.unwrap();
        events(&client, "quiz:ready").await;
        wait_until_the_frame_fits(&client, "#pack-problems").await;
        enter_quiz_frame(&client).await;
        let problems = text(&client, "#pack-problems").await;
        assert!(problems.starts_with("The pack was not loaded:"), "{problems}");
        for expected in [
            format!("question \"{duplicate}\": field \"id\": this id is used twice"),
            "field \"book.id\": book id \"<img src=x onerror=".to_owned(),
        ] {
            assert!(problems.contains(&expected), "{expected:?} in {problems:?}");
        }
        assert_eq!(
            text(&client, ".pack-source code").await,
            packs.page_url("broken.json")
        );
        assert_eq!(signs_of_script(&client).await, Vec::<String>::new());
        assert_eq!(
            run_js(&client, &format!("return localStorage.getItem('{PACKS_KEY}')")).await,
            Value::Null
        );
        client.enter_parent_frame().await.unwrap();

        find(&client, "#both iframe").await.enter_frame().await.unwrap();
        assert_eq!(
            text(&client, "[role=alert]").await,
            "The embed link is not valid: book and pack are both given: the embed link takes one of them."
        );
    })
    .await;
}

#[tokio::test]
async fn payloads_in_an_embedded_pack_show_as_text_and_never_run() {
    let pack = hostile_pack();
    let (_packs, _app, host) = three_sites(
        vec![("xss.json".into(), to_json(&pack))],
        "xss.json",
        r#"data-count="4" data-seed="1""#,
    );
    with_browser(|client| async move {
        client.goto(&host.page_url("course.html")).await.unwrap();
        events(&client, "quiz:ready").await;
        enter_quiz_frame(&client).await;
        wait_for_text(&client, ".quiz-title", |t| {
            t == format!("{} quiz", payload("title"))
        })
        .await;
        let mut seen = String::new();
        let mut signs = Vec::new();
        for _ in 0..4 {
            find(&client, "form.question").await;
            answer_question_of(&client, &pack, true).await;
            find(&client, ".feedback.answered").await;
            let main = run_js(&client, "return document.querySelector('main').innerText").await;
            seen.push_str(main.as_str().unwrap_or_default());
            signs.extend(signs_of_script(&client).await);
            click(&client, "#next").await;
        }
        wait_for_text(&client, "#score", |t| t == "4 of 4 (100%)").await;
        signs.extend(signs_of_script(&client).await);
        client.enter_parent_frame().await.unwrap();
        assert_eq!(
            run_js(&client, "return String(window.__pwned)").await,
            "undefined",
            "nothing ran in the host page"
        );
        assert_eq!(
            signs,
            Vec::<String>::new(),
            "something of the pack ran in the frame"
        );
        for question in &pack.questions {
            for field in ["prompt", "explanation"] {
                let shown = payload(&format!("{} {field}", question.id));
                assert!(
                    seen.contains(&shown),
                    "{} {field} is shown as text",
                    question.id
                );
            }
        }
        let complete = events(&client, "quiz:complete").await;
        assert_eq!(
            complete[0]["detail"]["statement"]["object"]["definition"]["name"]["en-US"],
            format!("{} quiz", payload("title")),
            "the title reaches the host as text"
        );
    })
    .await;
}
