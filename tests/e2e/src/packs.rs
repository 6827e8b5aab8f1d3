//! Helpers for the tests of quiz packs: a sound pack made from a shipped
//! bank, a pack with script payloads in every field it shows, an app whose policy lets it fetch from a test course site (served
//! over plain HTTP on 127.0.0.1, which `connect-src https:` does not
//! cover, as a course site serving packs over plain HTTP would need), and
//! the checks that nothing a pack carries ever ran.

use std::path::Path;

use fantoccini::Client;
use quiz_application::packs::PackUrl;
use quiz_application::Route;
use quiz_domain::{AnswerOption, Bank, Chapter, Question, QuestionKind};

use crate::{bank, console_messages, run_js};

pub const PACKS_KEY: &str = "python-architect-quiz.packs";
pub const PACK_PROGRESS_KEY: &str = "python-architect-quiz.pack-progress";

/// A sound pack: the first chapter of Fluent Python's bank under an id,
/// title and author of a course.
pub fn course_pack() -> Bank {
    let mut pack = bank("fluent-python");
    pack.chapters.truncate(1);
    let chapter = pack.chapters[0].id.clone();
    pack.questions.retain(|q| q.chapter == chapter);
    pack.questions.truncate(4);
    pack.book.id = "course-pack".into();
    pack.book.title = "Week 1 of a Python course".into();
    pack.book.authors = "A course author".into();
    pack.book.summary = "Questions the course gives for its first week.".into();
    pack
}

/// What the payloads try: each sets `window.__pwned` to the field it sits
/// in, by an image's error handler, a script, an SVG's load handler, a
/// `javascript:` link and a frame breaking out of an attribute.
pub fn payload(field: &str) -> String {
    format!(
        "<img src=x onerror=\"window.__pwned='{field}'\"><script>window.__pwned='{field}'</script><svg onload=\"window.__pwned='{field}'\"><a href=\"javascript:window.__pwned='{field}'\">{field}</a>\"><iframe srcdoc=\"<script>parent.__pwned='{field}'</script>\">"
    )
}

/// Every text field the app shows, each carrying its payload.
pub fn hostile_pack() -> Bank {
    let option = |text: String, correct: bool, why: String| AnswerOption {
        text,
        correct,
        why,
        fixed: false,
    };
    let question = |id: &str, kind: QuestionKind| Question {
        id: id.into(),
        chapter: "c1".into(),
        topics: vec!["payloads".into()],
        difficulty: 1,
        kind,
        prompt: payload(&format!("{id} prompt")),
        code: None,
        explanation: Some(payload(&format!("{id} explanation"))),
        reread: Some(payload(&format!("{id} reread"))),
        read: Vec::new(),
        options: Vec::new(),
        accept: Vec::new(),
    };
    let mut pack = course_pack();
    pack.book.id = "xss-pack".into();
    pack.book.title = payload("title");
    pack.book.authors = payload("authors");
    pack.book.edition = Some(payload("edition"));
    pack.book.summary = payload("summary");
    pack.chapters = vec![Chapter {
        id: "c1".into(),
        title: payload("chapter title"),
    }];
    pack.questions = vec![
        Question {
            code: Some(payload("x-single code")),
            options: vec![
                option(
                    payload("x-single option 1"),
                    true,
                    payload("x-single why 1"),
                ),
                option(
                    payload("x-single option 2"),
                    false,
                    payload("x-single why 2"),
                ),
            ],
            ..question("x-single", QuestionKind::Single)
        },
        Question {
            code: Some(payload("x-output code")),
            options: vec![
                option(
                    payload("x-output literal 1"),
                    true,
                    payload("x-output why 1"),
                ),
                option(
                    payload("x-output literal 2"),
                    false,
                    payload("x-output why 2"),
                ),
            ],
            ..question("x-output", QuestionKind::Output)
        },
        Question {
            code: Some(payload("x-typed code")),
            accept: vec![payload("x-typed accept")],
            ..question("x-typed", QuestionKind::Typed)
        },
        Question {
            options: (1..=3)
                .map(|n| {
                    option(
                        payload(&format!("x-order step {n}")),
                        false,
                        payload(&format!("x-order why {n}")),
                    )
                })
                .collect(),
            ..question("x-order", QuestionKind::Order)
        },
    ];
    pack
}

pub fn to_json(pack: &Bank) -> String {
    serde_json::to_string(pack).expect("a pack serialises")
}

/// Lets the served app fetch from `origin` too, as a host serving packs
/// over plain HTTP would have to allow.
pub fn allow_connect_to(origin: String) -> impl FnOnce(&Path) {
    move |app_dir| {
        let index = app_dir.join("index.html");
        let html = std::fs::read_to_string(&index).unwrap();
        let widened = html.replace(
            "connect-src 'self' https:",
            &format!("connect-src 'self' https: {origin}"),
        );
        assert_ne!(html, widened, "the policy has connect-src 'self' https:");
        std::fs::write(index, widened).unwrap();
    }
}

/// The app's link that loads the pack at `url`.
pub fn load_link(url: &str) -> String {
    Route::LoadPack(PackUrl::parse(url)).to_hash()
}

/// Everything that shows a script of a pack ran or was about to: the
/// global the payloads set, elements no pack may create, a dialog, and
/// Content-Security-Policy reports in the console (the policy would block
/// an inline handler, but the handler must never reach the page at all).
pub async fn signs_of_script(client: &Client) -> Vec<String> {
    let mut signs = Vec::new();
    if let Ok(text) = client.get_alert_text().await {
        signs.push(format!("a dialog opened: {text}"));
        let _ = client.dismiss_alert().await;
    }
    let found = run_js(
        client,
        "return [String(window.__pwned), document.title,
            [...document.querySelectorAll('main img, main svg:not(.score-chart), main iframe, main script, main object, main embed, main a[href^=javascript], main [onerror], main [onload], main [onclick], main [onmouseover], main [srcdoc]')].map(e => e.outerHTML.slice(0, 80))]",
    )
    .await;
    if found[0] != "undefined" {
        signs.push(format!("window.__pwned was set by {}", found[0]));
    }
    if found[1] != "Python Architect Quiz" {
        signs.push(format!("the title changed to {}", found[1]));
    }
    for element in found[2].as_array().into_iter().flatten() {
        signs.push(format!("an element a pack may not make: {element}"));
    }
    for message in console_messages(client).await {
        if message.contains("Content Security Policy") || message.contains("__pwned") {
            signs.push(format!("console: {message}"));
        }
    }
    signs
}
