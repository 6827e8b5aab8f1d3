//! Installs the build and test tools this project needs when they are
//! missing. See ../shared/TOOLCHAIN.md for why each is pinned the way it is.

use std::process::Command;

use crate::{run, workspace};

const WASM_BINDGEN_VERSION: &str = "0.2.130";
const TRUNK_VERSION_PREFIX: &str = "trunk 0.21.";
/// npm packages the build, tests and bench use, installed together into
/// tools/: binaryen's wasm-opt for Trunk, esbuild to minify the loader the
/// page inlines, axe-core for the accessibility audit, quizdown's browser
/// build for the bench's reference quiz page (esbuild's version is the one
/// quizdown brings, so npm installs it once), and scorm-again, the SCORM
/// run-time the SCORM tests put around a package as an LMS does.
const NPM_TOOLS: [(&str, &str); 5] = [
    ("binaryen", "132.0.0"),
    ("esbuild", "0.19.12"),
    ("axe-core", "4.14.1"),
    ("quizdown", "0.4.1"),
    ("scorm-again", "3.4.3"),
];
/// Python packages the tests use, each as (module, what pip installs):
/// jsonschema, with which the bank tests check the published pack schema
/// against the compiled banks, and xmlschema, with which the xtask tests
/// validate SCORM manifests against the XSD files the packages ship.
const PYTHON_TOOLS: [(&str, &str); 2] = [
    ("jsonschema", "jsonschema>=4.18,<5"),
    ("xmlschema", "xmlschema==4.3.2"),
];
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

fn output_of(program: &str, args: &[&str]) -> Option<String> {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// PATH with the project's npm tools first, so Trunk finds npm's wasm-opt
/// and never Debian's (which breaks reference types).
pub fn path_with_tools() -> String {
    let tools = workspace().join("tools/node_modules/.bin");
    let path = std::env::var("PATH").unwrap_or_default();
    format!("{}:{path}", tools.display())
}

pub fn install_missing() -> Result<(), String> {
    wasm_target()?;
    wasm_bindgen()?;
    trunk()?;
    npm_tools()?;
    python_tools()?;
    browser()?;
    run(Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())).args(["fetch"]))
}

fn wasm_target() -> Result<(), String> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn wasm_bindgen() -> Result<(), String> {
    let has = |program: &str| {
        output_of(program, &["--version"])
            .is_some_and(|v| v.trim() == format!("{program} {WASM_BINDGEN_VERSION}"))
    };
    if has("wasm-bindgen") && has("wasm-bindgen-test-runner") {
        return Ok(());
    }
    // Not --locked: its lock file pins a webpki-roots the registry lacks.
    run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        WASM_BINDGEN_VERSION,
        "--force",
    ]))
}

fn trunk() -> Result<(), String> {
    let version = output_of("trunk", &["--version"]).unwrap_or_default();
    if version.starts_with(TRUNK_VERSION_PREFIX) {
        return Ok(());
    }
    // 0.22 needs a newer rustc than this machine has.
    run(Command::new("cargo").args([
        "install",
        "trunk",
        "--version",
        "~0.21",
        "--locked",
        "--force",
    ]))
}

fn npm_tools() -> Result<(), String> {
    let tools = workspace().join("tools");
    let installed = |name: &str, version: &str| {
        std::fs::read_to_string(tools.join("node_modules").join(name).join("package.json"))
            .is_ok_and(|manifest| manifest.contains(&format!("\"version\": \"{version}\"")))
    };
    if NPM_TOOLS
        .iter()
        .all(|(name, version)| installed(name, version))
    {
        return Ok(());
    }
    std::fs::create_dir_all(&tools).map_err(|e| format!("{}: {e}", tools.display()))?;
    let mut npm = Command::new("npm");
    npm.args([
        "install",
        "--prefix",
        "tools",
        "--no-audit",
        "--no-fund",
        "--no-save",
    ]);
    npm.args(
        NPM_TOOLS
            .iter()
            .map(|(name, version)| format!("{name}@{version}")),
    );
    run(&mut npm)
}

fn python_tools() -> Result<(), String> {
    // The interpreter the bank tests run snippets with.
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let missing: Vec<&str> = PYTHON_TOOLS
        .iter()
        .filter(|(module, _)| output_of(&python, &["-c", &format!("import {module}")]).is_none())
        .map(|(_, requirement)| *requirement)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    run(Command::new(&python)
        .args(["-m", "pip", "install", "--quiet"])
        .args(missing))
}

fn browser() -> Result<(), String> {
    // The Python documentation's HTML: the bank compiler checks reading
    // links to docs.python.org against it.
    const PYTHON_DOCS: &str = "/usr/share/doc/python3.11/html/index.html";
    if std::path::Path::new(CHROMIUM).is_file()
        && std::path::Path::new(CHROMEDRIVER).is_file()
        && std::path::Path::new(PYTHON_DOCS).is_file()
    {
        return Ok(());
    }
    let root = output_of("id", &["-u"]).is_some_and(|id| id.trim() == "0");
    let apt = |args: &[&str]| -> Command {
        let mut command = if root {
            Command::new("apt-get")
        } else {
            Command::new("sudo")
        };
        if !root {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    run(&mut apt(&["update"]))?;
    run(&mut apt(&[
        "install",
        "-y",
        "chromium",
        "chromium-driver",
        "python3.11-doc",
    ]))
}
