//! `cargo xtask bench`: what the first page costs to download (raw, gzip and
//! brotli bytes of every file it loads) and, over several runs in headless
//! Chromium, how long until the first question can be clicked and how long
//! from a click on an answer to its feedback; and the stored bytes per
//! attempt once 10,000 quizzes are kept. Prints figures; asserts nothing.
//!
//! Then the cold-load table: first visits as people meet them. Every run
//! is a new Chromium with an empty profile (nothing cached, no service
//! worker), its main thread slowed through the DevTools protocol, loading
//! from `e2e::shaped_server`, which serves every file brotli-compressed
//! (quality 11) and shapes the link itself: a fixed latency before each
//! response and one bandwidth shared by every response of the run, the
//! service worker's included. Profiles: "none" (no latency, no bandwidth
//! limit, no slowdown) and "Slow 4G" (Lighthouse's mobile: 150 ms per
//! response, 1.6 Mbit/s shared, CPU 4x slower). Rows, each timed from
//! navigation start until its first answer can be clicked (present and
//! enabled, seen by a mutation observer in the page):
//!
//! - `deep-link`: `#/book/fluent-python/quiz?count=10&seed=N`;
//! - `home`: the home page, until the books are listed (`.book-card`);
//! - `home-to-quiz`: the home page, a click on Fluent Python as soon as it
//!   is listed, a click on "Start the quiz" as soon as that is shown, then
//!   the quiz (no time to think: the lower bound of that visit);
//! - `embed`: a course page (outside the app's folder) holding
//!   `<div data-quiz="fluent-python" data-count="10" data-seed="N">` and
//!   the app's embed.js, until the first answer in the frame;
//! - `quizdown`: the same ten questions as a quizdown page (its bundle and
//!   highlight.js extension, brotli-compressed like ours), the reference.
//!
//! N is the first seed whose ten questions all have options to click, so
//! quizdown can ask the same ones. Each row and profile has one warm-up run
//! (not counted), then `RUNS` runs: median and range (min-max) in ms. The
//! columns from "before" on come from the first counted run: response
//! bytes (head and body, as sent) of the requests finished before the
//! first answer was clickable; the bytes of the whole run, once the
//! network has been quiet for 1.5 s (the service worker's precache
//! included); the requests started before ready; and the sequential round
//! trips before ready (a request's depth is 1 + the largest depth among the
//! requests finished before it started; the navigation is 1). The ratios
//! divide our medians by quizdown's. The chain of requests of the deep
//! link on Slow 4G is listed once, with depths and times from the
//! navigation request's arrival.
//!
//! `E2E_DIST=/path/to/dist` benches another build; `--rows deep-link,embed`
//! measures only those cold-load rows.

use std::io::Write;
use std::path::Path;

use e2e::cold_load::{cold_load, ColdRun, Journey, Profile, PROFILES};
use e2e::quizdown_page::quizdown_files;
use e2e::shaped_server::ShapedServer;
use e2e::{bank, dist_dir, home_page_files, with_browser, StaticSite};
use fantoccini::Client;
use quiz_application::progress::Progress;
use quiz_domain::{select_questions, Answer, AttemptResult, Bank, Mode, Response, Score};

const RUNS: usize = 7;
/// Cold loads counted per row and profile, after one warm-up.
const COLD_RUNS: usize = 5;
const QUIZ_LENGTH: usize = 10;
/// Any answer of the question on screen, whatever its kind.
const FIRST_ANSWER: &str = ".options .option input, #typed-answer, .steps .step button";

fn compressed_sizes(path: &Path) -> (usize, usize, usize) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut gzip = Vec::new();
    {
        let mut encoder = flate2::write::GzEncoder::new(&mut gzip, flate2::Compression::best());
        encoder.write_all(&bytes).unwrap();
        encoder.finish().unwrap();
    }
    let mut brotli = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
        writer.write_all(&bytes).unwrap();
    }
    (bytes.len(), gzip.len(), brotli.len())
}

fn summary(mut values: Vec<f64>) -> String {
    let runs: Vec<String> = values.iter().map(|v| format!("{v:.1}")).collect();
    values.sort_by(f64::total_cmp);
    format!(
        "median {:.1} (runs: {})",
        values[values.len() / 2],
        runs.join(", ")
    )
}

/// Resolves once `selector` matches, with the milliseconds since navigation.
const WAIT_FOR: &str = "const [selector] = arguments; return new Promise(resolve => {
    const look = () => document.querySelector(selector) ? resolve(performance.now()) : requestAnimationFrame(look);
    look();
});";

/// Clicks the first option, submits, and resolves with the milliseconds
/// until the verdict is on screen.
const CLICK_TO_FEEDBACK: &str = "return new Promise(resolve => {
    document.querySelector('.options .option label').click();
    const start = performance.now();
    document.querySelector('#check').click();
    const look = () => document.querySelector('.feedback.answered .verdict')?.textContent
        ? resolve(performance.now() - start) : requestAnimationFrame(look);
    look();
});";

/// Clicks a book on the home page and resolves with the milliseconds until
/// its page is on screen: the whole app's Wasm takes over from the home
/// page's own there (public/boot.js).
const HOME_TO_BOOK: &str = "return new Promise(resolve => {
    document.querySelector('[data-book=fluent-python] h2 a').click();
    const start = performance.now();
    const look = () => document.querySelector('h1')?.textContent === 'Fluent Python'
        ? resolve(performance.now() - start) : requestAnimationFrame(look);
    look();
});";

/// 10,000 ten-question quizzes over every book, one every ten minutes, with
/// real question ids: what stored progress weighs after heavy use.
fn stored_bytes_per_attempt() {
    const ATTEMPTS: u64 = 10_000;
    let books: Vec<_> = [
        "architecture-patterns",
        "clean-architecture",
        "fluent-python",
        "high-performance-python",
        "stdlib-by-example",
    ]
    .map(bank)
    .into();
    let mut progress = Progress::default();
    for n in 0..ATTEMPTS {
        let bank = &books[n as usize % books.len()];
        let finished_at_ms = 1_700_000_000_000 + n * 600_000;
        let responses: Vec<Response> = (0..10)
            .map(|i| Response {
                question: bank.questions[(n as usize * 7 + i) % bank.questions.len()]
                    .id
                    .clone(),
                answer: Answer::new([i % 3]),
                correct: !(n as usize + i).is_multiple_of(3),
                time_ms: Some(20_000),
            })
            .collect();
        progress.add(AttemptResult {
            id: progress.new_attempt_id(&bank.book.id, finished_at_ms),
            book: bank.book.id.clone(),
            mode: Mode::Practice,
            score: Score {
                correct: responses.iter().filter(|r| r.correct).count() as u32,
                total: 10,
            },
            responses,
            started_at_ms: finished_at_ms - 240_000,
            finished_at_ms,
        });
    }
    let bytes = progress.to_json().len();
    println!(
        "\nStored progress after {ATTEMPTS} ten-question quizzes: {bytes} bytes, {} bytes per attempt ({} kept with every answer)",
        bytes as u64 / ATTEMPTS,
        progress.attempts.len()
    );
}

/// Loads `url` afresh and times it until `selector` is on the page, then
/// runs `act` (a script resolving with a duration) and returns both, in ms.
async fn load_then_act(client: &Client, url: &str, selector: &str, act: &str) -> (f64, f64) {
    client.goto("about:blank").await.unwrap();
    client.goto(url).await.unwrap();
    let ready = client
        .execute(WAIT_FOR, vec![serde_json::json!(selector)])
        .await
        .unwrap();
    let acted = client.execute(act, vec![]).await.unwrap();
    (ready.as_f64().unwrap(), acted.as_f64().unwrap())
}

#[tokio::main]
async fn main() {
    let rows = rows_asked_for();
    stored_bytes_per_attempt();
    let dist = dist_dir();
    println!("The build benched: {}", dist.display());
    unthrottled_figures(&dist).await;
    cold_loads(&dist, &rows).await;
}

/// What the home page loads, and timings on a plain local server.
async fn unthrottled_figures(dist: &Path) {
    let site = StaticSite::serve(dist);
    with_browser(|client| async move {
        println!("What the home page loads (bytes):");
        println!("{:>9} {:>9} {:>9}  file", "raw", "gzip", "brotli");
        let mut totals = (0, 0, 0);
        for file in home_page_files(&client, &site).await {
            let (raw, gzip, brotli) = compressed_sizes(&dist.join(&file));
            println!("{raw:>9} {gzip:>9} {brotli:>9}  {file}");
            totals = (totals.0 + raw, totals.1 + gzip, totals.2 + brotli);
        }
        println!("{:>9} {:>9} {:>9}  in all", totals.0, totals.1, totals.2);

        let mut to_question = Vec::new();
        let mut to_feedback = Vec::new();
        for run in 0..RUNS {
            let url = site.url(&format!("#/book/fluent-python/quiz?count=5&seed={run}"));
            let (ready, feedback) =
                load_then_act(&client, &url, ".options .option input", CLICK_TO_FEEDBACK).await;
            to_question.push(ready);
            to_feedback.push(feedback);
        }
        let mut to_books = Vec::new();
        let mut to_book = Vec::new();
        for _ in 0..RUNS {
            let (ready, opened) =
                load_then_act(&client, &site.url(""), ".book-card", HOME_TO_BOOK).await;
            to_books.push(ready);
            to_book.push(opened);
        }
        println!("\nOver {RUNS} runs in headless Chromium (ms):");
        println!(
            "  navigation to the home page's books:     {}",
            summary(to_books)
        );
        println!(
            "  click on a book there to its page:       {}",
            summary(to_book)
        );
        println!(
            "  navigation to first question clickable:  {}",
            summary(to_question)
        );
        println!(
            "  click on an answer to feedback shown:     {}",
            summary(to_feedback)
        );
    })
    .await;
}

/// A cold-load row: a visit timed until its first answer can be clicked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    DeepLink,
    Home,
    HomeToQuiz,
    Embed,
    Quizdown,
}

impl Row {
    const ALL: [Row; 5] = [
        Row::DeepLink,
        Row::Home,
        Row::HomeToQuiz,
        Row::Embed,
        Row::Quizdown,
    ];

    fn key(self) -> &'static str {
        match self {
            Row::DeepLink => "deep-link",
            Row::Home => "home",
            Row::HomeToQuiz => "home-to-quiz",
            Row::Embed => "embed",
            Row::Quizdown => "quizdown",
        }
    }

    fn journey(self, seed: u64) -> Journey {
        let (path, clicks, ready) = match self {
            Row::DeepLink => (
                format!("/quiz/#/book/fluent-python/quiz?count={QUIZ_LENGTH}&seed={seed}"),
                vec![],
                FIRST_ANSWER,
            ),
            Row::Home => ("/quiz/".into(), vec![], ".book-card"),
            Row::HomeToQuiz => (
                "/quiz/".into(),
                vec!["[data-book=fluent-python] h2 a", "#start-quiz"],
                FIRST_ANSWER,
            ),
            Row::Embed => (COURSE_PAGE.into(), vec![], FIRST_ANSWER),
            // quizdown draws each answer as a label holding a hidden
            // input, in a shadow root, after a spinner of its own.
            Row::Quizdown => ("/quizdown/index.html".into(), vec![], "label > input"),
        };
        Journey {
            path,
            clicks,
            ready,
        }
    }
}

/// The rows of `--rows a,b`, or all of them.
fn rows_asked_for() -> Vec<Row> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(keys) = args
        .iter()
        .position(|a| a == "--rows")
        .and_then(|at| args.get(at + 1))
    else {
        return Row::ALL.to_vec();
    };
    keys.split(',')
        .map(|key| {
            Row::ALL
                .into_iter()
                .find(|row| row.key() == key)
                .unwrap_or_else(|| {
                    let known: Vec<_> = Row::ALL.iter().map(|r| r.key()).collect();
                    panic!("no row {key:?}; the rows are {}", known.join(", "))
                })
        })
        .collect()
}

/// A course site's page, outside the app's folder, embedding a quiz.
const COURSE_PAGE: &str = "/course/week-1.html";

fn course_page(seed: u64) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Week 1: decorators</title></head>
<body>
<h1>Week 1: decorators</h1>
<p>Test yourself before the seminar.</p>
<div data-quiz="fluent-python" data-count="{QUIZ_LENGTH}" data-seed="{seed}"></div>
<script src="/quiz/embed.js" defer></script>
</body>
</html>
"#
    )
}

/// The first seed whose quiz has options to click in every question, so
/// that quizdown, which has no typed answers or ordering of steps, can ask
/// the very same questions.
fn seed_with_options_only(bank: &Bank) -> u64 {
    (1..1000)
        .find(|&seed| {
            select_questions(bank, QUIZ_LENGTH, seed, &[], &[])
                .iter()
                .all(|id| bank.question(id).is_some_and(|q| q.kind.takes_choices()))
        })
        .expect("some seed draws choice questions only")
}

/// Every file under `dir`, as (URL path under `prefix`, contents), without
/// the build's staging folder.
fn files_under(dir: &Path, prefix: &str) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a readable build") {
        let entry = entry.expect("a build entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().expect("file type").is_dir() {
            if name != ".stage" {
                files.extend(files_under(&entry.path(), &format!("{prefix}{name}/")));
            }
        } else {
            files.push((
                format!("{prefix}{name}"),
                std::fs::read(entry.path()).expect("a readable file"),
            ));
        }
    }
    files
}

/// One row on one profile: the counted runs' times and the first counted
/// run in full.
struct Measured {
    times: Vec<f64>,
    first: ColdRun,
}

async fn measure(
    server: &ShapedServer,
    journey: &Journey,
    profile: &Profile,
) -> Result<Measured, String> {
    cold_load(server, journey, profile, false).await?;
    let first = cold_load(server, journey, profile, true).await?;
    let mut times = vec![first.ready_ms];
    for _ in 1..COLD_RUNS {
        times.push(cold_load(server, journey, profile, false).await?.ready_ms);
    }
    Ok(Measured { times, first })
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

async fn cold_loads(dist: &Path, rows: &[Row]) {
    let bank = bank("fluent-python");
    let seed = seed_with_options_only(&bank);
    let questions: Vec<_> = select_questions(&bank, QUIZ_LENGTH, seed, &[], &[])
        .iter()
        .filter_map(|id| bank.question(id).cloned())
        .collect();
    let mut files = files_under(dist, "/quiz/");
    files.push((COURSE_PAGE.into(), course_page(seed).into_bytes()));
    for (name, contents) in quizdown_files("Fluent Python: ten questions", &questions) {
        files.push((format!("/quizdown/{name}"), contents));
    }
    let server = ShapedServer::start(files).await;

    println!(
        "\nCold loads: a new browser profile per run, brotli, the link shaped by the server; \
         {COLD_RUNS} runs after a warm-up; seed {seed} (ms; bytes on the wire):"
    );
    println!(
        "{:<8} {:<13} {:>7} {:>13} {:>9} {:>9} {:>8} {:>6}",
        "profile", "row", "median", "range", "before", "in all", "requests", "trips"
    );
    let mut deep_link_chain = None;
    for profile in &PROFILES {
        let mut medians: Vec<(Row, f64)> = Vec::new();
        for &row in rows {
            match measure(&server, &row.journey(seed), profile).await {
                Ok(measured) => {
                    let min = measured.times.iter().copied().fold(f64::INFINITY, f64::min);
                    let max = measured.times.iter().copied().fold(0.0, f64::max);
                    let first = &measured.first;
                    println!(
                        "{:<8} {:<13} {:>7.0} {:>13} {:>9} {:>9} {:>8} {:>6}",
                        profile.name,
                        row.key(),
                        median(&measured.times),
                        format!("{min:.0}-{max:.0}"),
                        first.bytes_before_ready(),
                        first.bytes_in_all(),
                        first.requests_before_ready(),
                        first.round_trips_before_ready()
                    );
                    medians.push((row, median(&measured.times)));
                    if row == Row::DeepLink && profile.cpu_slowdown > 1.0 {
                        deep_link_chain = Some(measured.first);
                    }
                }
                Err(failure) => println!("{:<8} {:<13} failed: {failure}", profile.name, row.key()),
            }
        }
        print_ratios(profile, &medians);
    }
    if let Some(run) = deep_link_chain {
        print_chain(&run);
    }
}

/// Our rows' medians divided by quizdown's, on one profile.
fn print_ratios(profile: &Profile, medians: &[(Row, f64)]) {
    let Some(&(_, reference)) = medians.iter().find(|(row, _)| *row == Row::Quizdown) else {
        return;
    };
    let ratios: Vec<String> = medians
        .iter()
        .filter(|(row, _)| *row != Row::Quizdown)
        .map(|(row, ms)| format!("{} {:.2}x", row.key(), ms / reference))
        .collect();
    if !ratios.is_empty() {
        println!("{:<8} ours / quizdown: {}", profile.name, ratios.join(", "));
    }
}

fn print_chain(run: &ColdRun) {
    let chain = run.chain();
    let Some(navigation) = chain.first() else {
        return;
    };
    let zero = navigation.request.started_ms;
    println!(
        "\nThe deep link's requests on Slow 4G (first counted run; ms from the navigation's arrival; first answer clickable at {:.0}):",
        run.ready_at_ms - zero
    );
    println!(
        "{:>5} {:>7} {:>7} {:>8}  path",
        "depth", "start", "end", "bytes"
    );
    for link in &chain {
        println!(
            "{:>5} {:>7.0} {:>7.0} {:>8}  {}",
            link.depth,
            link.request.started_ms - zero,
            link.request.finished_ms - zero,
            link.request.bytes,
            link.request.path
        );
    }
}
