//! The shipped question banks: every file compiles and validates, and every
//! output question's recorded answer is what CPython prints.

use bank_compiler::{check_snippets, compile_all, content_dir, source_files, Compiled};

fn compiled() -> Vec<Compiled> {
    let files = source_files(&content_dir()).expect("the content folder is readable");
    compile_all(&files).unwrap_or_else(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("{} problem(s):\n{}", lines.len(), lines.join("\n"))
    })
}

#[test]
fn every_bank_parses_and_validates() {
    let banks = compiled();
    let ids: Vec<&str> = banks.iter().map(|c| c.bank.book.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "architecture-patterns",
            "clean-architecture",
            "fluent-python",
            "high-performance-python",
            "stdlib-by-example"
        ]
    );
}

#[test]
fn every_output_snippet_prints_the_recorded_answer() {
    let banks = compiled();
    let snippets: Vec<_> = banks.iter().flat_map(|c| c.snippets.clone()).collect();
    let failures = check_snippets(&snippets);
    assert!(
        failures.is_empty(),
        "{} of {} snippets disagree with CPython:\n{}",
        failures.len(),
        snippets.len(),
        failures
            .iter()
            .map(|(q, e)| format!("{q}: {e}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    println!("{} output snippets match CPython", snippets.len());
}
