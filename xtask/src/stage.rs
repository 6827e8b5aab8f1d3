//! `cargo xtask stage`: Trunk's post-build hook. Finishes the release in
//! Trunk's staging folder: compiles the question banks, minifies the JS
//! glue and the stylesheet, names the three Wasm builds after their
//! contents, pins the inline loader script in a Content-Security-Policy,
//! and writes the service worker's list of this release's files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use base64::Engine;
use quiz_application::content::QUESTIONS_ONLY;
use sha2::{Digest, Sha256, Sha384};

use crate::run;

/// The policy every page of the app is served with. `{scripts}` becomes the
/// hashes of the inline scripts Trunk writes; 'wasm-unsafe-eval' lets the
/// page compile its Wasm; `connect-src https:` lets it fetch quiz packs
/// from course sites (as data only: nothing fetched is ever run).
/// frame-ancestors cannot be set from a meta tag: hosts that want to limit
/// embedding send it as a header (README).
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {scripts}; \
style-src 'self'; img-src 'self'; connect-src 'self' https:; manifest-src 'self'; worker-src 'self'; \
object-src 'none'; base-uri 'self'; form-action 'none'";

const WORKER: &str = "sw.js";

/// The binaries public/boot.js loads. Trunk leaves the ones it builds as
/// workers unhashed, and hashes the other with a hash of its own.
pub const WHOLE_APP_BUILD: &str = "python-architect-quiz";
pub const HOME_PAGE_BUILD: &str = "python-architect-quiz-home";
pub const QUIZ_PAGE_BUILD: &str = "python-architect-quiz-quiz";
const WASM_BUILDS: [&str; 3] = [WHOLE_APP_BUILD, HOME_PAGE_BUILD, QUIZ_PAGE_BUILD];

pub fn stage() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("`stage` runs as Trunk's post-build hook (TRUNK_STAGING_DIR is not set)")?;
    run(
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args([
                "run",
                "--quiet",
                "--offline",
                "--package",
                "bank-compiler",
                "--",
                "build",
                "--out",
            ])
            .arg(staging.join("banks")),
    )?;
    minify_glue_and_styles(&staging)?;
    name_wasm_builds_after_contents(&staging)?;
    list_books_for_the_loader(&staging)?;
    minify_inline_scripts(&staging.join("index.html"))?;
    pin_inline_scripts(&staging.join("index.html"))?;
    list_release_files(&staging)
}

/// Whether `file` is the glue or the Wasm of `build`, as named after its
/// contents (`<build>-<hash>.js`, `<build>-<hash>_bg.wasm`).
pub fn is_build_file(file: &str, build: &str) -> bool {
    file.strip_prefix(build)
        .and_then(|rest| rest.strip_prefix('-'))
        .and_then(|rest| {
            rest.strip_suffix("_bg.wasm")
                .or_else(|| rest.strip_suffix(".js"))
        })
        .is_some_and(|hash| !hash.is_empty() && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

fn sha256_base64(bytes: &[u8]) -> String {
    base64_of(&Sha256::digest(bytes))
}

fn base64_of(digest: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(digest)
}

/// Renames each Wasm build's glue and module after a hash of both, and
/// points the loader in index.html at the new names, so no browser or
/// proxy cache can mix the files of two releases.
fn name_wasm_builds_after_contents(staging: &Path) -> Result<(), String> {
    let index = staging.join("index.html");
    let mut html =
        std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    for build in WASM_BUILDS {
        let built = built_name(staging, build)?;
        let glue = format!("{built}.js");
        let module = format!("{built}_bg.wasm");
        let mut contents = Sha256::new();
        for file in [&glue, &module] {
            contents.update(std::fs::read(staging.join(file)).map_err(|e| format!("{file}: {e}"))?);
        }
        let hash = &format!("{:x}", contents.finalize())[..16];
        for (file, hashed) in [
            (glue, format!("{build}-{hash}.js")),
            (module, format!("{build}-{hash}_bg.wasm")),
        ] {
            let loaded = file.replacen(&built, build, 1);
            let reference = format!("\"./{loaded}\"");
            if !html.contains(&reference) {
                return Err(format!("index.html does not load {reference}"));
            }
            html = html.replace(&reference, &format!("\"./{hashed}\""));
            std::fs::rename(staging.join(&file), staging.join(&hashed))
                .map_err(|e| format!("{file}: {e}"))?;
        }
    }
    let html = without_comments(&without_rust_link(&html));
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))
}

/// Tells the loader in index.html which banks the build wrote, so that it
/// fetches a quiz link's bank ahead of the app only when there is one.
fn list_books_for_the_loader(staging: &Path) -> Result<(), String> {
    let banks = staging.join("banks");
    let entries = std::fs::read_dir(&banks).map_err(|e| format!("{}: {e}", banks.display()))?;
    let mut books: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|file| !file.ends_with(QUESTIONS_ONLY))
        .filter_map(|file| Some(file.strip_suffix(".json")?.to_owned()))
        .filter(|book| book != "catalog")
        .collect();
    books.sort();
    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let listed = fill_book_list(&html, &books)?;
    std::fs::write(&index, listed).map_err(|e| format!("{}: {e}", index.display()))
}

fn fill_book_list(html: &str, books: &[String]) -> Result<String, String> {
    const PLACEHOLDER: &str = "const BOOKS = [];";
    if !html.contains(PLACEHOLDER) {
        return Err(format!("index.html has no `{PLACEHOLDER}` for the loader"));
    }
    let quoted: Vec<String> = books.iter().map(|b| format!("\"{b}\"")).collect();
    Ok(html.replacen(
        PLACEHOLDER,
        &format!("const BOOKS = [{}];", quoted.join(", ")),
        1,
    ))
}

/// The page without its comments, HTML and the inlined loader's: they
/// explain the source and would be sent with every first visit. (Trunk's
/// minifier cannot be used: it rewrites the markup this hook looks for.)
fn without_comments(html: &str) -> String {
    let mut rest = html;
    let mut kept = String::with_capacity(html.len());
    while let Some(start) = rest.find("<!--") {
        kept.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    kept.push_str(rest);
    kept.lines()
        // Trunk inlines a script right after its opening tag.
        .map(|line| {
            let tag_end = line
                .find("<script")
                .and_then(|at| Some(at + line[at..].find(">//")? + 1));
            tag_end.map_or(line, |end| &line[..end])
        })
        .filter(|line| !line.trim_start().starts_with("//") && !line.trim().is_empty())
        .map(|line| format!("{line}\n"))
        .collect()
}

/// Trunk leaves the `<link data-trunk rel="rust">` of the build it calls
/// main in the page when it injects no script; the loader does that job.
fn without_rust_link(html: &str) -> String {
    let Some(start) = html.find("<link data-trunk rel=\"rust\"") else {
        return html.to_owned();
    };
    let end = html[start..]
        .find('>')
        .map_or(html.len(), |end| start + end + 1);
    format!("{}{}", &html[..start], &html[end..])
}

/// The name Trunk gave a build's files: `{build}` or `{build}-{hex hash}`.
fn built_name(staging: &Path, build: &str) -> Result<String, String> {
    let entries = std::fs::read_dir(staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    let names: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|file| Some(file.strip_suffix(".js")?.to_owned()))
        .filter(|name| {
            name == build
                || name
                    .strip_prefix(build)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .is_some_and(|hash| {
                        !hash.is_empty() && hash.chars().all(|c| c.is_ascii_hexdigit())
                    })
        })
        .collect();
    match names.as_slice() {
        [name] => Ok(name.clone()),
        _ => Err(format!(
            "expected one JS glue file of {build}, found {names:?}"
        )),
    }
}

/// The contents of every inline `<script>` in a page.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let tag_end = match rest[start..].find('>') {
            Some(end) => start + end + 1,
            None => break,
        };
        let close = match rest[tag_end..].find("</script>") {
            Some(close) => tag_end + close,
            None => break,
        };
        if !rest[start..tag_end].contains(" src=") {
            scripts.push(&rest[tag_end..close]);
        }
        rest = &rest[close..];
    }
    scripts
}

/// The loader as esbuild minifies it: every first visit downloads it with
/// the page, and minified it is about 400 bytes smaller after brotli.
fn minify_inline_scripts(index: &Path) -> Result<(), String> {
    let html = std::fs::read_to_string(index).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut minified = html.clone();
    for script in inline_scripts(&html) {
        let short = minify(script, "js")?;
        minified = minified.replacen(script, short.trim_end(), 1);
    }
    std::fs::write(index, minified).map_err(|e| format!("{}: {e}", index.display()))
}

/// Minifies what a first visit downloads beside the page: each Wasm
/// build's JS glue and the stylesheet, whose integrity hash in the page
/// follows it. (Trunk's minifier rewrites the markup this hook reads.)
fn minify_glue_and_styles(staging: &Path) -> Result<(), String> {
    for build in WASM_BUILDS {
        minify_file(
            &staging.join(format!("{}.js", built_name(staging, build)?)),
            "js",
        )?;
    }
    let index = staging.join("index.html");
    let mut html =
        std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let entries = std::fs::read_dir(staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|extension| extension != "css") {
            continue;
        }
        let pinned = |path: &Path| {
            std::fs::read(path)
                .map(|bytes| format!("sha384-{}", base64_of(&Sha384::digest(bytes))))
                .map_err(|e| format!("{}: {e}", path.display()))
        };
        let before = pinned(&path)?;
        if !html.contains(&before) {
            return Err(format!(
                "index.html does not pin {} by its hash",
                path.display()
            ));
        }
        minify_file(&path, "css")?;
        html = html.replace(&before, &pinned(&path)?);
    }
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))
}

fn minify_file(path: &Path, loader: &str) -> Result<(), String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    std::fs::write(path, minify(&source, loader)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// `source` as esbuild minifies it (`loader`: js or css).
fn minify(source: &str, loader: &str) -> Result<String, String> {
    let esbuild = crate::workspace().join("tools/node_modules/.bin/esbuild");
    let mut child = Command::new(&esbuild)
        .args([
            "--minify",
            "--log-level=warning",
            &format!("--loader={loader}"),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!(
                "{}: {e} (`cargo xtask setup` installs it)",
                esbuild.display()
            )
        })?;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(source.as_bytes())
        .map_err(|e| format!("esbuild: {e}"))?;
    let output = child
        .wait_with_output()
        .map_err(|e| format!("esbuild: {e}"))?;
    if !output.status.success() {
        return Err(format!("esbuild could not minify this {loader}"));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("esbuild: {e}"))
}

fn pin_inline_scripts(index: &Path) -> Result<(), String> {
    let html = std::fs::read_to_string(index).map_err(|e| format!("{}: {e}", index.display()))?;
    let hashes: Vec<String> = inline_scripts(&html)
        .iter()
        .map(|script| format!("'sha256-{}'", sha256_base64(script.as_bytes())))
        .collect();
    let policy = POLICY.replace("{scripts}", &hashes.join(" "));
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
    let charset = html
        .find("<meta charset=\"utf-8\">")
        .map(|at| at + "<meta charset=\"utf-8\">".len())
        .ok_or("index.html has no <meta charset=\"utf-8\"> to put the policy after")?;
    let pinned = format!("{}{meta}{}", &html[..charset], &html[charset..]);
    std::fs::write(index, pinned).map_err(|e| format!("{}: {e}", index.display()))
}

fn files_under(dir: &Path, root: &Path, found: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            files_under(&path, root, found)?;
        } else {
            let relative = path.strip_prefix(root).map_err(|e| e.to_string())?;
            found.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// Fills the worker's list with every file of the release (relative, so a
/// sub-path works) and names the release by a hash of their contents.
fn list_release_files(staging: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    files_under(staging, staging, &mut files)?;
    // The quiz's own Wasm, and the questions-only banks it starts from,
    // serve only a page no worker serves (a first visit, an embed): a
    // served page has the whole app at hand.
    files.retain(|file| {
        file != WORKER && !is_build_file(file, QUIZ_PAGE_BUILD) && !file.ends_with(QUESTIONS_ONLY)
    });
    files.sort();
    let mut release = Sha256::new();
    for file in &files {
        release.update(file.as_bytes());
        release.update(std::fs::read(staging.join(file)).map_err(|e| format!("{file}: {e}"))?);
    }
    let release = format!("{:x}", release.finalize());
    let worker_path = staging.join(WORKER);
    let worker = std::fs::read_to_string(&worker_path).map_err(|e| format!("{WORKER}: {e}"))?;
    let listed: Vec<String> = files.iter().map(|f| format!("\"{f}\"")).collect();
    let filled = worker
        .replacen(
            "const RELEASE = \"unbuilt\";",
            &format!("const RELEASE = \"{}\";", &release[..16]),
            1,
        )
        .replacen(
            "const FILES = [];",
            &format!("const FILES = [{}];", listed.join(", ")),
            1,
        );
    if filled == worker {
        return Err(format!(
            "{WORKER} has no RELEASE and FILES placeholders to fill"
        ));
    }
    std::fs::write(&worker_path, filled).map_err(|e| format!("{WORKER}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_and_external_ones_skipped() {
        let html = r#"<head><script type="module">import a from './a.js';</script><script src="b.js"></script><script>x()</script></head>"#;
        assert_eq!(inline_scripts(html), ["import a from './a.js';", "x()"]);
    }

    #[test]
    fn trunk_s_leftover_rust_link_is_dropped() {
        let html = "<head>\n<link data-trunk rel=\"rust\" data-bin=\"x\" data-trunk-id=\"0\">\n<link rel=\"icon\"></head>";
        assert_eq!(
            without_rust_link(html),
            "<head>\n\n<link rel=\"icon\"></head>"
        );
    }

    #[test]
    fn comments_and_blank_lines_are_dropped() {
        let html = "<head>\n<!-- why\n  the page -->\n<script>// what\n// why\n    // and how\nconst url = \"https://x\";\n\nrun(url);\n</script>\n</head>\n";
        assert_eq!(
            without_comments(html),
            "<head>\n<script>\nconst url = \"https://x\";\nrun(url);\n</script>\n</head>\n"
        );
    }

    #[test]
    fn the_loader_learns_the_books_built() {
        let html = "<script>const BOOKS = [];\nrun();</script>";
        let books = ["a".to_owned(), "b-c".to_owned()];
        assert_eq!(
            fill_book_list(html, &books).unwrap(),
            "<script>const BOOKS = [\"a\", \"b-c\"];\nrun();</script>"
        );
        assert!(fill_book_list("<script>run();</script>", &books).is_err());
    }

    #[test]
    fn hashes_are_in_the_form_csp_expects() {
        // The CSP hash of an empty script, as browsers compute it.
        assert_eq!(
            sha256_base64(b""),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    #[test]
    fn the_worker_keeps_every_file_but_itself_and_what_only_a_first_visit_uses() {
        let staging = tempfile::tempdir().unwrap();
        let files = [
            "index.html",
            "python-architect-quiz-0123456789abcdef_bg.wasm",
            "python-architect-quiz-quiz-0123456789abcdef.js",
            "python-architect-quiz-quiz-0123456789abcdef_bg.wasm",
            "banks/fluent-python.json",
            "banks/fluent-python.questions.json",
        ];
        std::fs::create_dir(staging.path().join("banks")).unwrap();
        for file in files {
            std::fs::write(staging.path().join(file), file).unwrap();
        }
        std::fs::write(
            staging.path().join(WORKER),
            "const RELEASE = \"unbuilt\";\nconst FILES = [];",
        )
        .unwrap();
        list_release_files(staging.path()).unwrap();
        let worker = std::fs::read_to_string(staging.path().join(WORKER)).unwrap();
        assert!(
            worker.contains(
                "const FILES = [\"banks/fluent-python.json\", \"index.html\", \"python-architect-quiz-0123456789abcdef_bg.wasm\"];"
            ),
            "{worker}"
        );
        assert!(!worker.contains("unbuilt"), "{worker}");
    }
}
