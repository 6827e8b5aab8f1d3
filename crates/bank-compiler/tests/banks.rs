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

/// The floors the question-bank issues set: enough questions, every chapter
/// asked at least twice, all four types, and at least a quarter of questions
/// about what code prints.
#[test]
fn every_bank_meets_its_coverage_floor() {
    use quiz_domain::QuestionKind;
    let floors = [
        ("architecture-patterns", 60),
        ("clean-architecture", 50),
        ("fluent-python", 80),
        ("high-performance-python", 60),
        ("stdlib-by-example", 80),
    ];
    for compiled in compiled() {
        let bank = &compiled.bank;
        let (_, floor) = floors
            .iter()
            .find(|(id, _)| *id == bank.book.id)
            .expect("every book has a floor");
        let total = bank.questions.len();
        assert!(
            total >= *floor,
            "{}: {total} questions, fewer than {floor}",
            bank.book.id
        );
        for chapter in &bank.chapters {
            let count = bank
                .questions
                .iter()
                .filter(|q| q.chapter == chapter.id)
                .count();
            assert!(
                count >= 2,
                "{}: chapter {} has {count} question(s)",
                bank.book.id,
                chapter.id
            );
        }
        for kind in QuestionKind::ALL {
            assert!(
                bank.questions.iter().any(|q| q.kind == kind),
                "{}: no {} question",
                bank.book.id,
                kind.name()
            );
        }
        let outputs = bank
            .questions
            .iter()
            .filter(|q| q.kind == QuestionKind::Output)
            .count();
        assert!(
            outputs * 4 >= total,
            "{}: only {outputs} of {total} are output questions",
            bank.book.id
        );
        for difficulty in 1..=3 {
            assert!(
                bank.questions.iter().any(|q| q.difficulty == difficulty),
                "{}: no question of difficulty {difficulty}",
                bank.book.id
            );
        }
    }
}
