//! One cold load, as a first visit meets it: a new headless Chromium with
//! an empty profile, its CPU slowed through the DevTools protocol, a page
//! fetched from the bench's shaped server, and the time from navigation
//! start until the page is ready (its first answer can be clicked), taken
//! in the page itself; with what crossed the wire meanwhile.

use std::time::{Duration, Instant};

use fantoccini::Client;

use crate::shaped_server::{epoch_ms, Link, RequestRecord, ShapedServer};
use crate::with_browser;

/// A network and a device to load on.
pub struct Profile {
    pub name: &'static str,
    pub link: Link,
    /// How many times slower the page's main thread runs.
    pub cpu_slowdown: f64,
}

pub const PROFILES: [Profile; 2] = [
    Profile {
        name: "none",
        link: Link::UNSHAPED,
        cpu_slowdown: 1.0,
    },
    // Lighthouse's mobile profile: 150 ms round trips, 1.6 Mbit/s, 4x CPU.
    Profile {
        name: "Slow 4G",
        link: Link {
            latency: Duration::from_millis(150),
            bytes_per_second: Some(1_600_000.0 / 8.0),
        },
        cpu_slowdown: 4.0,
    },
];

/// What a visit opens and does until it counts as ready.
pub struct Journey {
    /// The server path to navigate to (with its hash, if any).
    pub path: String,
    /// Clicked in turn, each as soon as it is on the page and enabled.
    pub clicks: Vec<&'static str>,
    /// Ready once an element matching this is on the page and enabled,
    /// in the page or in a frame of it.
    pub ready: &'static str,
}

/// A cold load's outcome: times are in the server's clock (milliseconds
/// since the Unix epoch), except `ready_ms`, taken in the page.
pub struct ColdRun {
    /// From navigation start to ready.
    pub ready_ms: f64,
    /// When the page became ready, in the server's clock.
    pub ready_at_ms: f64,
    /// Every request of the run, in order of their ends.
    pub requests: Vec<RequestRecord>,
}

/// A request with its place in the chain of round trips.
pub struct ChainLink<'a> {
    pub request: &'a RequestRecord,
    /// 1 + the largest depth among requests finished before it started:
    /// the navigation is 1, what it names 2, and so on.
    pub depth: usize,
}

impl ColdRun {
    /// Response bytes of the requests finished before the page was ready.
    pub fn bytes_before_ready(&self) -> usize {
        self.requests
            .iter()
            .filter(|r| r.finished_ms <= self.ready_at_ms)
            .map(|r| r.bytes)
            .sum()
    }

    /// Response bytes of the whole run, late downloads included.
    pub fn bytes_in_all(&self) -> usize {
        self.requests.iter().map(|r| r.bytes).sum()
    }

    /// The requests started before the page was ready.
    pub fn requests_before_ready(&self) -> usize {
        self.requests
            .iter()
            .filter(|r| r.started_ms < self.ready_at_ms)
            .count()
    }

    /// Sequential round trips before ready: the deepest request started
    /// before it.
    pub fn round_trips_before_ready(&self) -> usize {
        self.chain()
            .iter()
            .filter(|link| link.request.started_ms < self.ready_at_ms)
            .map(|link| link.depth)
            .max()
            .unwrap_or(0)
    }

    /// Every request in order of start, with its depth.
    pub fn chain(&self) -> Vec<ChainLink<'_>> {
        let mut by_start: Vec<&RequestRecord> = self.requests.iter().collect();
        by_start.sort_by(|a, b| a.started_ms.total_cmp(&b.started_ms));
        let mut chain: Vec<ChainLink> = Vec::with_capacity(by_start.len());
        for request in by_start {
            let depth = 1 + chain
                .iter()
                .filter(|earlier| earlier.request.finished_ms <= request.started_ms)
                .map(|earlier| earlier.depth)
                .max()
                .unwrap_or(0);
            chain.push(ChainLink { request, depth });
        }
        chain
    }
}

/// Waited in the new browser before navigating.
const SETTLE_BEFORE_LOAD: Duration = Duration::from_secs(1);

/// Longest a page may take to become ready.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

/// With `settle`, the run also waits for the page's late downloads (a
/// service worker's precache) to end, so `bytes_in_all` counts them.
pub async fn cold_load(
    server: &ShapedServer,
    journey: &Journey,
    profile: &Profile,
    settle: bool,
) -> Result<ColdRun, String> {
    let mut outcome = Err("the browser did not run".to_owned());
    let slot = &mut outcome;
    with_browser(|client| async move {
        *slot = load_in(&client, server, journey, profile, settle).await;
    })
    .await;
    outcome
}

async fn load_in(
    client: &Client,
    server: &ShapedServer,
    journey: &Journey,
    profile: &Profile,
    settle: bool,
) -> Result<ColdRun, String> {
    // On the blank page the session starts with, before any navigation.
    devtools(
        client,
        "Emulation.setCPUThrottlingRate",
        serde_json::json!({ "rate": profile.cpu_slowdown }),
    )
    .await?;
    devtools(
        client,
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": watcher(journey) }),
    )
    .await?;
    // The new browser's start-up work and the last one's exit would
    // otherwise share the two cores with the load.
    tokio::time::sleep(SETTLE_BEFORE_LOAD).await;
    server.set_link(profile.link);
    server.begin_run();
    client
        .goto(&server.url(&journey.path))
        .await
        .map_err(|e| format!("navigation to {}: {e}", journey.path))?;
    let ready_at_page_ms = wait_until_ready(client, &journey.path).await?;
    let asked_ms = epoch_ms();
    let times = client
        .execute(
            "return [performance.timeOrigin, performance.timeOrigin + performance.now()]",
            vec![],
        )
        .await
        .map_err(|e| e.to_string())?;
    let answered_ms = epoch_ms();
    let [navigation_start_ms, page_now_ms] =
        serde_json::from_value::<[f64; 2]>(times).map_err(|e| e.to_string())?;
    if settle {
        server
            .wait_until_idle(Duration::from_millis(1500), Duration::from_secs(60))
            .await;
    }
    Ok(ColdRun {
        ready_ms: ready_at_page_ms - navigation_start_ms,
        // The page's clock may run apart from the server's by a few ms:
        // its reading is taken as made halfway through the script's call.
        ready_at_ms: ready_at_page_ms + ((asked_ms + answered_ms) / 2.0 - page_now_ms),
        requests: server.requests(),
    })
}

/// When the watcher saw the page ready, in the page's clock.
async fn wait_until_ready(client: &Client, path: &str) -> Result<f64, String> {
    let deadline = Instant::now() + READY_TIMEOUT;
    loop {
        let seen = client
            .execute("return window.coldLoadReadyAt ?? null", vec![])
            .await
            .map_err(|e| e.to_string())?;
        if let Some(at) = seen.as_f64() {
            return Ok(at);
        }
        if Instant::now() > deadline {
            return Err(format!("{path} was not ready after {READY_TIMEOUT:?}"));
        }
        // Seldom: each look costs the slowed main thread a little.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A script run in every new document and frame before its own: it
/// clicks the journey's clicks in turn and notes, on the top window, when
/// the ready element first appears enabled. A mutation observer sees that
/// at once, without the delay of polling through WebDriver; it also
/// watches every shadow root the page attaches (quizdown draws in one).
fn watcher(journey: &Journey) -> String {
    format!(
        "((clicks, ready) => {{
            const roots = [document];
            const usable = (selector) => roots
                .flatMap((root) => [...root.querySelectorAll(selector)])
                .find((element) => !element.disabled);
            let clicked = 0;
            const look = () => {{
                for (; clicked < clicks.length; clicked += 1) {{
                    const target = usable(clicks[clicked]);
                    if (!target) return false;
                    target.click();
                }}
                if (!usable(ready)) return false;
                top.coldLoadReadyAt = performance.timeOrigin + performance.now();
                return true;
            }};
            const changes = {{ childList: true, subtree: true, attributes: true }};
            const observer = new MutationObserver(() => look() && observer.disconnect());
            observer.observe(document, changes);
            const attachShadow = Element.prototype.attachShadow;
            Element.prototype.attachShadow = function (init) {{
                const root = attachShadow.call(this, init);
                roots.push(root);
                observer.observe(root, changes);
                return root;
            }};
        }})({}, {})",
        serde_json::json!(journey.clicks),
        serde_json::json!(journey.ready)
    )
}

/// A DevTools protocol command, through ChromeDriver's
/// `POST /session/{id}/goog/cdp/execute`.
#[derive(Debug)]
struct DevtoolsCommand {
    body: String,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevtoolsCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.clone()))
    }
}

async fn devtools(client: &Client, cmd: &str, params: serde_json::Value) -> Result<(), String> {
    let body = serde_json::json!({ "cmd": cmd, "params": params }).to_string();
    client
        .issue_cmd(DevtoolsCommand { body })
        .await
        .map(drop)
        .map_err(|e| format!("{cmd}: {e}"))
}
