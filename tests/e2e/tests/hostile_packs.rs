//! A corpus of hostile inputs for quiz packs, run in headless Chromium
//! against the release build: malformed `#/pack?url=` links, broken packs
//! served from another origin or picked as files, oversized packs, and
//! script payloads in every text field of a pack. Each refused input must
//! be answered by a message that says what is wrong; nothing a pack holds
//! may ever run (no global set, no dialog, no element a pack may not make,
//! no Content-Security-Policy report); and a pack with payloads in every
//! field shows them as text on every page it reaches.
//!
//! The cases share one browser; a failing case does not stop the others:
//! every failure is listed at the end.

use e2e::packs::{
    allow_connect_to, course_pack, hostile_pack, load_link, payload, signs_of_script, to_json,
};
use e2e::{
    answer_question_of, click, dist_dir, find, run_js, wait_for_text, with_browser, StaticSite,
};
use fantoccini::Client;
use quiz_domain::{Bank, Question, QuestionKind};

/// How a hostile input reaches the app.
enum Input {
    /// A hash typed in the address bar.
    Link(String),
    /// A file served by the course site (CORS allowed), loaded by its link.
    Served(&'static str),
    /// A file served by a site that sends no CORS header.
    ServedWithoutCors(&'static str),
    /// A link to a file the course site does not have.
    Missing,
    /// A file picked on the packs page, under this name.
    Picked(String),
}

struct Case {
    name: &'static str,
    input: Input,
    /// The file's contents, for the inputs that have one.
    body: String,
    /// A part of the message the person must read.
    message: String,
}

fn case(name: &'static str, input: Input, message: &str) -> Case {
    Case {
        name,
        input,
        body: String::new(),
        message: message.to_owned(),
    }
}

fn file(name: &'static str, input: Input, body: String, message: &str) -> Case {
    Case {
        body,
        ..case(name, input, message)
    }
}

/// The course pack with one change, as JSON.
fn pack_with(change: impl FnOnce(&mut Bank)) -> String {
    let mut pack = course_pack();
    change(&mut pack);
    to_json(&pack)
}

const ONLY_HTTPS: &str =
    "only https:// addresses are loaded (http:// only from localhost or 127.0.0.1), not";

fn corpus() -> Vec<Case> {
    use Input::*;
    let first_id = course_pack().questions[0].id.clone();
    vec![
        // Malformed links.
        case("javascript: URL", Link("#/pack?url=javascript:window.__pwned='url'".into()), &format!("{ONLY_HTTPS} \"javascript:window.__pwned='url'\"")),
        case("data: URL", Link("#/pack?url=data:application/json,%7B%22format%22:1%7D".into()), &format!("{ONLY_HTTPS} \"data:application/json,{{\"format\":1}}\"")),
        case("ftp: URL", Link("#/pack?url=ftp://127.0.0.1/week-1.json".into()), ONLY_HTTPS),
        case("relative URL", Link("#/pack?url=week-1.json".into()), &format!("{ONLY_HTTPS} \"week-1.json\"")),
        case("protocol-relative URL", Link("#/pack?url=//evil.example/p.json".into()), ONLY_HTTPS),
        case("plain http to another host", Link("#/pack?url=http://evil.example/p.json".into()), ONLY_HTTPS),
        case("no url parameter", Link("#/pack".into()), "the link names no pack: it needs url= followed by the pack's https:// address"),
        case("empty url", Link("#/pack?url=".into()), "the pack's address is empty"),
        case("url too long", Link(format!("#/pack?url=https://course.example/{}", "a".repeat(2_100))), "characters long; at most 2000 are accepted"),
        case("credentials in the URL", Link("#/pack?url=https://user:secret@course.example/p.json".into()), "the pack's address may not carry a user name or password"),
        case("broken percent-encoding", Link("#/pack?url=%E0%A4".into()), "the pack's address is not correctly URL-encoded (%XX)"),
        case("unknown parameter", Link("#/pack?url=https://course.example/p.json&onload=alert(1)".into()), "the link has a parameter \"onload\": it takes only url"),
        case("url given twice", Link("#/pack?url=https://a.example/p.json&url=https://b.example/p.json".into()), "the link gives \"url\" twice; give each parameter once"),
        case("markup in the URL", Link("#/pack?url=https://%22%3E%3Cimg%20src=x%20onerror=window.__pwned=1%3E".into()), "may not contain spaces, control or non-ASCII characters"),
        case("https to a server that speaks no TLS", Link("#/pack?url=https://127.0.0.1:9/p.json".into()), "the request failed"),
        // Broken packs.
        case("a page that is not there", Missing, "the server answered 404"),
        file("a server without CORS", ServedWithoutCors("no-cors.json"), to_json(&course_pack()), "the request failed: check the address, and that its server lets other sites read the pack"),
        file("not JSON", Served("html.json"), "<html><script>window.__pwned='html'</script></html>".into(), "the pack is not valid JSON"),
        file("wrong format number", Served("format-2.json"), pack_with(|p| p.format = 2), "the pack has format 2, this app reads format 1"),
        file("no format number", Served("no-format.json"), "{\"book\":{}}".into(), "the pack has no format version"),
        file("a missing field", Served("no-chapters.json"), to_json(&course_pack()).replacen("\"chapters\"", "\"chapitres\"", 1), "chapters: missing (expected a list)"),
        file("a format as a string", Served("format-string.json"), to_json(&course_pack()).replacen("\"format\":1", "\"format\":\"1\"", 1), "format: expected the number 1, found the string \"1\""),
        file("a key given twice", Served("key-twice.json"), to_json(&course_pack()).replacen("\"format\":1", "\"format\":1,\"format\":1", 1), "the pack: the key \"format\" is given twice"),
        file("a difficulty as a string", Served("difficulty.json"), to_json(&course_pack()).replacen("\"difficulty\":", "\"difficulty\":\"2\",\"was\":", 1), "questions[0].difficulty: expected 1, 2 or 3, found the string \"2\""),
        file("a duplicate question id", Served("duplicate.json"), pack_with(|p| p.questions[1].id = p.questions[0].id.clone()), &format!("question \"{first_id}\": field \"id\": this id is used twice")),
        file("no correct option", Served("no-correct.json"), pack_with(|p| {
            let q = p.questions.iter_mut().find(|q| q.kind == QuestionKind::Single || q.kind == QuestionKind::Output).expect("a single-answer question");
            q.options.iter_mut().for_each(|o| o.correct = false);
        }), "needs exactly one correct option, found 0"),
        file("an unknown kind", Served("essay.json"), to_json(&course_pack()).replacen("\"kind\":\"", "\"kind\":\"essay\",\"was\":\"", 1), "questions[0].kind: expected one of single, multiple, true-false, output, typed, order, found the string \"essay\""),
        file("an oversized pack", Served("huge.json"), format!("{{\"format\":1,\"padding\":\"{}\"}}", "x".repeat(1_100_000)), "the pack is 1075 KB; a pack can be 1024 KB (1 MiB) at most"),
        file("too many questions", Served("many.json"), pack_with(|p| {
            let q = p.questions[0].clone();
            p.questions = (0..201).map(|i| Question { id: format!("q-{i}"), ..q.clone() }).collect();
        }), "the pack has 201 questions; a pack can have 200 at most"),
        file("a built-in book's id", Served("built-in.json"), pack_with(|p| p.book.id = "fluent-python".into()), "\"fluent-python\" is a book of this app"),
        file("a title too long", Served("long-title.json"), pack_with(|p| p.book.title = "t".repeat(301)), "field \"book.title\" is 301 characters long; at most 300 are allowed"),
        // Payloads in the fields that must be ids: refused, named as text.
        file("script in the book id", Served("xss-book-id.json"), pack_with(|p| p.book.id = payload("book id")), "field \"book.id\": book id \"<img src=x onerror="),
        file("script in a chapter id", Served("xss-chapter-id.json"), pack_with(|p| {
            p.chapters[0].id = payload("chapter id");
            p.questions.iter_mut().for_each(|q| q.chapter = payload("chapter id"));
        }), "field \"chapters\": chapter id \"<img src=x onerror="),
        file("script in a question id", Served("xss-question-id.json"), pack_with(|p| p.questions[0].id = payload("question id")), "field \"id\": the id must be lowercase letters, digits and '-'"),
        file("script in a topic", Served("xss-topic.json"), pack_with(|p| p.questions[0].topics = vec![payload("topic")]), "field \"topics\": topic \"<img src=x onerror=\\\"window.__pwned='topic'\\\"><script>"),
        // Files picked on the packs page.
        file("a picked file that is not JSON, with markup in its name", Picked("<img src=x onerror=window.__pwned='file'>.json".into()), "<script>window.__pwned='picked'</script>".into(), "the pack is not valid JSON"),
        file("a picked file too large", Picked("huge.json".into()), "x".repeat(1_100_000), "the pack is 1075 KB; a pack can be 1024 KB (1 MiB) at most"),
    ]
}

/// Runs one case from the packs page; returns what went wrong, if anything.
async fn run(
    client: &Client,
    app: &StaticSite,
    course: &StaticSite,
    closed: &StaticSite,
    case: &Case,
) -> Vec<String> {
    client.goto(&app.url("#/packs")).await.unwrap();
    find(client, "#no-packs").await;
    match &case.input {
        Input::Link(hash) => client.goto(&app.url(hash)).await.unwrap(),
        Input::Served(name) => client
            .goto(&app.url(&load_link(&course.page_url(name))))
            .await
            .unwrap(),
        Input::ServedWithoutCors(name) => client
            .goto(&app.url(&load_link(&closed.page_url(name))))
            .await
            .unwrap(),
        Input::Missing => client
            .goto(&app.url(&load_link(&course.page_url("missing.json"))))
            .await
            .unwrap(),
        Input::Picked(name) => {
            let dir = std::env::temp_dir().join(format!("e2e-picked-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(name);
            std::fs::write(&path, &case.body).unwrap();
            find(client, "#pack-file")
                .await
                .send_keys(path.to_str().unwrap())
                .await
                .unwrap();
        }
    }
    let mut failures = Vec::new();
    let shown =
        e2e::wait_for_text_or_timeout(client, "#pack-problems", |t| t.contains(&case.message))
            .await;
    match shown {
        Ok(text) => assert!(text.starts_with("The pack was not loaded:"), "{text}"),
        Err(last) => failures.push(format!(
            "the message should contain {:?}; saw {last:?}",
            case.message
        )),
    }
    let stored = run_js(
        client,
        "return localStorage.getItem('python-architect-quiz.packs')",
    )
    .await;
    if !stored.is_null() {
        failures.push(format!(
            "a refused pack was stored: {}",
            &stored.to_string()[..80.min(stored.to_string().len())]
        ));
    }
    failures.extend(signs_of_script(client).await);
    failures
}

#[tokio::test]
async fn every_hostile_input_is_refused_with_a_clear_message_and_runs_nothing() {
    let cases = corpus();
    assert!(cases.len() >= 20, "the corpus has {} cases", cases.len());
    let served: Vec<(String, String)> = cases
        .iter()
        .filter_map(|c| match c.input {
            Input::Served(name) => Some((name.to_owned(), c.body.clone())),
            _ => None,
        })
        .collect();
    let closed_files: Vec<(String, String)> = cases
        .iter()
        .filter_map(|c| match c.input {
            Input::ServedWithoutCors(name) => Some((name.to_owned(), c.body.clone())),
            _ => None,
        })
        .collect();
    let course = StaticSite::serve_files(served, true);
    let closed = StaticSite::serve_files(closed_files, false);
    let origins = format!("{} {}", course.origin(), closed.origin());
    let app = StaticSite::serve_with(&dist_dir(), allow_connect_to(origins));
    with_browser(|client| async move {
        let mut failed = Vec::new();
        for case in &cases {
            for failure in run(&client, &app, &course, &closed, case).await {
                failed.push(format!("{}: {failure}", case.name));
            }
        }
        assert!(
            failed.is_empty(),
            "{} of {} cases failed:\n{}",
            failed.len(),
            cases.len(),
            failed.join("\n")
        );
    })
    .await;
}

/// The text of the page's main part, as a person reads it.
async fn page_text(client: &Client) -> String {
    run_js(client, "return document.querySelector('main').innerText")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn payloads_in_every_field_show_as_text_on_every_page_and_never_run() {
    let pack = hostile_pack();
    let course = StaticSite::serve_files(vec![("xss.json".into(), to_json(&pack))], true);
    let app = StaticSite::serve_with(&dist_dir(), allow_connect_to(course.origin()));
    let picked = std::env::temp_dir().join(format!("e2e-xss-{}", std::process::id()));
    std::fs::create_dir_all(&picked).unwrap();
    let picked = picked.join("<img src=x onerror=window.__pwned='file name'>.json");
    std::fs::write(&picked, to_json(&pack)).unwrap();
    with_browser(|client| async move {
        let mut seen = String::new();
        let mut signs = Vec::new();
        let mut look = |text: String, found: Vec<String>, page: &str| {
            seen.push_str(&text);
            signs.extend(found.into_iter().map(|s| format!("{page}: {s}")));
        };
        client
            .goto(&app.url(&load_link(&course.page_url("xss.json"))))
            .await
            .unwrap();
        wait_for_text(&client, "h1", |t| t == payload("title")).await;
        click(&client, "details.topics summary").await;
        find(&client, ".topic-list").await;
        look(
            page_text(&client).await,
            signs_of_script(&client).await,
            "book page",
        );

        client
            .goto(&app.url("#/book/xss-pack/quiz?count=4&seed=1"))
            .await
            .unwrap();
        for _ in 0..4 {
            find(&client, "form.question").await;
            look(
                page_text(&client).await,
                signs_of_script(&client).await,
                "question",
            );
            answer_question_of(&client, &pack, true).await;
            find(&client, ".feedback.answered").await;
            look(
                page_text(&client).await,
                signs_of_script(&client).await,
                "feedback",
            );
            click(&client, "#next").await;
        }
        wait_for_text(&client, "#score", |t| t == "4 of 4 (100%)").await;
        wait_for_text(&client, ".review", |t| !t.is_empty()).await;
        look(
            page_text(&client).await,
            signs_of_script(&client).await,
            "results",
        );

        client.goto(&app.url("#/progress")).await.unwrap();
        find(&client, ".pack-progress .mastery-grid .cell").await;
        look(
            page_text(&client).await,
            signs_of_script(&client).await,
            "progress",
        );

        client.goto(&app.url("#/packs")).await.unwrap();
        find(&client, "#pack-file")
            .await
            .send_keys(picked.to_str().unwrap())
            .await
            .unwrap();
        wait_for_text(&client, "h1", |t| t == payload("title")).await;
        client.goto(&app.url("#/packs")).await.unwrap();
        find(&client, "[data-pack=xss-pack]").await;
        look(
            page_text(&client).await,
            signs_of_script(&client).await,
            "packs",
        );
        client.goto(&app.url("#/")).await.unwrap();
        find(&client, ".book-card").await;
        look(String::new(), signs_of_script(&client).await, "home");

        assert_eq!(signs, Vec::<String>::new(), "something of the pack ran");
        let mut fields = vec![
            "title".to_owned(),
            "authors".into(),
            "edition".into(),
            "summary".into(),
            "chapter title".into(),
            "file name".into(),
        ];
        for question in &pack.questions {
            for field in ["prompt", "explanation", "reread"] {
                fields.push(format!("{} {field}", question.id));
            }
        }
        fields.extend(
            [
                "x-single code",
                "x-single option 1",
                "x-single option 2",
                "x-single why 1",
                "x-single why 2",
                "x-output code",
                "x-output literal 1",
                "x-output literal 2",
                "x-output why 1",
                "x-output why 2",
                "x-typed code",
                "x-typed accept",
            ]
            .map(String::from),
        );
        fields.extend(
            (1..=3).flat_map(|n| [format!("x-order step {n}"), format!("x-order why {n}")]),
        );
        let missing: Vec<&String> = fields
            .iter()
            .filter(|field| {
                let shown = if field.as_str() == "file name" {
                    "<img src=x onerror=window.__pwned='file name'>.json".to_owned()
                } else {
                    payload(field)
                };
                !seen.contains(&shown)
            })
            .collect();
        assert!(
            missing.is_empty(),
            "these fields were not shown as text: {missing:?}"
        );
    })
    .await;
}
