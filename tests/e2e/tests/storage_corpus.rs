//! A corpus of stored states the app may meet when it starts, each run in
//! headless Chromium against the release build: damaged and foreign
//! progress, every schema the app has written, newer schemas, quizzes left
//! unfinished, a full or refused storage, and another tab writing while the
//! app is open. Every case seeds localStorage, starts the app and checks
//! that it starts (the five books are listed), that it says the right thing
//! (or nothing), and that no attempt stored before is lost.
//!
//! The cases share one browser, which is cleared and reloaded between
//! them; only the blocked-storage case needs a browser of its own. A failing
//! case does not stop the others: every failure is listed at the end.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use e2e::{
    answer_somehow, bank, click, dist_dir, find, with_browser, with_browser_set_up, StaticSite,
};
use fantoccini::{Client, Locator};
use futures_util::FutureExt;
use serde_json::{json, Value};

const PROGRESS_KEY: &str = "python-architect-quiz.progress";
const UNFINISHED_KEY: &str = "python-architect-quiz.unfinished";
const BACKUP_PREFIX: &str = "python-architect-quiz.progress.unreadable.";
/// Keys written by the test to use up the storage quota.
const FILLER_PREFIX: &str = "e2e-filler.";

const BOOKS: [&str; 5] = [
    "architecture-patterns",
    "clean-architecture",
    "fluent-python",
    "high-performance-python",
    "stdlib-by-example",
];

/// Exactly what the first release (schema 1) stored after one two-question
/// quiz.
const SCHEMA_1_SAMPLE: &str = r#"{"schema":1,"attempts":[{"id":"fluent-python-1764230400000","book":"fluent-python","responses":[{"question":"fp-closures-late-binding","answer":[2],"correct":true},{"question":"fp-dict-order","answer":[0,1],"correct":false}],"score":{"correct":1,"total":2},"started_at_ms":1764230340000,"finished_at_ms":1764230400000}]}"#;

/// 2025-11-27, midnight UTC: the time of the samples.
const T: u64 = 1_764_230_400_000;
const DAY: u64 = 86_400_000;

/// One stored state and what the app must make of it.
struct Case {
    name: &'static str,
    /// The raw value under the progress key, if any.
    progress: Option<String>,
    /// The raw value under the unfinished-quiz key, if any.
    unfinished: Option<String>,
    setup: Setup,
    /// Best scores the home page shows at start; every other book reads
    /// "Not taken yet".
    best: Vec<(&'static str, &'static str)>,
    resume: Resume,
    outcome: Outcome,
    /// The book of a one-question quiz finished at the end of the case.
    quiz: Option<&'static str>,
}

enum Setup {
    /// Seed, then start the app.
    Plain,
    /// Seed, use up the storage quota, then start the app.
    StorageFull,
    /// Site data blocked: nothing can be seeded or saved.
    Blocked,
    /// Once the app is open, another tab of the same site stores `value`
    /// under the progress key (the app gets a `storage` event).
    OtherTabWrites {
        value: String,
        /// Best scores shown afterwards, when the value is merged in.
        best_after: Vec<(&'static str, &'static str)>,
    },
    /// Once the app is open, the progress key is overwritten from this tab,
    /// so no `storage` event tells the app.
    OverwrittenUnseen(String),
}

enum Resume {
    /// No quiz is offered for resuming.
    NotOffered,
    /// The home page offers a quiz (its text), which resumes at the given
    /// progress label.
    Offered {
        text: &'static str,
        resumes_at: &'static str,
    },
}

/// What becomes of the stored progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// Read, shown, and kept with every later save.
    Kept,
    /// Unreadable: copied aside before anything is written, reported, and a
    /// fresh record started.
    BackedUp,
    /// From a newer version: reported and never written.
    LeftAlone(u64),
    /// Read, but saving fails because the storage is full: reported, and
    /// the stored value is unchanged.
    NotSaved,
    /// Unreadable and cannot be copied aside (storage full): reported and
    /// never written.
    UnreadableNotBackedUp,
    /// Storage is refused: reported; quizzes still run.
    Unavailable,
}

impl Case {
    fn new(name: &'static str, outcome: Outcome) -> Case {
        Case {
            name,
            progress: None,
            unfinished: None,
            setup: Setup::Plain,
            best: Vec::new(),
            resume: Resume::NotOffered,
            outcome,
            quiz: None,
        }
    }

    fn progress(mut self, raw: impl Into<String>) -> Case {
        self.progress = Some(raw.into());
        self
    }

    fn unfinished(mut self, raw: impl Into<String>) -> Case {
        self.unfinished = Some(raw.into());
        self
    }

    fn setup(mut self, setup: Setup) -> Case {
        self.setup = setup;
        self
    }

    fn best(mut self, best: &[(&'static str, &'static str)]) -> Case {
        self.best = best.to_vec();
        self
    }

    fn resume(mut self, resume: Resume) -> Case {
        self.resume = resume;
        self
    }

    fn quiz(mut self, book: &'static str) -> Case {
        self.quiz = Some(book);
        self
    }

    /// The progress value the outcome is about: what another writer put
    /// there last, or what was seeded.
    fn subject(&self) -> Option<&str> {
        match &self.setup {
            Setup::OtherTabWrites { value, .. } | Setup::OverwrittenUnseen(value) => Some(value),
            _ => self.progress.as_deref(),
        }
    }

    /// Whether the seeded progress is replaced by another writer while the
    /// app is open.
    fn overwritten_later(&self) -> bool {
        matches!(
            self.setup,
            Setup::OtherTabWrites { .. } | Setup::OverwrittenUnseen(_)
        )
    }
}

// ---------------------------------------------------------------------------
// Samples

/// A finished attempt as schema 1 stored it (no mode): `total` questions,
/// the first `correct` right, taking one minute.
fn attempt_v1(book: &str, finished: u64, correct: u32, total: u32) -> Value {
    let responses: Vec<Value> = (0..total)
        .map(|i| json!({"question": format!("{book}-q{i}"), "answer": [i % 3], "correct": i < correct}))
        .collect();
    json!({
        "id": format!("{book}-{finished}"),
        "book": book,
        "responses": responses,
        "score": {"correct": correct, "total": total},
        "started_at_ms": finished - 60_000,
        "finished_at_ms": finished,
    })
}

/// The same attempt as schema 2 stores it, with its mode.
fn attempt_v2(book: &str, finished: u64, correct: u32, total: u32) -> Value {
    let mut attempt = attempt_v1(book, finished, correct, total);
    attempt["mode"] = json!("practice");
    attempt
}

fn schema_1(attempts: Vec<Value>) -> String {
    json!({"schema": 1, "attempts": attempts}).to_string()
}

/// The first-release sample with one field of its attempt replaced.
fn schema_1_sample_with(field: &str, value: Value) -> String {
    let mut sample: Value = serde_json::from_str(SCHEMA_1_SAMPLE).unwrap();
    sample["attempts"][0][field] = value;
    sample.to_string()
}

fn schema_1_several_books() -> String {
    schema_1(vec![
        attempt_v1("fluent-python", T, 1, 2),
        attempt_v1("fluent-python", T + DAY, 3, 4),
        attempt_v1("clean-architecture", T + 2 * DAY, 5, 5),
        attempt_v1("stdlib-by-example", T + 3 * DAY, 0, 3),
    ])
}

fn schema_2_with_answered() -> String {
    json!({
        "schema": 2,
        "attempts": [attempt_v2("fluent-python", T, 2, 3)],
        "answered": [
            ["fluent-python", [
                ["fluent-python-q0", [T, true]],
                ["fluent-python-q1", [T, true]],
                ["fluent-python-q2", [T, false]],
                ["fp-dunder-lookup-on-type", [T - DAY, true]],
            ]],
            ["high-performance-python", [["hpp-numpy-views", [T - 2 * DAY, false]]]],
        ],
        "settings": {"changed_at_ms": 0},
    })
    .to_string()
}

fn schema_2_with_archive() -> String {
    json!({
        "schema": 2,
        "attempts": [attempt_v2("architecture-patterns", T + 5 * DAY, 3, 5)],
        "archive": [{
            "book": "architecture-patterns",
            "mode": "practice",
            "runs": [[T, 120_000, 9, 10], [T + DAY, 60_000, 2, 10]],
        }],
        "answered": [],
    })
    .to_string()
}

fn schema_2_archive_only() -> String {
    json!({
        "schema": 2,
        "attempts": [],
        "archive": [{
            "book": "high-performance-python",
            "mode": "practice",
            "runs": [[T, 30_000, 4, 5]],
        }],
    })
    .to_string()
}

fn schema_2_with_resets() -> String {
    json!({
        "schema": 2,
        "attempts": [
            attempt_v2("clean-architecture", T + DAY, 2, 4),
            attempt_v2("fluent-python", T + DAY, 5, 5),
            attempt_v2("fluent-python", T + 3 * DAY, 1, 2),
        ],
        "answered": [
            ["fluent-python", [["fp-old", [T, true]], ["fp-new", [T + 3 * DAY, false]]]],
        ],
        "resets": [["fluent-python", T + 2 * DAY], ["*", T - DAY]],
    })
    .to_string()
}

fn schema_2_with_settings() -> String {
    json!({
        "schema": 2,
        "attempts": [attempt_v2("stdlib-by-example", T, 3, 4)],
        "settings": {"quiz_length": 20, "changed_at_ms": 1},
    })
    .to_string()
}

fn schema_2_with_every_field() -> String {
    json!({
        "schema": 2,
        "attempts": [
            attempt_v2("fluent-python", T + 5 * DAY, 4, 5),
            attempt_v2("architecture-patterns", T + 6 * DAY, 1, 3),
        ],
        "archive": [
            {"book": "fluent-python", "mode": "practice", "runs": [[T, 60_000, 1, 5], [T + DAY, 90_000, 2, 5]]},
            {"book": "clean-architecture", "mode": "practice", "runs": [[T + 2 * DAY, 45_000, 7, 10]]},
        ],
        "answered": [
            ["fluent-python", [["fp-a", [T + 5 * DAY, true]], ["fp-b", [T + DAY, false]]]],
            ["clean-architecture", [["ca-x", [T + 2 * DAY, true]]]],
        ],
        "resets": [["stdlib-by-example", T + 4 * DAY]],
        "settings": {"quiz_length": 5, "changed_at_ms": T + 7 * DAY},
    })
    .to_string()
}

/// 250 ten-question attempts: more answers than the app keeps in full, so
/// the oldest are compacted when it reads them.
fn schema_2_over_the_detail_budget() -> String {
    let attempts: Vec<Value> = (0..250u64)
        .map(|n| attempt_v2("fluent-python", T + n * 600_000, (n % 11) as u32, 10))
        .collect();
    json!({"schema": 2, "attempts": attempts}).to_string()
}

/// A quiz of three Fluent Python questions with the first answered.
fn unfinished_quiz() -> String {
    let bank = bank("fluent-python");
    let questions: Vec<&str> = bank.questions[..3].iter().map(|q| q.id.as_str()).collect();
    json!({
        "request": {"book": "fluent-python", "count": 3, "seed": 5},
        "attempt": {
            "book": "fluent-python",
            "questions": questions,
            "responses": [{"question": questions[0], "answer": [0], "correct": false}],
            "started_at_ms": T,
        },
    })
    .to_string()
}

/// Progress the app cannot read: copied aside, reported, a fresh start.
fn unreadable(name: &'static str, raw: impl Into<String>) -> Case {
    Case::new(name, Outcome::BackedUp).progress(raw)
}

fn cases() -> Vec<Case> {
    use Outcome::*;
    vec![
        // Unreadable, damaged or foreign progress.
        unreadable("truncated JSON", r#"{"schema":1,"attem"#).quiz("fluent-python"),
        unreadable(
            "the first-release sample cut short",
            &SCHEMA_1_SAMPLE[..SCHEMA_1_SAMPLE.len() - 7],
        )
        .quiz("clean-architecture"),
        unreadable("plain text", "not json at all"),
        unreadable("an empty string", "").quiz("stdlib-by-example"),
        unreadable("JSON null", "null"),
        unreadable("a JSON array", "[1,2,3]"),
        unreadable(
            "progress encoded twice (a JSON string)",
            serde_json::to_string(SCHEMA_1_SAMPLE).unwrap(),
        )
        .quiz("fluent-python"),
        unreadable("attempts is not a list", r#"{"schema":1,"attempts":7}"#),
        unreadable("schema 0", r#"{"schema":0,"attempts":[]}"#).quiz("high-performance-python"),
        unreadable("schema as text", r#"{"schema":"2","attempts":[]}"#),
        unreadable("negative schema", r#"{"schema":-1,"attempts":[]}"#),
        unreadable("fractional schema", r#"{"schema":1.5,"attempts":[]}"#),
        unreadable("no schema field", r#"{"attempts":[]}"#),
        unreadable("another app's JSON", r#"{"theme":"dark","volume":3}"#)
            .quiz("architecture-patterns"),
        unreadable(
            "a score above its total",
            schema_1_sample_with("score", json!({"correct": 3, "total": 2})),
        )
        .quiz("fluent-python"),
        unreadable(
            "an attempt of no questions",
            schema_1_sample_with("score", json!({"correct": 0, "total": 0})),
        ),
        unreadable(
            "fewer answers than questions",
            schema_1_sample_with("score", json!({"correct": 1, "total": 3})),
        ),
        unreadable(
            "finished before it started",
            schema_1_sample_with("started_at_ms", json!(T + 1)),
        ),
        unreadable(
            "a book id that is not a slug",
            schema_1_sample_with("book", json!("Fluent Python")),
        ),
        unreadable(
            "a negative time",
            schema_1_sample_with("started_at_ms", json!(-5)),
        ),
        unreadable(
            "an unknown mode",
            schema_1_sample_with("mode", json!("exam")),
        ),
        unreadable(
            "an impossible compacted run",
            json!({"schema": 2, "attempts": [], "archive": [{"book": "fluent-python", "mode": "practice", "runs": [[T, 1000, 5, 4]]}]}).to_string(),
        )
        .quiz("fluent-python"),
        unreadable(
            "a latest answer of the wrong shape",
            json!({"schema": 2, "attempts": [], "answered": [["fluent-python", [["fp-a", [T]]]]]})
                .to_string(),
        ),
        unreadable(
            "a byte-order mark before valid JSON",
            format!("\u{feff}{SCHEMA_1_SAMPLE}"),
        )
        .quiz("fluent-python"),
        // Schema 1, written by the first release: migrated on read.
        Case::new("schema 1 with no attempts", Kept)
            .progress(r#"{"schema":1,"attempts":[]}"#)
            .quiz("high-performance-python"),
        Case::new("schema 1, the first release's sample", Kept)
            .progress(SCHEMA_1_SAMPLE)
            .best(&[("fluent-python", "Best score: 1 of 2 (50%)")])
            .quiz("fluent-python"),
        Case::new("schema 1 with several books", Kept)
            .progress(schema_1_several_books())
            .best(&[
                ("fluent-python", "Best score: 3 of 4 (75%)"),
                ("clean-architecture", "Best score: 5 of 5 (100%)"),
                ("stdlib-by-example", "Best score: 0 of 3 (0%)"),
            ])
            .quiz("clean-architecture"),
        // Schema 2, the current one.
        Case::new("schema 2, an empty record", Kept)
            .progress(r#"{"schema":2,"attempts":[]}"#)
            .quiz("stdlib-by-example"),
        Case::new("schema 2 with latest answers", Kept)
            .progress(schema_2_with_answered())
            .best(&[("fluent-python", "Best score: 2 of 3 (66%)")])
            .quiz("fluent-python"),
        Case::new("schema 2 with compacted runs", Kept)
            .progress(schema_2_with_archive())
            .best(&[("architecture-patterns", "Best score: 9 of 10 (90%)")])
            .quiz("architecture-patterns"),
        Case::new("schema 2 with compacted runs only", Kept)
            .progress(schema_2_archive_only())
            .best(&[("high-performance-python", "Best score: 4 of 5 (80%)")])
            .quiz("high-performance-python"),
        Case::new("schema 2 with reset markers", Kept)
            .progress(schema_2_with_resets())
            .best(&[
                ("fluent-python", "Best score: 1 of 2 (50%)"),
                ("clean-architecture", "Best score: 2 of 4 (50%)"),
            ])
            .quiz("fluent-python"),
        Case::new("schema 2 with settings", Kept)
            .progress(schema_2_with_settings())
            .best(&[("stdlib-by-example", "Best score: 3 of 4 (75%)")])
            .quiz("stdlib-by-example"),
        Case::new("schema 2 with every field", Kept)
            .progress(schema_2_with_every_field())
            .best(&[
                ("fluent-python", "Best score: 4 of 5 (80%)"),
                ("clean-architecture", "Best score: 7 of 10 (70%)"),
                ("architecture-patterns", "Best score: 1 of 3 (33%)"),
            ])
            .quiz("clean-architecture"),
        Case::new("schema 2 over the detail budget", Kept)
            .progress(schema_2_over_the_detail_budget())
            .best(&[("fluent-python", "Best score: 10 of 10 (100%)")])
            .quiz("fluent-python"),
        // Newer versions: never written.
        Case::new("schema 3", LeftAlone(3))
            .progress(r#"{"schema":3,"attempts":[]}"#)
            .quiz("fluent-python"),
        Case::new("schema 99 of an unknown shape", LeftAlone(99))
            .progress(r#"{"schema":99,"records":{"fluent-python":[1,2]},"attempts":"elsewhere"}"#)
            .quiz("clean-architecture"),
        Case::new("the largest schema number", LeftAlone(u64::MAX))
            .progress(format!("{{\"schema\":{}}}", u64::MAX)),
        // Quizzes left unfinished.
        Case::new("an unfinished quiz", Kept)
            .unfinished(unfinished_quiz())
            .resume(Resume::Offered {
                text: "You have an unfinished Fluent Python quiz: 1 of 3 answered.",
                resumes_at: "Question 2 of 3",
            }),
        Case::new("an unfinished quiz beside schema-1 progress", Kept)
            .progress(SCHEMA_1_SAMPLE)
            .unfinished(unfinished_quiz())
            .best(&[("fluent-python", "Best score: 1 of 2 (50%)")])
            .resume(Resume::Offered {
                text: "You have an unfinished Fluent Python quiz: 1 of 3 answered.",
                resumes_at: "Question 2 of 3",
            }),
        Case::new("an unfinished quiz cut short", Kept)
            .progress(SCHEMA_1_SAMPLE)
            .unfinished(&unfinished_quiz()[..60])
            .best(&[("fluent-python", "Best score: 1 of 2 (50%)")])
            .quiz("fluent-python"),
        Case::new("an unfinished quiz of the wrong shape", Kept)
            .unfinished(r#"{"request":7,"attempt":"none"}"#)
            .quiz("clean-architecture"),
        Case::new("an unfinished quiz that is JSON null", Kept).unfinished("null"),
        // Saved quizzes no answering could make: never offered for resuming.
        Case::new("an unfinished quiz with no questions", Kept).unfinished(
            json!({
                "request": {"book": "fluent-python", "count": 3, "seed": 5},
                "attempt": {"book": "fluent-python", "questions": [], "responses": [], "started_at_ms": T},
            })
            .to_string(),
        ),
        Case::new("an unfinished quiz with more answers than questions", Kept).unfinished({
            let mut quiz: Value = serde_json::from_str(&unfinished_quiz()).unwrap();
            let answered = quiz["attempt"]["responses"][0].clone();
            quiz["attempt"]["questions"] = json!([answered["question"]]);
            quiz["attempt"]["responses"] = json!([answered, answered]);
            quiz.to_string()
        }),
        Case::new("unreadable progress and an unreadable unfinished quiz", BackedUp)
            .progress("{\"schema\":2,")
            .unfinished("{\"request\":"),
        // A full storage.
        Case::new("storage full, readable progress", NotSaved)
            .progress(schema_1_several_books())
            .setup(Setup::StorageFull)
            .best(&[
                ("fluent-python", "Best score: 3 of 4 (75%)"),
                ("clean-architecture", "Best score: 5 of 5 (100%)"),
                ("stdlib-by-example", "Best score: 0 of 3 (0%)"),
            ])
            .quiz("fluent-python"),
        Case::new("storage full, unreadable progress", UnreadableNotBackedUp)
            .progress("not json, and no room to copy it")
            .setup(Setup::StorageFull)
            .quiz("fluent-python"),
        // Another writer while the app is open.
        Case::new("another tab writes garbage", BackedUp)
            .progress(SCHEMA_1_SAMPLE)
            .setup(Setup::OtherTabWrites {
                value: r#"{"schema":2,"attempts":[{"id":"#.into(),
                best_after: vec![("fluent-python", "Best score: 1 of 2 (50%)")],
            })
            .best(&[("fluent-python", "Best score: 1 of 2 (50%)")])
            .quiz("fluent-python"),
        Case::new("another tab writes a newer schema", LeftAlone(3))
            .progress(SCHEMA_1_SAMPLE)
            .setup(Setup::OtherTabWrites {
                value: r#"{"schema":3,"attempts":[],"journal":[]}"#.into(),
                best_after: vec![("fluent-python", "Best score: 1 of 2 (50%)")],
            })
            .best(&[("fluent-python", "Best score: 1 of 2 (50%)")])
            .quiz("fluent-python"),
        Case::new("another tab saves one more attempt", Kept)
            .progress(SCHEMA_1_SAMPLE)
            .setup(Setup::OtherTabWrites {
                value: json!({
                    "schema": 2,
                    "attempts": [
                        serde_json::from_str::<Value>(SCHEMA_1_SAMPLE).unwrap()["attempts"][0].clone(),
                        attempt_v2("clean-architecture", T + DAY, 2, 2),
                    ],
                })
                .to_string(),
                best_after: vec![
                    ("fluent-python", "Best score: 1 of 2 (50%)"),
                    ("clean-architecture", "Best score: 2 of 2 (100%)"),
                ],
            })
            .best(&[("fluent-python", "Best score: 1 of 2 (50%)")])
            .quiz("stdlib-by-example"),
        Case::new("overwritten with garbage without a storage event", BackedUp)
            .progress(schema_2_with_every_field())
            .setup(Setup::OverwrittenUnseen("garbage".into()))
            .best(&[
                ("fluent-python", "Best score: 4 of 5 (80%)"),
                ("clean-architecture", "Best score: 7 of 10 (70%)"),
                ("architecture-patterns", "Best score: 1 of 3 (33%)"),
            ])
            .quiz("high-performance-python"),
        // Storage refused.
        Case::new("site data blocked", Unavailable)
            .setup(Setup::Blocked)
            .quiz("high-performance-python"),
    ]
}

// ---------------------------------------------------------------------------
// Running the cases

#[tokio::test]
async fn every_stored_state_starts_the_app_and_loses_no_attempt() {
    // STORAGE_CASES=<part of a name> runs only the matching cases.
    let only = std::env::var("STORAGE_CASES").unwrap_or_default();
    let cases: Vec<Case> = cases()
        .into_iter()
        .filter(|case| !matches!(case.setup, Setup::Blocked) && case.name.contains(&only))
        .collect();
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client.goto(&site.url("#/")).await.unwrap();
        find(&client, ".book-card").await;
        let main_window = client.window().await.unwrap();
        let mut failures = Vec::new();
        for (index, case) in cases.iter().enumerate() {
            let outcome = AssertUnwindSafe(run_case(&client, &site, case, 100 + index as u32))
                .catch_unwind()
                .await;
            match outcome {
                Ok(()) => println!("case passed: {}", case.name),
                Err(panic) => {
                    println!("case FAILED: {}", case.name);
                    let message = panic_message(&*panic);
                    failures.push(if message.starts_with(case.name) {
                        message
                    } else {
                        format!("{}: {message}", case.name)
                    });
                    for window in client.windows().await.unwrap_or_default() {
                        if window != main_window {
                            let _ = client.switch_to_window(window).await;
                            let _ = client.close_window().await;
                        }
                    }
                    client.switch_to_window(main_window.clone()).await.unwrap();
                }
            }
        }
        println!(
            "{} of {} cases passed",
            cases.len() - failures.len(),
            cases.len()
        );
        assert!(
            failures.is_empty(),
            "{} case(s) failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    })
    .await;
}

#[tokio::test]
async fn with_storage_blocked_the_app_starts_says_so_and_runs_quizzes() {
    let cases: Vec<Case> = cases()
        .into_iter()
        .filter(|case| matches!(case.setup, Setup::Blocked))
        .collect();
    assert!(!cases.is_empty());
    let site = StaticSite::serve(&dist_dir());
    with_browser_set_up(
        e2e::Scheme::Light,
        e2e::SiteData::Blocked,
        |client| async move {
            for (index, case) in cases.iter().enumerate() {
                run_case(&client, &site, case, 900 + index as u32).await;
                println!("case passed: {}", case.name);
            }
        },
    )
    .await;
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "a panic without a message".into())
}

async fn run_case(client: &Client, site: &StaticSite, case: &Case, seed: u32) {
    let name = case.name;
    let mut seeded: Vec<(String, String)> = Vec::new();
    if let Some(raw) = &case.progress {
        seeded.push((PROGRESS_KEY.into(), raw.clone()));
    }
    if let Some(raw) = &case.unfinished {
        seeded.push((UNFINISHED_KEY.into(), raw.clone()));
    }

    // Seed and start.
    if let Setup::Blocked = case.setup {
        assert!(seeded.is_empty(), "{name}: nothing can be seeded");
        client.goto(&site.url("#/")).await.unwrap();
        let refused = js(
            client,
            "try { localStorage.length; return false } catch (e) { return true }",
            vec![],
        )
        .await;
        assert_eq!(
            refused,
            json!(true),
            "{name}: the browser refuses localStorage"
        );
    } else {
        js(
            client,
            "localStorage.clear();
             for (const [key, value] of arguments[0]) localStorage.setItem(key, value);
             history.replaceState(null, '', '#/');",
            vec![json!(seeded)],
        )
        .await;
        if let Setup::StorageFull = case.setup {
            fill_storage(client, name).await;
        }
        client.refresh().await.unwrap();
    }

    // (1) The app starts: the five books are listed, no fatal error.
    find(client, ".book-card").await;
    let cards = client.find_all(Locator::Css(".book-card")).await.unwrap();
    assert_eq!(cards.len(), 5, "{name}: the home page lists the five books");
    assert_no_fatal_error(client, name).await;
    check_best_scores(client, name, &case.best).await;

    // (2) The right notice, or none.
    let start_notice: &[&str] = match case.outcome {
        _ if case.overwritten_later() => &[],
        Outcome::Kept | Outcome::NotSaved => &[],
        Outcome::BackedUp => &["could not be read", "copied aside under the key"],
        Outcome::LeftAlone(_) => &["newer version"],
        Outcome::UnreadableNotBackedUp => &["could not be read", "could not be copied aside"],
        Outcome::Unavailable => &["cannot be saved in this browser"],
    };
    let version = match case.outcome {
        Outcome::LeftAlone(version) => format!("(format {version})"),
        _ => String::new(),
    };
    if start_notice.is_empty() {
        assert_no_notice(client, name).await;
    } else {
        let notice = wait_for_notice(client, name, start_notice).await;
        assert!(
            notice.contains(&version),
            "{name}: the notice names {version}: {notice:?}"
        );
    }

    // (3) Nothing written at start but the copy of unreadable progress:
    // every seeded value is still there, byte for byte.
    if !matches!(case.setup, Setup::Blocked) {
        let stored = stored_values(client).await;
        for (key, value) in &seeded {
            assert_eq!(
                stored.get(key),
                Some(value),
                "{name}: {key} is unchanged at start"
            );
        }
        let backups = backups(&stored);
        if case.outcome == Outcome::BackedUp && !case.overwritten_later() {
            let raw = case.progress.as_deref().unwrap();
            assert_eq!(backups.len(), 1, "{name}: one copy aside: {backups:?}");
            assert_eq!(backups[0].1, raw, "{name}: the copy aside is byte for byte");
            let notice = wait_for_notice(client, name, &[]).await;
            assert!(
                notice.contains(&backups[0].0),
                "{name}: the notice names the copy's key {}: {notice:?}",
                backups[0].0
            );
        } else {
            assert!(backups.is_empty(), "{name}: no copy aside: {backups:?}");
        }
        let seeded_keys: BTreeSet<&String> = seeded.iter().map(|(k, _)| k).collect();
        let written: Vec<&String> = stored
            .keys()
            .filter(|k| !seeded_keys.contains(k) && !k.starts_with(BACKUP_PREFIX))
            .collect();
        assert!(
            written.is_empty(),
            "{name}: nothing else written at start: {written:?}"
        );
    }

    // The quiz left unfinished.
    match case.resume {
        Resume::NotOffered => {
            let offers = client.find_all(Locator::Css(".resume")).await.unwrap();
            if let Some(offer) = offers.first() {
                let offer = offer.text().await.unwrap_or_default();
                let resumed = what_resuming_shows(client).await;
                panic!(
                    "{name}: no quiz is offered for resuming, but the home page offers {offer:?}; resuming it shows {resumed:?}"
                );
            }
        }
        Resume::Offered { text, .. } => {
            let offer = wait_until(client, name, ".resume", |t| t.contains(text)).await;
            assert!(offer.contains(text), "{name}: {offer:?}");
        }
    }

    // Another writer while the app is open.
    match &case.setup {
        Setup::OtherTabWrites { value, best_after } => {
            write_from_another_tab(client, site, name, value).await;
            match case.outcome {
                Outcome::BackedUp => {
                    wait_for_notice(client, name, &["could not be read"]).await;
                    let stored = stored_values(client).await;
                    let backups = backups(&stored);
                    assert!(
                        !backups.is_empty() && backups.iter().all(|(_, v)| v == value),
                        "{name}: the other tab's value is copied aside: {backups:?}"
                    );
                }
                Outcome::LeftAlone(_) => {
                    let notice = wait_for_notice(client, name, &["newer version"]).await;
                    assert!(notice.contains(&version), "{name}: {notice:?}");
                }
                _ => {}
            }
            check_best_scores(client, name, best_after).await;
            if case.outcome == Outcome::Kept {
                assert_no_notice(client, name).await;
            }
            assert_no_fatal_error(client, name).await;
        }
        Setup::OverwrittenUnseen(value) => {
            js(
                client,
                "localStorage.setItem(arguments[0], arguments[1])",
                vec![json!(PROGRESS_KEY), json!(value)],
            )
            .await;
        }
        _ => {}
    }

    if let Some(book) = case.quiz {
        after_a_quiz(client, site, case, book, seed).await;
    }

    // Resuming the offered quiz, last, since it leaves the home page.
    if let Resume::Offered { resumes_at, .. } = case.resume {
        click(client, "#resume").await;
        wait_until(client, name, "#progress-label", |t| t == resumes_at).await;
        assert_no_fatal_error(client, name).await;
    }
}

/// Finishes a one-question quiz and checks what was kept.
async fn after_a_quiz(client: &Client, site: &StaticSite, case: &Case, book: &str, seed: u32) {
    let name = case.name;
    let before = if matches!(case.setup, Setup::Blocked) {
        BTreeMap::new()
    } else {
        stored_values(client).await
    };
    let id = finish_one_question_quiz(client, site, name, book, seed).await;
    assert!(
        id.starts_with(book),
        "{name}: the results page of a {book} attempt: {id}"
    );
    assert_no_fatal_error(client, name).await;
    let stored = if matches!(case.setup, Setup::Blocked) {
        BTreeMap::new()
    } else {
        stored_values(client).await
    };
    let subject = case.subject();
    match case.outcome {
        Outcome::Kept => {
            assert_no_notice(client, name).await;
            let mut earlier = Vec::new();
            if let Some(raw) = &case.progress {
                earlier.push(parse(name, raw));
            }
            if let Setup::OtherTabWrites { value, .. } = &case.setup {
                earlier.push(parse(name, value));
            }
            let saved = parse(name, stored_progress(&stored, name));
            check_nothing_lost(name, &earlier, &saved, book, &id);
            assert!(
                backups(&stored).is_empty(),
                "{name}: nothing is copied aside"
            );
        }
        Outcome::BackedUp => {
            wait_for_notice(client, name, &["could not be read"]).await;
            let garbage = subject.unwrap();
            let copies = backups(&stored);
            assert!(
                !copies.is_empty(),
                "{name}: the unreadable value is still copied aside"
            );
            for (key, value) in &copies {
                assert_eq!(
                    value, garbage,
                    "{name}: {key} holds the unreadable value byte for byte"
                );
            }
            for (key, value) in backups(&before) {
                assert_eq!(
                    stored.get(&key),
                    Some(&value),
                    "{name}: the copy {key} made before the quiz is unchanged"
                );
            }
            // What the app held in memory (progress read before another
            // writer spoiled the key) is saved with the new attempt.
            let earlier: Vec<Value> = match (&case.progress, case.overwritten_later()) {
                (Some(raw), true) => vec![parse(name, raw)],
                _ => Vec::new(),
            };
            let saved = parse(name, stored_progress(&stored, name));
            check_nothing_lost(name, &earlier, &saved, book, &id);
        }
        Outcome::LeftAlone(_) => {
            wait_for_notice(client, name, &["newer version"]).await;
            assert_eq!(
                stored.get(PROGRESS_KEY).map(String::as_str),
                subject,
                "{name}: the newer progress is never written over"
            );
            assert!(
                !stored.contains_key(UNFINISHED_KEY),
                "{name}: nothing else is written either"
            );
            assert!(
                backups(&stored).is_empty(),
                "{name}: nothing is copied aside"
            );
        }
        Outcome::NotSaved => {
            wait_for_notice(client, name, &["could not be saved", "storage is full"]).await;
            assert_eq!(
                stored.get(PROGRESS_KEY).map(String::as_str),
                subject,
                "{name}: the stored progress is unchanged"
            );
        }
        Outcome::UnreadableNotBackedUp => {
            wait_for_notice(client, name, &["could not be copied aside"]).await;
            assert_eq!(
                stored.get(PROGRESS_KEY).map(String::as_str),
                subject,
                "{name}: unreadable progress that could not be copied is never written over"
            );
            assert!(backups(&stored).is_empty(), "{name}: no copy aside");
        }
        Outcome::Unavailable => {
            wait_for_notice(client, name, &["cannot be saved in this browser"]).await;
        }
    }
    // The result stays for this visit, saved or not.
    client.goto(&site.url("#/")).await.unwrap();
    find(client, ".book-card").await;
    let selector = format!("[data-book={book}] .best");
    wait_until(client, name, &selector, |t| t.starts_with("Best score: ")).await;
}

/// Every attempt of `earlier` (the values the app read, reset markers
/// applied) is in `saved`, whole or compacted, exactly once, with the new
/// attempt; latest answers, reset markers and settings are kept too.
fn check_nothing_lost(name: &str, earlier: &[Value], saved: &Value, book: &str, id: &str) {
    assert_eq!(saved["schema"], json!(2), "{name}: saved as schema 2");
    let new = saved["attempts"]
        .as_array()
        .and_then(|attempts| attempts.iter().find(|a| a["id"] == json!(id)))
        .unwrap_or_else(|| panic!("{name}: the new attempt {id} is saved"));
    assert_eq!(new["book"], json!(book), "{name}: the new attempt's book");
    assert_eq!(
        new["score"]["total"],
        json!(1),
        "{name}: a one-question attempt"
    );

    let mut expected: BTreeSet<(String, [u64; 4])> = BTreeSet::new();
    for value in earlier {
        expected.extend(history(value));
    }
    expected.extend(history(&json!({"attempts": [new]})));
    let saved_history = history(saved);
    assert_eq!(
        saved_history.len(),
        expected.len(),
        "{name}: every attempt once, and the new one: saved {saved_history:?}, expected {expected:?}"
    );
    assert_eq!(
        saved_history.iter().cloned().collect::<BTreeSet<_>>(),
        expected,
        "{name}: the saved history"
    );

    let saved_ids: BTreeSet<&str> = saved["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    let archived: BTreeSet<(String, [u64; 4])> =
        history(&json!({"archive": saved["archive"].clone()}))
            .into_iter()
            .collect();
    for value in earlier {
        for attempt in value["attempts"].as_array().into_iter().flatten() {
            let book = attempt["book"].as_str().unwrap_or_default();
            let run = run_of(attempt);
            if run[0] <= cutoff(value, book) {
                continue;
            }
            let attempt_id = attempt["id"].as_str().unwrap_or_default();
            assert!(
                saved_ids.contains(attempt_id) || archived.contains(&(book.to_owned(), run)),
                "{name}: attempt {attempt_id} is kept, whole or compacted"
            );
        }
        for (answered_book, answers) in pairs(&value["answered"]) {
            for (question, latest) in pairs(&answers) {
                let at = latest[0].as_u64().unwrap_or_default();
                if at <= cutoff(value, &answered_book) {
                    continue;
                }
                let kept = pair(&pair(&saved["answered"], &answered_book), &question)[0].as_u64();
                assert!(
                    kept.is_some_and(|kept| kept >= at),
                    "{name}: the latest answer to {question} is kept"
                );
            }
        }
        for (reset_book, at) in pairs(&value["resets"]) {
            assert!(
                pair(&saved["resets"], &reset_book).as_u64() >= at.as_u64(),
                "{name}: the reset marker of {reset_book} is kept"
            );
        }
        if value["settings"].is_object() && value["settings"] != json!({"changed_at_ms": 0}) {
            assert_eq!(
                saved["settings"], value["settings"],
                "{name}: settings are kept"
            );
        }
    }
}

/// Every finished attempt a stored value holds, whole or compacted, as its
/// book and `[finished_ms, duration_ms, correct, total]`, without those its
/// reset markers drop.
fn history(value: &Value) -> Vec<(String, [u64; 4])> {
    let mut history = Vec::new();
    for attempt in value["attempts"].as_array().into_iter().flatten() {
        let book = attempt["book"].as_str().unwrap_or_default().to_owned();
        history.push((book, run_of(attempt)));
    }
    for group in value["archive"].as_array().into_iter().flatten() {
        let book = group["book"].as_str().unwrap_or_default().to_owned();
        for run in group["runs"].as_array().into_iter().flatten() {
            let field = |i: usize| run[i].as_u64().unwrap_or_default();
            history.push((book.clone(), [field(0), field(1), field(2), field(3)]));
        }
    }
    history.retain(|(book, run)| run[0] > cutoff(value, book));
    history.sort();
    history
}

fn run_of(attempt: &Value) -> [u64; 4] {
    let field = |v: &Value| v.as_u64().unwrap_or_default();
    let finished = field(&attempt["finished_at_ms"]);
    [
        finished,
        finished - field(&attempt["started_at_ms"]),
        field(&attempt["score"]["correct"]),
        field(&attempt["score"]["total"]),
    ]
}

/// When a book's progress was last reset in this value (0 if never).
fn cutoff(value: &Value, book: &str) -> u64 {
    let at = |key: &str| pair(&value["resets"], key).as_u64().unwrap_or(0);
    at(book).max(at("*"))
}

/// The entries of a stored list of `[key, value]` pairs (progress keeps
/// its maps that way).
fn pairs(list: &Value) -> Vec<(String, Value)> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| Some((entry[0].as_str()?.to_owned(), entry[1].clone())))
        .collect()
}

/// The value under `key` in a list of pairs, or null.
fn pair(list: &Value, key: &str) -> Value {
    pairs(list)
        .into_iter()
        .find(|(k, _)| k == key)
        .map_or(Value::Null, |(_, v)| v)
}

fn parse(name: &str, raw: &str) -> Value {
    serde_json::from_str(raw).unwrap_or_else(|e| panic!("{name}: {raw:.80?} is JSON: {e}"))
}

fn stored_progress<'a>(stored: &'a BTreeMap<String, String>, name: &str) -> &'a str {
    stored
        .get(PROGRESS_KEY)
        .unwrap_or_else(|| panic!("{name}: progress is saved"))
}

// ---------------------------------------------------------------------------
// Browser helpers

async fn js(client: &Client, script: &str, args: Vec<Value>) -> Value {
    client
        .execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("script fails: {e}: {script}"))
}

/// Every stored key and value but the test's filler.
async fn stored_values(client: &Client) -> BTreeMap<String, String> {
    let all = js(
        client,
        "const out = {};
         for (let i = 0; i < localStorage.length; i++) {
             const key = localStorage.key(i);
             if (!key.startsWith(arguments[0])) out[key] = localStorage.getItem(key);
         }
         return out;",
        vec![json!(FILLER_PREFIX)],
    )
    .await;
    serde_json::from_value(all).expect("keys and string values")
}

/// The copies of unreadable progress, by key.
fn backups(stored: &BTreeMap<String, String>) -> Vec<(String, String)> {
    stored
        .iter()
        .filter(|(key, _)| key.starts_with(BACKUP_PREFIX))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

/// Uses up the storage quota with filler keys, then checks that a write of
/// the size the app makes fails.
async fn fill_storage(client: &Client, name: &str) {
    let full = js(
        client,
        "let n = 0;
         for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 1 << 4, 1]) {
             const value = 'x'.repeat(size);
             for (;;) {
                 try { localStorage.setItem(arguments[0] + n, value); n += 1; }
                 catch (e) { if (e.name !== 'QuotaExceededError') throw e; break; }
             }
         }
         try { localStorage.setItem('e2e-probe', 'x'.repeat(64)); localStorage.removeItem('e2e-probe'); return false; }
         catch (e) { return e.name === 'QuotaExceededError'; }",
        vec![json!(FILLER_PREFIX)],
    )
    .await;
    assert_eq!(full, json!(true), "{name}: the storage quota is used up");
}

/// Another tab of the same site (a page beside the app) stores `value`
/// under the progress key, then closes.
async fn write_from_another_tab(client: &Client, site: &StaticSite, name: &str, value: &str) {
    let app_window = client.window().await.unwrap();
    let other = client.new_window(true).await.unwrap().handle;
    client.switch_to_window(other).await.unwrap();
    client.goto(&site.page_url("")).await.unwrap();
    js(
        client,
        "localStorage.setItem(arguments[0], arguments[1])",
        vec![json!(PROGRESS_KEY), json!(value)],
    )
    .await;
    client.close_window().await.unwrap();
    client.switch_to_window(app_window).await.unwrap();
    let now = js(
        client,
        "return localStorage.getItem(arguments[0])",
        vec![json!(PROGRESS_KEY)],
    )
    .await;
    assert_eq!(now, json!(value), "{name}: the other tab's value is stored");
}

/// For the report of a failure: clicks "Resume it" and tells what follows,
/// the app's fatal error or the quiz page's first lines.
async fn what_resuming_shows(client: &Client) -> String {
    if click_if_present(client, "#resume").await {
        for _ in 0..30 {
            for css in ["#fatal-error", "#progress-label", ".quiz .error"] {
                if let Ok(element) = client.find(Locator::Css(css)).await {
                    match element.text().await {
                        Ok(text) if !text.is_empty() => return format!("{css}: {text}"),
                        _ => {}
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    "nothing".into()
}

async fn click_if_present(client: &Client, css: &str) -> bool {
    match client.find(Locator::Css(css)).await {
        Ok(element) => element.click().await.is_ok(),
        Err(_) => false,
    }
}

/// Takes a one-question quiz by clicking its first option (or typing, or
/// checking the steps as shown); returns the id
/// of the attempt, from the results page's address.
async fn finish_one_question_quiz(
    client: &Client,
    site: &StaticSite,
    name: &str,
    book: &str,
    seed: u32,
) -> String {
    client
        .goto(&site.url(&format!("#/book/{book}/quiz?count=1&seed={seed}")))
        .await
        .unwrap();
    answer_somehow(client).await;
    click(client, "#next").await;
    find(client, "#score").await;
    let url = client.current_url().await.unwrap();
    let fragment = url.fragment().unwrap_or_default().to_owned();
    fragment
        .strip_prefix("/results/")
        .unwrap_or_else(|| panic!("{name}: the results page, not {fragment:?}"))
        .to_owned()
}

async fn check_best_scores(client: &Client, name: &str, best: &[(&str, &str)]) {
    for book in BOOKS {
        let expected = best
            .iter()
            .find(|(b, _)| *b == book)
            .map_or("Not taken yet", |(_, text)| *text);
        let selector = format!("[data-book={book}] .best");
        wait_until(client, name, &selector, |t| t == expected).await;
    }
}

async fn assert_no_notice(client: &Client, name: &str) {
    let notices = client.find_all(Locator::Css(".notice")).await.unwrap();
    if let Some(notice) = notices.first() {
        let text = notice.text().await.unwrap_or_default();
        panic!("{name}: no notice expected, but: {text:?}");
    }
}

async fn assert_no_fatal_error(client: &Client, name: &str) {
    let fatal = client.find_all(Locator::Css("#fatal-error")).await.unwrap();
    if let Some(fatal) = fatal.first() {
        let text = fatal.text().await.unwrap_or_default();
        panic!("{name}: the app stopped: {text:?}");
    }
}

/// Waits for the notice to contain every one of `parts`; returns its text.
async fn wait_for_notice(client: &Client, name: &str, parts: &[&str]) -> String {
    let notice = wait_until(client, name, ".notice[role=alert]", |t| {
        parts.iter().all(|part| t.contains(part))
    })
    .await;
    assert!(!notice.is_empty(), "{name}: the notice has a text");
    notice
}

/// Waits (up to 10 s) until the element's text satisfies `check`.
async fn wait_until(
    client: &Client,
    name: &str,
    css: &str,
    check: impl Fn(&str) -> bool,
) -> String {
    let mut last = None;
    for _ in 0..100 {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if let Ok(text) = element.text().await {
                if check(&text) {
                    return text;
                }
                last = Some(text);
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    match last {
        Some(text) => panic!("{name}: the text of {css:?} never matched; last seen: {text:?}"),
        None => panic!("{name}: no element {css:?}"),
    }
}
