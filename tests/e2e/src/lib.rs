//! Harness for the end-to-end tests: serves the release build with a plain
//! static file server under a sub-path, starts Debian's chromedriver and a
//! headless Chromium, and always closes them, even when a test fails.

use std::future::Future;
use std::net::TcpListener;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use futures_util::FutureExt;
use hyper_util::client::legacy::connect::HttpConnector;
use quiz_domain::{Bank, Question, QuestionKind};

pub mod cold_load;
pub mod packs;
pub mod quizdown_page;
pub mod shaped_server;
pub mod transfer;
pub mod views;

/// The sub-path the app is served under, as on GitHub Pages.
pub const SUB_PATH: &str = "/quiz/";

pub fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace")
}

/// The release build under test: `E2E_DIST`, or dist/ of this checkout.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_dir().join("dist"));
    assert!(
        dist.join("index.html").is_file() && dist.join("banks/catalog.json").is_file(),
        "no release build in {}: run `cargo xtask build` (or `cargo xtask test`) first",
        dist.display()
    );
    dist
}

pub fn bank(book: &str) -> Bank {
    let path = dist_dir().join(format!("banks/{book}.json"));
    let json = std::fs::read_to_string(&path).expect("bank file");
    serde_json::from_str(&json).expect("bank parses")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_for_port(port: u16, what: &str) {
    for _ in 0..200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{what} did not start listening on port {port}");
}

/// A child process killed when dropped.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `python3 -m http.server` over a copy of the build placed at SUB_PATH: a
/// static host that knows nothing of the app's routes.
pub struct StaticSite {
    server: Process,
    root: PathBuf,
    pub port: u16,
}

impl StaticSite {
    pub fn serve(dist: &Path) -> StaticSite {
        Self::serve_with(dist, |_| {})
    }

    /// Serves a copy of `dist` after `change` has altered it (for testing a
    /// broken deployment, or adding a host page beside the app).
    pub fn serve_with(dist: &Path, change: impl FnOnce(&Path)) -> StaticSite {
        Self::start(dist, change, Cors::None)
    }

    /// Serves `dist` with `Access-Control-Allow-Origin: *`, as GitHub Pages
    /// does: a sandboxed frame has an opaque origin, so even the app's own
    /// script, Wasm and banks are cross-origin requests to it.
    pub fn serve_to_every_origin(dist: &Path) -> StaticSite {
        Self::start(dist, |_| {}, Cors::AnyOrigin)
    }

    /// A course site serving `files` (name, contents) at its root, on an
    /// origin of its own; with `cors`, every origin may read them.
    pub fn serve_files(files: Vec<(String, String)>, cors: bool) -> StaticSite {
        let empty = std::env::temp_dir().join(format!("e2e-empty-{}", std::process::id()));
        std::fs::create_dir_all(&empty).expect("an empty folder");
        let write = move |app_dir: &Path| {
            for (name, contents) in files {
                std::fs::write(app_dir.parent().unwrap().join(name), contents).unwrap();
            }
        };
        Self::start(
            &empty,
            write,
            if cors { Cors::AnyOrigin } else { Cors::None },
        )
    }

    /// This site's origin, as a Content-Security-Policy source.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Serves `dist` as `serve` does, but keeps the request for `held` (a
    /// path below the app, such as `banks/fluent-python.json`) waiting
    /// until `release` is called, and logs every request in the order it
    /// arrives (`requests`).
    pub fn serve_holding(dist: &Path, held: &str) -> StaticSite {
        Self::start(dist, |_| {}, Cors::Holding(format!("{SUB_PATH}{held}")))
    }

    /// The paths asked for so far, below the app's sub-path, in order; a
    /// held site also lists the moment of its release as `RELEASED`.
    pub fn requests(&self) -> Vec<String> {
        std::fs::read_to_string(self.root.join(REQUEST_LOG))
            .unwrap_or_default()
            .lines()
            .map(|line| line.strip_prefix(SUB_PATH).unwrap_or(line).to_owned())
            .collect()
    }

    /// Lets the held request, and any later one for the same path, through.
    pub fn release(&self) {
        std::fs::write(self.root.join(RELEASE_GATE), "").expect("the gate file");
    }

    fn start(dist: &Path, change: impl FnOnce(&Path), cors: Cors) -> StaticSite {
        let port = free_port();
        let root = std::env::temp_dir().join(format!("e2e-site-{}-{port}", std::process::id()));
        let site = root.join(SUB_PATH.trim_matches('/'));
        copy_dir(dist, &site);
        change(&site);
        let mut command = Command::new("python3");
        match &cors {
            Cors::None => command.args(["-m", "http.server", "--bind", "127.0.0.1"]),
            Cors::AnyOrigin => command.args(["-c", CORS_SERVER]),
            Cors::Holding(held) => command.env("HELD_PATH", held).args(["-c", HOLDING_SERVER]),
        };
        let server = command
            .arg(port.to_string())
            .arg("--directory")
            .arg(&root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m http.server starts");
        let server = Process(server);
        wait_for_port(port, "the static server");
        StaticSite { server, root, port }
    }

    /// The folder the app is served from, to change a deployed file.
    pub fn app_dir(&self) -> PathBuf {
        self.root.join(SUB_PATH.trim_matches('/'))
    }

    /// Stops serving, as when the network goes away.
    pub fn stop(&mut self) {
        let _ = self.server.0.kill();
        let _ = self.server.0.wait();
    }

    pub fn url(&self, hash: &str) -> String {
        format!("http://127.0.0.1:{}{SUB_PATH}{hash}", self.port)
    }

    /// A page beside the app, outside its sub-path, as a host site's page.
    pub fn page_url(&self, name: &str) -> String {
        format!("http://127.0.0.1:{}/{name}", self.port)
    }
}

enum Cors {
    None,
    AnyOrigin,
    /// Same origin only, holding the request for this path (`serve_holding`).
    Holding(String),
}

/// Beside the site's folder: the held site's request log and the file whose
/// existence releases the held request.
const REQUEST_LOG: &str = "requests.log";
const RELEASE_GATE: &str = "released";

/// `python3 -m http.server PORT --directory ROOT` that logs each request's
/// path to ROOT/requests.log and holds the one for $HELD_PATH until the
/// file ROOT/released exists (then logs RELEASED once).
const HOLDING_SERVER: &str = "
import functools, http.server, os, sys, threading, time
root, held = sys.argv[3], os.environ['HELD_PATH']
log_lock = threading.Lock()
def log(line):
    with log_lock, open(os.path.join(root, 'requests.log'), 'a') as f:
        f.write(line + '\\n')
class Handler(http.server.SimpleHTTPRequestHandler):
    released = False
    def do_GET(self):
        path = self.path.split('?')[0]
        log(path)
        while path == held and not os.path.exists(os.path.join(root, 'released')):
            time.sleep(0.05)
        if path == held and not Handler.released:
            Handler.released = True
            log('RELEASED')
        super().do_GET()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])),
    functools.partial(Handler, directory=root)).serve_forever()
";

/// `python3 -m http.server PORT --directory ROOT` that also allows every
/// origin to read what it serves.
const CORS_SERVER: &str = "
import functools, http.server, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header('Access-Control-Allow-Origin', '*')
        super().end_headers()
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])),
    functools.partial(Handler, directory=sys.argv[3])).serve_forever()
";

impl Drop for StaticSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create site dir");
    for entry in std::fs::read_dir(from).expect("read dist") {
        let entry = entry.expect("dist entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            if entry.file_name() != ".stage" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}

fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// The colour scheme the browser reports to `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

/// Runs `test` with a fresh headless Chromium in the light scheme.
pub async fn with_browser<F, Fut>(test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()>,
{
    with_browser_in(Scheme::Light, test).await
}

/// Runs `test` with a fresh headless Chromium in the given scheme.
pub async fn with_browser_in<F, Fut>(scheme: Scheme, test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()>,
{
    with_browser_set_up(scheme, SiteData::Allowed, test).await
}

/// Whether the browser lets sites keep data (localStorage among it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteData {
    Allowed,
    /// As with "Block all cookies and site data": localStorage throws.
    Blocked,
}

/// Chromium's options: headless, without the background connections this
/// machine's closed network refuses, in `scheme`, with its own profile.
fn browser_capabilities(
    scheme: Scheme,
    site_data: SiteData,
    profile: &Path,
) -> serde_json::Map<String, serde_json::Value> {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:loggingPrefs".into(),
        serde_json::json!({ "browser": "ALL" }),
    );
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium(),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--window-size=1280,900",
                // Blink's preferredColorScheme: 0 is dark, 1 is light.
                format!("--blink-settings=preferredColorScheme={}", if scheme == Scheme::Dark { 0 } else { 1 }),
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {
                "profile.default_content_setting_values.cookies": if site_data == SiteData::Blocked { 2 } else { 1 }
            }
        }),
    );
    capabilities
}

/// Runs `test` with a fresh headless Chromium, then closes the browser and
/// chromedriver whether the test passed or panicked.
pub async fn with_browser_set_up<F, Fut>(scheme: Scheme, site_data: SiteData, test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()>,
{
    let mut attempt = 1;
    let (client, _driver, profile) = loop {
        let port = free_port();
        let driver = Process(
            Command::new(chromedriver())
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| {
                    panic!(
                        "cannot start {}: {e} (run `cargo xtask setup`)",
                        chromedriver()
                    )
                }),
        );
        wait_for_port(port, "chromedriver");
        let profile =
            std::env::temp_dir().join(format!("e2e-chromium-{}-{port}", std::process::id()));
        match ClientBuilder::new(HttpConnector::new())
            .capabilities(browser_capabilities(scheme, site_data, &profile))
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => break (client, driver, profile),
            // Two tests running at once can be given the same free port, or
            // a driver can drop its first connection while the browser
            // starts: a new driver on a new port, twice at most.
            Err(error) if attempt < 3 => {
                eprintln!("starting the browser again after: {error}");
                attempt += 1;
            }
            Err(error) => panic!("a WebDriver session with headless Chromium: {error}"),
        }
    };
    let outcome = AssertUnwindSafe(test(client.clone())).catch_unwind().await;
    let _ = client.close().await;
    let _ = std::fs::remove_dir_all(&profile);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// Waits (up to 10 s) for an element and returns it.
pub async fn find(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element {css:?} appeared: {e}"))
}

/// Waits for an element and clicks it.
pub async fn click(client: &Client, css: &str) {
    find(client, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css:?}: {e}"));
}

pub async fn text(client: &Client, css: &str) -> String {
    find(client, css).await.text().await.expect("element text")
}

/// Waits until the element's text satisfies `check`, returning the text.
pub async fn wait_for_text(client: &Client, css: &str, check: impl Fn(&str) -> bool) -> String {
    wait_for_text_or_timeout(client, css, check)
        .await
        .unwrap_or_else(|last| panic!("the text of {css:?} never matched; last seen: {last:?}"))
}

/// `wait_for_text`, giving the last text seen when it never matches (for
/// corpus tests that list every failure).
pub async fn wait_for_text_or_timeout(
    client: &Client,
    css: &str,
    check: impl Fn(&str) -> bool,
) -> Result<String, String> {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if let Ok(text) = element.text().await {
                if check(&text) {
                    return Ok(text);
                }
                last = text;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(last)
}

pub async fn run_js(client: &Client, script: &str) -> serde_json::Value {
    client.execute(script, vec![]).await.expect("script runs")
}

/// The id of the question on screen.
pub async fn question_on_screen(client: &Client) -> String {
    find(client, "form.question[data-question]")
        .await
        .attr("data-question")
        .await
        .expect("attribute")
        .expect("data-question is set")
}

/// Accessibility violations axe-core finds on the current page, one line
/// each: rule, impact, help and the first offending elements.
pub async fn axe_violations(client: &Client) -> Vec<String> {
    let axe = workspace_dir().join("tools/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&axe)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask setup`)", axe.display()));
    let script = format!(
        "{source}\nreturn axe.run(document, {{ resultTypes: ['violations'] }}).then(r => r.violations.map(v =>
            v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')));"
    );
    let found = client
        .execute(&script, vec![])
        .await
        .expect("axe-core runs");
    found
        .as_array()
        .expect("a list of violations")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// ChromeDriver's command for the browser console log (not in W3C WebDriver).
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.into()))
    }
}

/// Console messages since the last call, as "LEVEL message".
pub async fn console_messages(client: &Client) -> Vec<String> {
    let entries = client.issue_cmd(BrowserLog).await.expect("the browser log");
    entries
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .map(|e| {
                    format!(
                        "{} {}",
                        e["level"].as_str().unwrap_or("?"),
                        e["message"].as_str().unwrap_or("")
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Waits until a service worker controls the page (the first visit ends
/// with the worker installed and in control).
pub async fn wait_for_offline_support(client: &Client) {
    let controlled = client
        .execute(
            "return navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller ? true :
                new Promise(resolve => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true))))",
            vec![],
        )
        .await
        .expect("a service worker takes control");
    assert_eq!(controlled, serde_json::json!(true));
}

/// The name of each Wasm build's files up to its hash.
pub const HOME_WASM: &str = "python-architect-quiz-home-";
pub const QUIZ_WASM: &str = "python-architect-quiz-quiz-";

/// Whether `file` is the whole app's Wasm, not the home page's or the
/// quiz's.
pub fn is_whole_app_wasm(file: &str) -> bool {
    file.starts_with("python-architect-quiz-")
        && !file.starts_with(HOME_WASM)
        && !file.starts_with(QUIZ_WASM)
}

/// The Wasm files the page itself has fetched so far, by file name.
pub async fn wasm_loaded(client: &Client) -> Vec<String> {
    let names = run_js(
        client,
        "return performance.getEntriesByType('resource').map(e => e.name.split('/').pop()).filter(n => n.endsWith('.wasm'))",
    )
    .await;
    serde_json::from_value(names).expect("a list of file names")
}

/// The files of the build that the home page downloads, each once (the
/// icon is asked for by the page and by the manifest), relative to dist/.
pub async fn home_page_files(client: &Client, site: &StaticSite) -> Vec<String> {
    client.goto(&site.url("")).await.unwrap();
    find(client, ".book-card").await;
    let loaded = run_js(
        client,
        "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name))",
    )
    .await;
    let mut files: Vec<String> = Vec::new();
    for url in loaded
        .as_array()
        .expect("a list of URLs")
        .iter()
        .filter_map(|u| u.as_str())
    {
        let path = url.split(['#', '?']).next().unwrap_or_default();
        let relative = path.split_once(SUB_PATH).map_or("", |(_, rest)| rest);
        let file = if relative.is_empty() {
            "index.html"
        } else {
            relative
        };
        if !files.iter().any(|seen| seen == file) {
            files.push(file.to_owned());
        }
    }
    files
}

/// The bank indices of the steps of the order question on screen, top first.
pub async fn steps_on_screen(client: &Client) -> Vec<usize> {
    let shown = run_js(
        client,
        "return [...document.querySelectorAll('form.question .steps .step')].map(s => Number(s.dataset.option))",
    )
    .await;
    serde_json::from_value(shown).expect("bank indices of the steps")
}

/// Answers the question on screen right or wrong, whatever its kind, with
/// the mouse and by typing, then checks the answer; returns the question.
/// A wrong typed answer is the expected output with a word added; a wrong
/// order is the shuffle shown, which is never the correct order.
pub async fn answer_question(client: &Client, book: &str, right: bool) -> Question {
    answer_question_of(client, &bank(book), right).await
}

/// `answer_question` for a question of `bank` (a pack's, say).
pub async fn answer_question_of(client: &Client, bank: &Bank, right: bool) -> Question {
    let id = question_on_screen(client).await;
    let question = bank
        .question(&id)
        .cloned()
        .unwrap_or_else(|| panic!("{id} is in the bank"));
    match question.kind {
        QuestionKind::Typed => {
            let expected = question.accept[0].clone();
            let typed = if right {
                expected
            } else {
                format!("{expected} wrong")
            };
            find(client, "#typed-answer")
                .await
                .send_keys(&typed)
                .await
                .unwrap();
        }
        QuestionKind::Order if right => {
            for step in 0..question.options.len() {
                loop {
                    let position = steps_on_screen(client)
                        .await
                        .iter()
                        .position(|&s| s == step)
                        .expect("every step is shown");
                    if position == step {
                        break;
                    }
                    click(
                        client,
                        &format!(".steps .step[data-option='{step}'] .move-up"),
                    )
                    .await;
                    wait_for_steps(client, |steps| steps.get(position - 1) == Some(&step)).await;
                }
            }
        }
        QuestionKind::Order => {}
        _ => {
            let correct = question.correct_answer().choices().to_vec();
            let wanted = if right {
                correct
            } else {
                vec![(0..question.options.len())
                    .find(|i| !correct.contains(i))
                    .expect("a wrong option")]
            };
            for index in wanted {
                click(
                    client,
                    &format!("form.question:not(.answered) .option[data-option='{index}'] label"),
                )
                .await;
            }
        }
    }
    click(client, "#check").await;
    question
}

/// Waits (up to 10 s) until the steps on screen satisfy `check`.
pub async fn wait_for_steps(client: &Client, check: impl Fn(&[usize]) -> bool) -> Vec<usize> {
    let mut last = Vec::new();
    for _ in 0..100 {
        last = steps_on_screen(client).await;
        if check(&last) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the steps never matched; last seen: {last:?}")
}

/// Answers the question on screen without caring whether rightly: the
/// first option shown, a typed "?", or the steps as shown; then checks.
pub async fn answer_somehow(client: &Client) {
    if client.find(Locator::Css("#typed-answer")).await.is_ok() {
        find(client, "#typed-answer")
            .await
            .send_keys("?")
            .await
            .unwrap();
    } else if client.find(Locator::Css(".steps")).await.is_err() {
        click(client, ".options .option label").await;
    }
    click(client, "#check").await;
}
