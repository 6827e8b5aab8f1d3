//! `cargo xtask stage`: Trunk's post-build hook. Finishes the release in
//! Trunk's staging folder: compiles the question banks, pins the inline
//! loader script in a Content-Security-Policy, and writes the service
//! worker's list of this release's files.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use sha2::{Digest, Sha256};

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
    pin_inline_scripts(&staging.join("index.html"))?;
    list_release_files(&staging)
}

fn sha256_base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes))
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
    files.retain(|file| file != WORKER);
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
    fn hashes_are_in_the_form_csp_expects() {
        // The CSP hash of an empty script, as browsers compute it.
        assert_eq!(
            sha256_base64(b""),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }
}
