//! A SCORM package (`cargo xtask scorm`) in an LMS's player: a host page
//! that puts scorm-again's run-time (the SCORM 1.2 `API` or the SCORM 2004
//! `API_1484_11`) around the unzipped package in a frame, as an LMS does,
//! and keeps what each commit saved so that a reload launches the package
//! again on the LMS's data. What the run-time recorded is read back from
//! it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use e2e::packs::{course_pack, to_json};
use e2e::{
    answer_question, answer_question_of, bank, click, find, run_js, wait_for_text, with_browser,
    workspace_dir, StaticSite,
};
use fantoccini::Client;
use quiz_domain::Bank;
use serde_json::Value;

/// The quiz of the book's packages, as their manifest launches it.
const LAUNCH: &str = "#/lms?book=fluent-python&count=3&pass=50";
/// The quiz of the pack's package.
const PACK_LAUNCH: &str = "#/lms?pack=course-pack.json&count=3&pass=50";

/// What a package quizzes on, as `cargo xtask scorm` is told it, and the
/// bank its questions come from.
#[derive(Clone, Copy)]
enum Quizzed {
    Book,
    Pack,
}

impl Quizzed {
    fn bank(self) -> Bank {
        match self {
            Quizzed::Book => bank("fluent-python"),
            Quizzed::Pack => course_pack(),
        }
    }

    fn launch(self) -> &'static str {
        match self {
            Quizzed::Book => LAUNCH,
            Quizzed::Pack => PACK_LAUNCH,
        }
    }
}

/// The launch page the manifest names, as an LMS reads it.
fn launch_in_manifest(package: &Path) -> String {
    let manifest = std::fs::read_to_string(package.join("imsmanifest.xml")).expect("a manifest");
    let href = manifest
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.starts_with("index.html#"))
        .expect("a resource launches index.html");
    href.replace("&amp;", "&")
}

#[derive(Clone, Copy)]
enum Version {
    Scorm12,
    Scorm2004,
}

impl Version {
    fn option(self) -> &'static str {
        match self {
            Version::Scorm12 => "1.2",
            Version::Scorm2004 => "2004",
        }
    }

    /// scorm-again's build of this version, its class and the window
    /// property the SCORM run-time environment names.
    fn run_time(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Version::Scorm12 => ("scorm12.min.js", "Scorm12API", "API"),
            Version::Scorm2004 => ("scorm2004.min.js", "Scorm2004API", "API_1484_11"),
        }
    }
}

/// Packages are written one at a time: the tests of this file run side by
/// side, and two of them may ask for the same zip.
static PACKAGING: Mutex<()> = Mutex::new(());

/// Writes the book's package with the xtask and unzips it into a folder of
/// its own, once per version and test run.
fn unzipped_package(version: Version) -> PathBuf {
    unzipped(version, Quizzed::Book)
}

fn unzipped(version: Version, quizzed: Quizzed) -> PathBuf {
    let _one_at_a_time = PACKAGING.lock().unwrap_or_else(|e| e.into_inner());
    let name = format!("e2e-scorm-{}-{}", version.option(), std::process::id());
    let folder = std::env::temp_dir().join(match quizzed {
        Quizzed::Book => name,
        Quizzed::Pack => format!("{name}-pack"),
    });
    if folder.join("imsmanifest.xml").exists() {
        return folder;
    }
    let workspace = workspace_dir();
    let quiz_of = match quizzed {
        Quizzed::Book => ["--book".to_owned(), "fluent-python".to_owned()],
        Quizzed::Pack => {
            let file = std::env::temp_dir().join(format!("e2e-week-1-{}.json", std::process::id()));
            std::fs::write(&file, to_json(&course_pack())).unwrap();
            ["--pack".to_owned(), file.display().to_string()]
        }
    };
    let written = Command::new(env!("CARGO"))
        .current_dir(&workspace)
        .args(["run", "--quiet", "--package", "xtask", "--", "scorm"])
        .args(quiz_of)
        .args(["--count", "3", "--pass", "50"])
        .args(["--scorm", version.option()])
        .output()
        .expect("cargo xtask scorm runs");
    assert!(
        written.status.success(),
        "cargo xtask scorm: {}",
        String::from_utf8_lossy(&written.stderr)
    );
    let zip = String::from_utf8_lossy(&written.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().find(|word| word.ends_with(".zip")))
        .map(PathBuf::from)
        .next_back()
        .expect("the xtask names the zip it wrote");
    let unzipped = Command::new("python3")
        .args(["-m", "zipfile", "-e"])
        .arg(workspace.join(&zip))
        .arg(&folder)
        .status()
        .expect("python3 unzips");
    assert!(unzipped.success(), "the package unzips");
    folder
}

/// The LMS's player page, beside the package: the run-time, loaded with the
/// suspend data the last commit saved; its commits after the first `skip`
/// are refused `refuse` times, with error 391.
fn player_page(version: Version, skip: u32, refuse: u32) -> impl FnOnce(&Path) {
    player_page_of(version, Quizzed::Book, skip, refuse)
}

fn player_page_of(
    version: Version,
    quizzed: Quizzed,
    skip: u32,
    refuse: u32,
) -> impl FnOnce(&Path) {
    let launch = quizzed.launch();
    let (script, class, name) = version.run_time();
    let (commit, last_error) = match version {
        Version::Scorm12 => ("LMSCommit", "LMSGetLastError"),
        Version::Scorm2004 => ("Commit", "GetLastError"),
    };
    let run_time = workspace_dir()
        .join("tools/node_modules/scorm-again/dist")
        .join(script);
    let run_time = std::fs::read_to_string(&run_time)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask setup`)", run_time.display()));
    let page = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course</title>
<script src="scorm-again.js"></script>
<script>
const api = new {class}({{ autocommit: false, logLevel: 5 }});
const kept = localStorage.getItem("lms-suspend-data");
if (kept) api.loadFromFlattenedJSON({{ "cmi.suspend_data": kept }});
let skip = {skip}, refuse = {refuse};
window.commits = 0;
window.refused = 0;
const commit = api.{commit}.bind(api);
const lastError = api.{last_error}.bind(api);
let failed = false;
api.{commit} = (arg) => {{
  if (skip > 0) skip--;
  else if (refuse > 0) {{ refuse--; window.refused++; failed = true; return "false"; }}
  failed = false;
  const done = commit(arg);
  if (done === "true") {{ window.commits++; localStorage.setItem("lms-suspend-data", api.cmi.suspend_data); }}
  return done;
}};
api.{last_error} = () => failed ? "391" : lastError();
window.{name} = api;
</script></head>
<body><iframe id="player" title="The quiz" src="quiz/index.html{launch}" style="width:100%;height:90vh"></iframe></body></html>"#
    );
    move |app_dir| {
        assert_eq!(
            launch_in_manifest(app_dir),
            format!("index.html{launch}"),
            "the player launches what the manifest says"
        );
        let root = app_dir.parent().unwrap();
        std::fs::write(root.join("scorm-again.js"), run_time).unwrap();
        std::fs::write(root.join("player.html"), page).unwrap();
    }
}

/// What the run-time holds, as plain JSON.
async fn recorded(client: &Client, version: Version) -> Value {
    let name = version.run_time().2;
    run_js(
        client,
        &format!("return JSON.parse(JSON.stringify(window.{name}.cmi))"),
    )
    .await
}

async fn enter_player(client: &Client) {
    find(client, "#player").await.enter_frame().await.unwrap();
}

/// Answers the three questions of the book's quiz, the first two right,
/// and opens the score.
async fn take_the_quiz(client: &Client, from: usize) {
    take_the_quiz_of(client, &Quizzed::Book.bank(), from).await;
}

async fn take_the_quiz_of(client: &Client, bank: &Bank, from: usize) {
    for number in from..=3 {
        wait_for_text(client, "#progress-label", |t| {
            t == format!("Question {number} of 3")
        })
        .await;
        answer_question_of(client, bank, number < 3).await;
        wait_for_text(client, ".feedback .verdict", |t| !t.is_empty()).await;
        click(client, "#next").await;
    }
    wait_for_text(client, "#score", |t| t == "2 of 3 (66%)").await;
}

/// Opens the player, takes the quiz to its end, waits until the page says
/// the LMS has the result, and comes back to the player's page.
async fn take_the_quiz_in_the_player(client: &Client, lms: &StaticSite) {
    client.goto(&lms.page_url("player.html")).await.unwrap();
    enter_player(client).await;
    take_the_quiz(client, 1).await;
    wait_for_text(client, "#lms-notice", |t| {
        t == "Your result has been sent to your course."
    })
    .await;
    client.enter_parent_frame().await.unwrap();
}

async fn the_lms_records_the_result(version: Version) {
    let package = unzipped_package(version);
    let lms = StaticSite::serve_with(&package, player_page(version, 0, 0));
    with_browser(|client| async move {
        take_the_quiz_in_the_player(&client, &lms).await;
        let cmi = recorded(&client, version).await;
        let interactions = cmi["interactions"].as_object().expect("interactions");
        assert_eq!(interactions.len(), 3, "{cmi}");
        let results: Vec<&Value> = (0..3)
            .map(|n| &interactions[&n.to_string()]["result"])
            .collect();
        let (score, session_time) = match version {
            Version::Scorm12 => {
                assert_eq!(cmi["core"]["lesson_status"], "passed", "{cmi}");
                assert_eq!(results, ["correct", "correct", "wrong"]);
                (&cmi["core"]["score"], &cmi["core"]["session_time"])
            }
            Version::Scorm2004 => {
                assert_eq!(cmi["completion_status"], "completed", "{cmi}");
                assert_eq!(cmi["success_status"], "passed", "{cmi}");
                assert_eq!(cmi["score"]["scaled"], "0.6600", "{cmi}");
                assert_eq!(results, ["correct", "correct", "incorrect"]);
                (&cmi["score"], &cmi["session_time"])
            }
        };
        assert_eq!(
            (score["raw"].as_str(), score["max"].as_str()),
            (Some("66"), Some("100")),
            "{cmi}"
        );
        assert!(
            session_time
                .as_str()
                .is_some_and(|t| !t.is_empty() && t != "00:00:00" && t != "PT0S"),
            "the session's time is recorded: {session_time}"
        );
        for n in 0..3 {
            let interaction = &interactions[&n.to_string()];
            assert!(
                interaction["id"]
                    .as_str()
                    .is_some_and(|id| id.starts_with("fp-")),
                "{interaction}"
            );
            assert!(
                !interaction["type"].as_str().unwrap_or_default().is_empty(),
                "{interaction}"
            );
        }
        assert_eq!(cmi["suspend_data"], "", "nothing left to resume");
    })
    .await;
}

#[tokio::test]
async fn a_scorm_12_lms_records_the_score_status_time_and_answers() {
    the_lms_records_the_result(Version::Scorm12).await;
}

#[tokio::test]
async fn a_scorm_2004_lms_records_the_score_statuses_time_and_answers() {
    the_lms_records_the_result(Version::Scorm2004).await;
}

#[tokio::test]
async fn a_reload_in_the_lms_resumes_from_its_suspend_data() {
    let version = Version::Scorm12;
    let package = unzipped_package(version);
    let lms = StaticSite::serve_with(&package, player_page(version, 0, 0));
    with_browser(|client| async move {
        client.goto(&lms.page_url("player.html")).await.unwrap();
        enter_player(&client).await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 3").await;
        let first = answer_question(&client, "fluent-python", true).await;
        wait_for_text(&client, ".feedback .verdict", |t| t == "Correct.").await;
        client.enter_parent_frame().await.unwrap();
        assert_eq!(run_js(&client, "return window.commits").await, 1);
        // The next launch runs on what the LMS kept, in a fresh browser
        // storage: the LMS may run it on another computer.
        run_js(
            &client,
            "Object.keys(localStorage).filter(k => k.startsWith('python-architect-quiz')).forEach(k => localStorage.removeItem(k))",
        )
        .await;
        client.refresh().await.unwrap();
        enter_player(&client).await;
        take_the_quiz(&client, 2).await;
        client.enter_parent_frame().await.unwrap();
        let cmi = recorded(&client, version).await;
        assert_eq!(cmi["interactions"]["0"]["id"], first.id.as_str(), "{cmi}");
        assert_eq!(cmi["core"]["score"]["raw"], "66", "{cmi}");
    })
    .await;
}

#[tokio::test]
async fn a_commit_refused_once_is_retried_and_one_refused_twice_is_told_with_the_score() {
    let version = Version::Scorm2004;
    let package = unzipped_package(version);
    // The three answers commit once each; then the result's commit.
    let once = StaticSite::serve_with(&package, player_page(version, 0, 1));
    let twice = StaticSite::serve_with(&package, player_page(version, 3, 2));
    with_browser(|client| async move {
        take_the_quiz_in_the_player(&client, &once).await;
        assert_eq!(run_js(&client, "return window.refused").await, 1);
        assert_eq!(recorded(&client, version).await["success_status"], "passed");

        client.goto(&twice.page_url("player.html")).await.unwrap();
        enter_player(&client).await;
        take_the_quiz(&client, 1).await;
        let told = wait_for_text(&client, "#lms-notice", |t| t.contains("did not record")).await;
        assert!(told.contains("Commit: error 391"), "{told}");
        assert!(told.contains("Your score is 2 of 3 (66%)"), "{told}");
        client.enter_parent_frame().await.unwrap();
        assert_eq!(run_js(&client, "return window.refused").await, 2);
    })
    .await;
}

#[tokio::test]
async fn a_pack_s_package_runs_the_pack_it_carries_and_the_lms_records_its_answers() {
    let version = Version::Scorm2004;
    let package = unzipped(version, Quizzed::Pack);
    assert!(package.join("course-pack.json").is_file());
    assert!(
        !package.join("banks/fluent-python.json").exists(),
        "no book's bank"
    );
    let lms = StaticSite::serve_with(&package, player_page_of(version, Quizzed::Pack, 0, 0));
    with_browser(|client| async move {
        client.goto(&lms.page_url("player.html")).await.unwrap();
        enter_player(&client).await;
        wait_for_text(&client, ".quiz-title", |t| {
            t.contains("Week 1 of a Python course")
        })
        .await;
        take_the_quiz_of(&client, &Quizzed::Pack.bank(), 1).await;
        wait_for_text(&client, "#lms-notice", |t| {
            t == "Your result has been sent to your course."
        })
        .await;
        client.enter_parent_frame().await.unwrap();
        let cmi = recorded(&client, version).await;
        assert_eq!(cmi["success_status"], "passed", "{cmi}");
        let pack = course_pack();
        for n in 0..3 {
            let id = cmi["interactions"][n.to_string()]["id"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            assert!(
                pack.question(&id).is_some(),
                "{id} is a question of the pack"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn without_an_lms_the_package_is_a_quiz_that_says_nothing_is_recorded() {
    let package = unzipped_package(Version::Scorm12);
    let site = StaticSite::serve(&package);
    with_browser(|client| async move {
        client.goto(&site.url(LAUNCH)).await.unwrap();
        wait_for_text(&client, "#lms-notice", |t| {
            t.contains("not connected to a learning system")
        })
        .await;
        take_the_quiz(&client, 1).await;
    })
    .await;
}
