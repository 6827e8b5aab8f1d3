//! The bench's static file server, which shapes the link itself: every
//! file is served brotli-compressed (quality 11, compressed once at start,
//! as a static host with precompression serves it), each response waits a
//! fixed latency before its first byte, and all responses of a run share
//! one bandwidth. Browser-side throttling would spare the service worker's
//! requests and could not share one pool between connections; this does
//! both. It logs every request with its start, end and bytes on the wire.
//!
//! HTTP/1.1 with keep-alive, GET and HEAD, on 127.0.0.1 only.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// What the link between browser and server costs.
#[derive(Clone, Copy, Debug)]
pub struct Link {
    /// Waited before each response's first byte: one round trip.
    pub latency: Duration,
    /// Shared by every response in flight; `None` is unlimited.
    pub bytes_per_second: Option<f64>,
}

impl Link {
    pub const UNSHAPED: Link = Link {
        latency: Duration::ZERO,
        bytes_per_second: None,
    };
}

/// One request as the server saw it; times are milliseconds since the
/// Unix epoch, the clock `performance.timeOrigin + performance.now()` reads.
#[derive(Clone, Debug)]
pub struct RequestRecord {
    pub path: String,
    /// When the request's head had arrived.
    pub started_ms: f64,
    /// When the response's last byte was handed to the socket.
    pub finished_ms: f64,
    /// Response head and body as sent (compressed when it was).
    pub bytes: usize,
}

/// Bytes written per turn on the shared link: small enough that
/// concurrent responses interleave finely (20 ms each at 1.6 Mbit/s).
const CHUNK: usize = 4096;

/// A file ready to serve.
struct Served {
    content_type: &'static str,
    raw: Vec<u8>,
    /// The brotli copy, for types that are not compressed already.
    brotli: Option<Vec<u8>>,
}

#[derive(Default)]
struct RunLog {
    /// Counts the runs begun, to tell their requests apart.
    run: u64,
    requests: Vec<RequestRecord>,
}

struct Shared {
    files: HashMap<String, Served>,
    link: Mutex<Link>,
    /// The shared bandwidth as a token bucket without burst: the moment
    /// the link has carried every chunk promised so far. Each chunk books
    /// the time after it, so all connections draw on one rate in turn.
    link_free_at: Mutex<Instant>,
    log: Mutex<RunLog>,
    in_flight: AtomicUsize,
    last_activity: Mutex<Instant>,
}

pub struct ShapedServer {
    shared: Arc<Shared>,
    accepting: JoinHandle<()>,
    pub port: u16,
}

impl ShapedServer {
    /// Serves `files` (URL path, contents); a path ending in `/` serves
    /// its `index.html`. Compresses them first, on every core.
    pub async fn start(files: Vec<(String, Vec<u8>)>) -> ShapedServer {
        let files = tokio::task::spawn_blocking(|| compress_all(files))
            .await
            .expect("files compress");
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let port = listener.local_addr().expect("bound address").port();
        let shared = Arc::new(Shared {
            files,
            link: Mutex::new(Link::UNSHAPED),
            link_free_at: Mutex::new(Instant::now()),
            log: Mutex::default(),
            in_flight: AtomicUsize::new(0),
            last_activity: Mutex::new(Instant::now()),
        });
        let accepting = tokio::spawn({
            let shared = shared.clone();
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    tokio::spawn(serve_connection(stream, shared.clone()));
                }
            }
        });
        ShapedServer {
            shared,
            accepting,
            port,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Shapes the responses from now on.
    pub fn set_link(&self, link: Link) {
        *self.shared.link.lock().unwrap() = link;
    }

    /// Starts a new log of requests: those of earlier runs, even ones
    /// still finishing, are left out of it.
    pub fn begin_run(&self) {
        let mut log = self.shared.log.lock().unwrap();
        log.run += 1;
        log.requests.clear();
    }

    /// The requests of this run answered so far, in order of end.
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.shared.log.lock().unwrap().requests.clone()
    }

    /// Waits until no response is in flight and nothing has happened for
    /// `quiet` (a page's late downloads, such as a service worker's
    /// precache, have ended), or until `at_most` has passed.
    pub async fn wait_until_idle(&self, quiet: Duration, at_most: Duration) {
        let deadline = Instant::now() + at_most;
        while Instant::now() < deadline {
            let idle = self.shared.in_flight.load(Ordering::SeqCst) == 0
                && self.shared.last_activity.lock().unwrap().elapsed() >= quiet;
            if idle {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for ShapedServer {
    fn drop(&mut self) {
        self.accepting.abort();
    }
}

fn compress_all(files: Vec<(String, Vec<u8>)>) -> HashMap<String, Served> {
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .into_iter()
            .map(|(path, raw)| {
                scope.spawn(move || {
                    let content_type = content_type(&path);
                    let brotli = (content_type != "image/png").then(|| brotli_11(&raw));
                    let served = Served {
                        content_type,
                        raw,
                        brotli,
                    };
                    (path, served)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().expect("a file compresses"))
            .collect()
    })
}

fn brotli_11(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut compressed = Vec::new();
    let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 22);
    writer.write_all(bytes).expect("brotli writes to memory");
    drop(writer);
    compressed
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map_or("", |(_, extension)| extension) {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

pub fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs_f64()
        * 1000.0
}

/// The request line's method and path, and whether the browser takes
/// brotli and wants the connection kept open.
struct RequestHead {
    method: String,
    path: String,
    accepts_brotli: bool,
    keep_alive: bool,
}

/// Reads one request head; `None` when the browser closed the connection.
async fn read_head(reader: &mut BufReader<TcpStream>) -> Option<RequestHead> {
    let mut line = String::new();
    if reader.read_line(&mut line).await.ok()? == 0 {
        return None;
    }
    let mut words = line.split_whitespace();
    let method = words.next()?.to_owned();
    let target = words.next()?;
    let path = target.split(['?', '#']).next().unwrap_or("/").to_owned();
    let mut head = RequestHead {
        method,
        path,
        accepts_brotli: false,
        keep_alive: true,
    };
    loop {
        line.clear();
        if reader.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let header = line.trim_end();
        if header.is_empty() {
            return Some(head);
        }
        let Some((name, value)) = header.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "accept-encoding" => {
                head.accepts_brotli = value.split(',').any(|coding| coding.trim() == "br")
            }
            "connection" => head.keep_alive = value != "close",
            _ => {}
        }
    }
}

async fn serve_connection(stream: TcpStream, shared: Arc<Shared>) {
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_head(&mut reader).await {
        let started_ms = epoch_ms();
        let run = shared.log.lock().unwrap().run;
        shared.in_flight.fetch_add(1, Ordering::SeqCst);
        *shared.last_activity.lock().unwrap() = Instant::now();
        let sent = respond(&request, reader.get_mut(), &shared).await;
        shared.in_flight.fetch_sub(1, Ordering::SeqCst);
        *shared.last_activity.lock().unwrap() = Instant::now();
        let Ok(bytes) = sent else { return };
        let mut log = shared.log.lock().unwrap();
        if log.run == run {
            log.requests.push(RequestRecord {
                path: request.path,
                started_ms,
                finished_ms: epoch_ms(),
                bytes,
            });
        }
        drop(log);
        if !request.keep_alive {
            return;
        }
    }
}

/// Sends the response after the link's latency, paced by its bandwidth,
/// and returns the bytes sent.
async fn respond(
    request: &RequestHead,
    stream: &mut TcpStream,
    shared: &Shared,
) -> std::io::Result<usize> {
    let link = *shared.link.lock().unwrap();
    tokio::time::sleep(link.latency).await;
    let file_path = if request.path.ends_with('/') {
        format!("{}index.html", request.path)
    } else {
        request.path.clone()
    };
    let readable = matches!(request.method.as_str(), "GET" | "HEAD");
    let (status, content_type, encoding, body): (&str, &str, Option<&str>, &[u8]) =
        match shared.files.get(&file_path) {
            _ if !readable => ("405 Method Not Allowed", "text/plain", None, b"Not allowed"),
            None => ("404 Not Found", "text/plain", None, b"Not found"),
            Some(served) => match &served.brotli {
                Some(brotli) if request.accepts_brotli => {
                    ("200 OK", served.content_type, Some("br"), brotli)
                }
                _ => ("200 OK", served.content_type, None, &served.raw),
            },
        };
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nVary: Accept-Encoding\r\n",
        body.len()
    );
    if let Some(encoding) = encoding {
        head.push_str(&format!("Content-Encoding: {encoding}\r\n"));
    }
    head.push_str("\r\n");
    let mut response = head.into_bytes();
    if request.method != "HEAD" {
        response.extend_from_slice(body);
    }
    for chunk in response.chunks(CHUNK) {
        if let Some(rate) = link.bytes_per_second {
            let due = {
                let mut free_at = shared.link_free_at.lock().unwrap();
                let start = (*free_at).max(Instant::now());
                *free_at = start + Duration::from_secs_f64(chunk.len() as f64 / rate);
                *free_at
            };
            tokio::time::sleep_until(due.into()).await;
        }
        stream.write_all(chunk).await?;
    }
    stream.flush().await?;
    Ok(response.len())
}
