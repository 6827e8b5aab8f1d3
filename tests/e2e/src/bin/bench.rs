//! `cargo xtask bench`: what the first page costs to download (raw, gzip and
//! brotli bytes of every file it loads) and, over several runs in headless
//! Chromium, how long until the first question can be clicked and how long
//! from a click on an answer to its feedback; and the stored bytes per
//! attempt once 10,000 quizzes are kept. Prints figures; asserts nothing.

use std::io::Write;
use std::path::Path;

use e2e::{bank, dist_dir, home_page_files, with_browser, StaticSite};
use fantoccini::Client;
use quiz_application::Progress;
use quiz_domain::{Answer, AttemptResult, Mode, Response, Score};

const RUNS: usize = 7;

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
    stored_bytes_per_attempt();
    let dist = dist_dir();
    let site = StaticSite::serve(&dist);
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
