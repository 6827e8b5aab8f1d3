//! The shipped question banks: every file compiles and validates, and every
//! output and typed question's recorded answer is what CPython prints.

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
        for kind in [QuestionKind::Typed, QuestionKind::Order] {
            let count = bank.questions.iter().filter(|q| q.kind == kind).count();
            assert!(
                count >= 2,
                "{}: {count} {} question(s), fewer than 2",
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

/// A bank folder in the temporary directory holding one book whose
/// questions are `questions` (TOML), for the compiler's messages.
fn compile_source(name: &str, questions: &str) -> Result<Vec<Compiled>, Vec<String>> {
    let dir = std::env::temp_dir().join(format!("bank-test-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = format!(
        "[book]\nid = \"b\"\ntitle = \"T\"\nauthors = \"A\"\nsummary = \"S\"\n\n\
         [[chapters]]\nid = \"1\"\ntitle = \"One\"\n\n{questions}"
    );
    std::fs::write(dir.join("b.toml"), source).unwrap();
    let result = compile_all(&source_files(&dir).unwrap())
        .map_err(|problems| problems.iter().map(|p| p.problem.clone()).collect());
    std::fs::remove_dir_all(&dir).unwrap();
    result
}

#[test]
fn malformed_typed_and_order_questions_are_reported() {
    let problems = compile_source(
        "malformed",
        r#"
[[questions]]
id = "b-typed"
chapter = "1"
topics = ["t"]
difficulty = 1
type = "typed"
prompt = "Type what this prints."

[[questions]]
id = "b-order"
chapter = "1"
topics = ["t"]
difficulty = 1
type = "order"
prompt = "Put these in order."
accept = ["1"]
[[questions.options]]
text = "first"
why = "w"
[[questions.options]]
text = "second"
correct = true
why = "w"
"#,
    )
    .err()
    .expect("malformed questions fail");
    assert_eq!(
        problems,
        [
            "question b-typed: typed question has no code",
            "question b-typed: typed question needs an explanation",
            "question b-typed: typed question needs at least one accepted output (accept)",
            "question b-order: needs 3 to 6 steps, found 2",
            "question b-order: order question marks no step correct: the order written is the answer",
            "question b-order: only typed questions take accepted outputs (accept)",
        ]
    );
}

/// A quiz pack may link any https page, never a script or a document of
/// its own making.
#[test]
fn a_pack_link_that_is_not_https_is_refused() {
    let problems = compile_source(
        "links",
        r#"
[[questions]]
id = "b-links"
chapter = "1"
topics = ["t"]
difficulty = 1
type = "true-false"
prompt = "Links are checked."
read = [
  { url = "https://any-site.example/page#part", label = "Fine" },
  { url = "javascript:alert(1)", label = "Script" },
  { url = "data:text/html,<b>x</b>", label = "Document" },
]
[[questions.options]]
text = "True"
correct = true
why = "w"
[[questions.options]]
text = "False"
why = "w"
"#,
    )
    .err()
    .expect("script and data links fail");
    assert_eq!(
        problems,
        [
            "question b-links: link 2: \"javascript:alert(1)\" is not an https address with a host name",
            "question b-links: link 3: \"data:text/html,<b>x</b>\" is not an https address with a host name",
        ]
    );
}

#[test]
fn a_typed_question_compiles_with_its_accepted_outputs_normalised_and_checked() {
    let compiled = compile_source(
        "typed",
        r#"
[[questions]]
id = "b-typed"
chapter = "1"
topics = ["t"]
difficulty = 1
type = "typed"
prompt = "Type what this prints."
code = "print(sorted({3, 1, 2}))\nprint('done')"
explanation = "`sorted` returns a list."
accept = ["[1, 2, 3]  \r\ndone\r\n"]
"#,
    )
    .expect("a sound typed question compiles");
    let question = &compiled[0].bank.questions[0];
    assert_eq!(question.accept, ["[1, 2, 3]\ndone"]);
    assert!(question.options.is_empty());
    let failures = check_snippets(&compiled[0].snippets);
    assert!(failures.is_empty(), "{failures:?}");

    let wrong = compile_source(
        "typed-wrong",
        r#"
[[questions]]
id = "b-typed"
chapter = "1"
topics = ["t"]
difficulty = 1
type = "typed"
prompt = "Type what this prints."
code = "print(sorted({3, 1, 2}))"
explanation = "`sorted` returns a list."
accept = ["{1, 2, 3}"]
"#,
    )
    .unwrap();
    let failures = check_snippets(&wrong[0].snippets);
    assert_eq!(failures.len(), 1);
    assert!(
        failures[0]
            .1
            .contains("CPython prints \"[1, 2, 3]\", which is not among"),
        "{failures:?}"
    );
}

/// What the compiler writes is what a pack may hold: every shipped bank,
/// and a source using every Markdown form packs keep, reads back as a pack
/// unchanged, so the pack sanitiser's allow-list covers the compiler.
#[test]
fn compiled_banks_read_as_packs_unchanged() {
    let mut banks: Vec<_> = compiled().into_iter().map(|c| c.bank).collect();
    let markdown = compile_source(
        "markdown",
        r#"
[[questions]]
id = "b-markdown"
chapter = "1"
topics = ["t"]
difficulty = 1
type = "single"
prompt = """
*Emphasis*, **strong**, ~~struck~~, `code <b>` & "quotes"; a hard  
break.

- a list
- with `items`

1. numbered
2. steps

> a quote

```python
def f(x: int) -> str:
    return f"{x!r}"  # done
```
"""
explanation = "Raw <script>alert(1)</script> is text."

[[questions.options]]
text = "`x < y`"
correct = true
why = "It *is*."

[[questions.options]]
text = "Other"
why = "It is not."
"#,
    )
    .expect("the Markdown sample compiles");
    banks.push(markdown[0].bank.clone());
    for bank in banks {
        let json = serde_json::to_string(&bank).unwrap();
        assert_eq!(
            quiz_application::packs::read_pack(&json, &[]).as_ref(),
            Ok(&bank),
            "{}",
            bank.book.id
        );
    }
}

/// The pack schema (content/pack.schema.json) states the limits the app
/// enforces; this keeps the two from drifting apart.
#[test]
fn the_pack_schema_states_the_apps_limits() {
    let path = content_dir().join("pack.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let defs = &schema["$defs"];
    let kinds: Vec<&str> = defs["question"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    let known: Vec<&str> = quiz_domain::QuestionKind::ALL
        .iter()
        .map(|k| k.name())
        .collect();
    assert_eq!(kinds, known);
    assert_eq!(
        schema["properties"]["format"]["const"],
        quiz_domain::BANK_FORMAT
    );
    assert_eq!(
        schema["properties"]["questions"]["maxItems"],
        quiz_application::packs::MAX_PACK_QUESTIONS
    );
    assert_eq!(
        defs["label"]["maxLength"],
        quiz_application::packs::MAX_LABEL_CHARS
    );
    assert_eq!(
        defs["slug"]["maxLength"],
        quiz_application::packs::MAX_LABEL_CHARS
    );
    assert_eq!(
        schema["properties"]["book"]["properties"]["summary"]["maxLength"],
        quiz_application::packs::MAX_SUMMARY_CHARS
    );
}

/// Changes a valid pack into one the schema must refuse.
type BreakPack = fn(&mut serde_json::Value);

/// Python's `jsonschema` (installed by `cargo xtask setup`) checks every
/// compiled bank against content/pack.schema.json, and that packs broken in
/// the ways the schema describes are refused, so the published schema stays
/// the format the compiler writes.
#[test]
fn the_pack_schema_accepts_every_compiled_bank_and_refuses_broken_packs() {
    let banks: Vec<serde_json::Value> = compiled()
        .iter()
        .map(|c| serde_json::to_value(&c.bank).unwrap())
        .collect();
    let broken = |change: BreakPack| {
        let mut pack = banks[0].clone();
        change(&mut pack);
        pack
    };
    let mut cases: Vec<(String, serde_json::Value, bool)> = banks
        .iter()
        .map(|bank| (bank["book"]["id"].to_string(), bank.clone(), true))
        .collect();
    let refused: [(&str, BreakPack); 10] = [
        ("another format", |p| p["format"] = 2.into()),
        ("no book", |p| {
            drop(p.as_object_mut().unwrap().remove("book"))
        }),
        ("a book id that is no slug", |p| {
            p["book"]["id"] = "Week 1".into()
        }),
        ("an unknown kind", |p| {
            p["questions"][0]["kind"] = "essay".into()
        }),
        ("a difficulty of 4", |p| {
            p["questions"][0]["difficulty"] = 4.into()
        }),
        ("an option without why", |p| {
            drop(
                p["questions"][0]["options"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("why"),
            )
        }),
        ("no questions", |p| p["questions"] = serde_json::json!([])),
        ("a javascript: reading link", |p| {
            p["questions"][0]["read"][0]["url"] = "javascript:alert(1)".into()
        }),
        ("a data: reading link", |p| {
            p["questions"][0]["read"][0]["url"] = "data:text/html,<p>x</p>".into()
        }),
        ("a book both free and sold", |p| {
            p["where_to_read"]["publisher"] =
                serde_json::json!({ "url": "https://publisher.example/", "label": "Buy it" })
        }),
    ];
    for (name, change) in refused {
        cases.push((name.to_owned(), broken(change), false));
    }
    let checker = r#"
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
wrong = []
for name, document, valid in json.load(sys.stdin):
    errors = [error.message for error in validator.iter_errors(document)]
    if bool(errors) == valid:
        wrong.append(f"{name}: expected {'valid' if valid else 'refused'}, errors: {errors[:3]}")
print("\n".join(wrong))
"#;
    let mut python = std::process::Command::new(bank_compiler::python())
        .args(["-c", checker])
        .arg(content_dir().join("pack.schema.json"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (cargo xtask setup)");
    serde_json::to_writer(python.stdin.take().unwrap(), &cases).unwrap();
    let output = python.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "the schema check did not run (is jsonschema installed? `cargo xtask setup` installs it): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let wrong = String::from_utf8_lossy(&output.stdout);
    assert!(wrong.trim().is_empty(), "{wrong}");
}

/// No shipped bank can be passed by test-taking cues (content/AUTHORING.md,
/// "Fair options"), and few questions are excused from the length rule.
#[test]
fn no_bank_gives_its_answers_away() {
    use bank_compiler::fairness::{judge, table};
    let banks = compiled();
    let reports: Vec<_> = banks
        .iter()
        .map(|c| judge(&c.bank, &c.length_cue_reasons))
        .collect();
    println!("{}", table(&reports));
    let problems: Vec<String> = reports
        .iter()
        .flat_map(|r| r.problems().into_iter().map(|p| format!("{}: {p}", r.book)))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let excused: usize = banks.iter().map(|c| c.length_cue_reasons.len()).sum();
    assert!(
        excused <= 5,
        "{excused} questions carry length_cue_ok; at most 5 may"
    );
}

/// Every question names a place to read, and every link resolves to a page
/// and section of an index, the Python docs or the reviewed list.
#[test]
fn every_question_links_a_section_that_exists() {
    use bank_compiler::reading::{check_bank, table, ReadingIndex, PYTHON_DOCS_DIR};
    let index = ReadingIndex::load(
        &bank_compiler::reading_dir(),
        std::path::Path::new(PYTHON_DOCS_DIR),
    )
    .expect("the reading indexes load");
    let reports: Vec<_> = compiled()
        .iter()
        .map(|c| check_bank(&c.bank, &index))
        .collect();
    println!("{}", table(&reports));
    let problems: Vec<&String> = reports.iter().flat_map(|r| &r.problems).collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A quiz pack whose keys are always the longest option: `build` writes it
/// and warns, naming the cue; the shipped banks get the same lines as a
/// refusal (`no_bank_gives_its_answers_away` holds them to it).
#[test]
fn building_a_gamed_pack_warns_of_each_giveaway() {
    let dir = std::env::temp_dir().join(format!("bank-test-gamed-{}", std::process::id()));
    let out = dir.join("out");
    std::fs::create_dir_all(&dir).unwrap();
    let mut source = String::from(
        "[book]\nid = \"gamed\"\ntitle = \"Gamed\"\nauthors = \"A\"\nsummary = \"S\"\n\n\
         [[chapters]]\nid = \"1\"\ntitle = \"One\"\n",
    );
    for n in 0..4 {
        source.push_str(&format!(
            "\n[[questions]]\nid = \"gamed-{n}\"\nchapter = \"1\"\ntopics = [\"t\"]\n\
             difficulty = 1\ntype = \"single\"\nprompt = \"Which container number {n}?\"\n\
             explanation = \"Because.\"\n"
        ));
        for (text, correct) in [
            ("The one that is far longer than every other option", true),
            ("A set", false),
            ("A dict", false),
            ("A list", false),
        ] {
            source.push_str(&format!(
                "[[questions.options]]\ntext = \"{text}\"\ncorrect = {correct}\nwhy = \"w\"\n"
            ));
        }
    }
    std::fs::write(dir.join("gamed.toml"), source).unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_bank-compiler"))
        .arg("--content")
        .arg(&dir)
        .arg("build")
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    let written = out.join("gamed.json").is_file();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(run.status.success(), "a pack is written: {stderr}");
    assert!(written, "gamed.json is written");
    assert!(stderr.starts_with("warning: "), "{stderr}");
    assert!(
        stderr.contains("\"longest option\" scores 100 %"),
        "{stderr}"
    );
    assert!(
        stderr.contains("question gamed-0: the right option is"),
        "{stderr}"
    );
}
