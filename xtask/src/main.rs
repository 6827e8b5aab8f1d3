//! Project tooling, run as `cargo xtask <command>`:
//!
//! - `setup`: installs what is missing (wasm32 target, Trunk 0.21,
//!   wasm-bindgen-cli matching the pinned crate, npm's binaryen wasm-opt,
//!   esbuild, axe-core and quizdown, Python's jsonschema and xmlschema, Debian's
//!   Chromium, ChromeDriver and Python 3.11 docs) and skips what is there.
//! - `build`: the release build into dist/.
//! - `serve`: builds and serves the app on http://127.0.0.1:8080/.
//! - `test`: every test: native, in-browser adapter tests, end to end.
//! - `bench`: sizes of what the first page loads, median timings, and cold
//!   first visits under a shaped link beside a quizdown page.
//! - `stage`: Trunk's post-build hook (banks, CSP, offline file list).
//! - `scorm`: a SCORM 1.2 or 2004 package of one quiz, for an LMS, from
//!   the release build (which it makes first when dist/ has none).

mod scorm;
mod setup;
mod stage;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::install_missing(),
        Some("build") => setup::install_missing().and_then(|()| build()),
        Some("serve") => setup::install_missing().and_then(|()| serve()),
        Some("test") => setup::install_missing().and_then(|()| test()),
        Some("bench") => setup::install_missing().and_then(|()| bench()),
        Some("stage") => stage::stage(),
        Some("scorm") => scorm::scorm(&args[1..]),
        _ => Err(format!(
            "usage: cargo xtask setup | build | serve | test | bench | stage\n       {}",
            scorm::USAGE
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_owned()
}

/// Runs a command in the workspace, failing loudly with what was run.
pub fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    println!("xtask: running {shown}");
    let status = command
        .current_dir(workspace())
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed with {status}"))
    }
}

/// Runs a test command, echoing its output, and returns how many tests passed.
fn run_tests(command: &mut Command) -> Result<usize, String> {
    use std::io::{BufRead, BufReader};
    let shown = format!("{command:?}");
    println!("xtask: running {shown}");
    let mut child = command
        .current_dir(workspace())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let mut passed = 0;
    for line in BufReader::new(child.stdout.take().expect("piped stdout")).lines() {
        let line = line.map_err(|e| e.to_string())?;
        println!("{line}");
        if let Some(rest) = line.strip_prefix("test result: ok. ") {
            passed += rest
                .split(' ')
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0);
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(passed)
    } else {
        Err(format!("{shown} failed with {status}"))
    }
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Trunk with the project's wasm-opt first on PATH and no update check.
fn trunk() -> Command {
    let mut command = Command::new("trunk");
    command
        .env("PATH", setup::path_with_tools())
        .env("TRUNK_SKIP_VERSION_CHECK", "true");
    command
}

fn build() -> Result<(), String> {
    run(trunk().args(["build", "--release"]))
}

fn serve() -> Result<(), String> {
    run(trunk().args([
        "serve",
        "--release",
        "--address",
        "127.0.0.1",
        "--port",
        "8080",
    ]))
}

fn test() -> Result<(), String> {
    // 0. Formatting and lints, native and Wasm.
    run(cargo().args(["fmt", "--all", "--", "--check"]))?;
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo().args([
        "clippy",
        "--package",
        "python-architect-quiz",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // 1. Domain, application and question banks, natively.
    let mut passed = run_tests(cargo().args([
        "test",
        "--workspace",
        "--exclude",
        "python-architect-quiz",
        "--exclude",
        "e2e",
    ]))?;
    // 2. Browser adapters in headless Chromium.
    passed += run_tests(
        cargo()
            .args([
                "test",
                "--package",
                "python-architect-quiz",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("CHROMEDRIVER", setup::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_ONLY_WEB", "1"),
    )?;
    // 3. The release build, end to end, and its size budgets.
    build()?;
    passed += run_tests(
        cargo()
            .args([
                "test",
                "--no-fail-fast",
                "--package",
                "e2e",
                "--",
                "--test-threads=2",
            ])
            .env("CHROMEDRIVER", setup::CHROMEDRIVER),
    )?;
    // Every stage stops at its first failure, so reaching here means none.
    println!("tests: {passed} passed, 0 failed");
    Ok(())
}

fn bench() -> Result<(), String> {
    build()?;
    run(cargo()
        .args(["run", "--release", "--package", "e2e", "--bin", "bench"])
        .env("CHROMEDRIVER", setup::CHROMEDRIVER))
}
