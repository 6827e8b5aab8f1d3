//! `bank-compiler build [--content DIR] [--out DIR]`: validate and write the
//! bank files (Trunk runs this after each build, into its staging folder);
//! a shipped bank that a test-wise solver can game is refused here too.
//! `bank-compiler check [--content DIR] [FILE...]`: validate, and run the
//! output and typed snippets of the given files (all files when none is given) with
//! CPython. `--content` defaults to this checkout's content/ folder.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bank_compiler::fairness::{self, Fairness};
use bank_compiler::reading::{self, LinkReport, ReadingIndex, PYTHON_DOCS_DIR};
use bank_compiler::{
    check_snippets, compile_all, content_dir, reading_dir, source_files, write_banks,
};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let content = match take_option(&mut args, "--content") {
        Some(dir) => PathBuf::from(dir),
        None => content_dir(),
    };
    let result = match args.first().map(String::as_str) {
        Some("build") => build(&content, &args[1..]),
        Some("check") => check(&content, &args[1..]),
        _ => Err(USAGE.into()),
    };
    match result {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str =
    "usage: bank-compiler build [--content DIR] [--out DIR] | check [--content DIR] [FILE...]";

/// Removes `--name VALUE` from the arguments and returns VALUE.
fn take_option(args: &mut Vec<String>, name: &str) -> Option<String> {
    let at = args.iter().position(|a| a == name)?;
    if at + 1 >= args.len() {
        return None;
    }
    let value = args.remove(at + 1);
    args.remove(at);
    Some(value)
}

fn compile_everything(content: &Path) -> Result<Vec<bank_compiler::Compiled>, String> {
    let files = source_files(content)?;
    compile_all(&files).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!(
            "{}\n{} problem(s) in the question banks",
            lines.join("\n"),
            lines.len()
        )
    })
}

fn build(content: &Path, args: &[String]) -> Result<String, String> {
    let out = match args {
        [flag, dir] if flag == "--out" => PathBuf::from(dir),
        [] => std::env::var_os("TRUNK_STAGING_DIR")
            .map(|staging| PathBuf::from(staging).join("banks"))
            .ok_or("give --out DIR (or run from a Trunk hook)")?,
        _ => return Err(USAGE.into()),
    };
    let compiled = compile_everything(content)?;
    let all: Vec<_> = compiled.iter().collect();
    let giveaways = located(&all, fairness_reports(&all).iter().map(Fairness::problems));
    refuse_or_warn(
        content,
        &giveaways,
        "giveaway(s) a test-wise solver can use (content/AUTHORING.md, \"Fair options\"; `bank-compiler check` prints the table)",
    )?;
    write_banks(&compiled, &out)?;
    let count: usize = compiled.iter().map(|c| c.bank.questions.len()).sum();
    Ok(format!(
        "wrote {} banks ({count} questions) to {}",
        compiled.len(),
        out.display()
    ))
}

fn check(content: &Path, files: &[String]) -> Result<String, String> {
    let compiled = compile_everything(content)?;
    let chosen: Vec<PathBuf> = files
        .iter()
        .map(|f| std::fs::canonicalize(f).map_err(|e| format!("{f}: {e}")))
        .collect::<Result<_, _>>()?;
    let selected: Vec<_> = compiled
        .iter()
        .filter(|c| {
            chosen.is_empty()
                || std::fs::canonicalize(&c.path).is_ok_and(|path| chosen.contains(&path))
        })
        .collect();
    let snippets: Vec<_> = selected.iter().flat_map(|c| c.snippets.clone()).collect();
    let failures = check_snippets(&snippets);
    if !failures.is_empty() {
        let lines: Vec<String> = failures
            .iter()
            .map(|(question, problem)| {
                let path = selected
                    .iter()
                    .find(|c| c.bank.question(question).is_some())
                    .map(|c| c.path.display().to_string())
                    .unwrap_or_default();
                format!("{path}: question {question}: {problem}")
            })
            .collect();
        return Err(format!(
            "{}\n{} snippet(s) disagree with CPython",
            lines.join("\n"),
            lines.len()
        ));
    }
    let reports = fairness_reports(&selected);
    println!("{}", fairness::table(&reports));
    let mut giveaways = located(&selected, reports.iter().map(Fairness::problems));
    if content == content_dir() {
        let links = reading_links(&selected)?;
        println!("{}", reading::table(&links));
        giveaways.extend(located(&selected, links.into_iter().map(|l| l.problems)));
    }
    refuse_or_warn(
        content,
        &giveaways,
        "problem(s): giveaways a test-wise solver can use, or reading links (content/AUTHORING.md, \"Fair options\" and \"Reading links\")",
    )?;
    let questions: usize = selected.iter().map(|c| c.bank.questions.len()).sum();
    Ok(format!(
        "ok: {} bank(s), {questions} questions valid, {} output and typed snippets match CPython",
        selected.len(),
        snippets.len()
    ))
}

/// The app's own banks are refused for `problems`; a quiz pack (another
/// `--content` folder) is warned of them.
fn refuse_or_warn(content: &Path, problems: &[String], what: &str) -> Result<(), String> {
    if problems.is_empty() {
        return Ok(());
    }
    let message = format!("{}\n{} {what}", problems.join("\n"), problems.len());
    if content == content_dir() {
        return Err(message);
    }
    eprintln!("warning: {message}");
    Ok(())
}

fn fairness_reports(compiled: &[&bank_compiler::Compiled]) -> Vec<Fairness> {
    compiled
        .iter()
        .map(|c| fairness::judge(&c.bank, &c.length_cue_reasons))
        .collect()
}

/// The shipped banks' reading links, checked offline.
fn reading_links(compiled: &[&bank_compiler::Compiled]) -> Result<Vec<LinkReport>, String> {
    let index = ReadingIndex::load(&reading_dir(), Path::new(PYTHON_DOCS_DIR))?;
    Ok(compiled
        .iter()
        .map(|c| reading::check_bank(&c.bank, &index))
        .collect())
}

/// Each bank's problems as `path: problem`, the banks in `compiled`'s order.
fn located(
    compiled: &[&bank_compiler::Compiled],
    problems: impl Iterator<Item = Vec<String>>,
) -> Vec<String> {
    compiled
        .iter()
        .zip(problems)
        .flat_map(|(c, found)| {
            found
                .into_iter()
                .map(move |problem| format!("{}: {problem}", c.path.display()))
        })
        .collect()
}
