//! Reading a pack: a bank written by a course author, in the compiled bank
//! format (content/AUTHORING.md, content/pack.schema.json), loaded from a
//! URL or a file. Everything in it is untrusted: it is size-checked before
//! it is parsed, validated with messages that name the question and the
//! field, and every field the app shows as HTML is rewritten by
//! `sanitize_html`, so the pages can show a pack as they show a book.

use quiz_domain::{validate_bank, Bank, QuestionKind};

use crate::packs::sanitize_html;
use crate::packs::shape::{shape_problems, Json};
use crate::quiz::MAX_QUIZ_LENGTH;

/// A pack is refused above this size, before it is parsed.
pub const MAX_PACK_BYTES: usize = 1024 * 1024;
/// So that "all the questions" is always a quiz the app can ask.
pub const MAX_PACK_QUESTIONS: usize = MAX_QUIZ_LENGTH;
/// Titles, names, ids, topics and the reread hint: shown as headings and
/// labels, where a longer text would only be a way to break the layout.
pub const MAX_LABEL_CHARS: usize = 300;
/// The book's summary, a paragraph.
pub const MAX_SUMMARY_CHARS: usize = 2_000;
/// A pack with more problems lists these and counts the rest.
const PROBLEMS_LISTED: usize = 20;

/// The message for a pack over `MAX_PACK_BYTES`, or None.
pub fn pack_size_problem(bytes: usize) -> Option<String> {
    (bytes > MAX_PACK_BYTES).then(|| {
        format!(
            "the pack is {} KB; a pack can be {} KB (1 MiB) at most",
            bytes.div_ceil(1024),
            MAX_PACK_BYTES / 1024
        )
    })
}

/// Reads a pack; `built_in` are the ids of the app's own books, which a
/// pack may not take. The error lists every problem found.
pub fn read_pack(json: &str, built_in: &[String]) -> Result<Bank, Vec<String>> {
    if let Some(problem) = pack_size_problem(json.len()) {
        return Err(vec![problem]);
    }
    let tree: Json = serde_json::from_str(json)
        .map_err(|error| vec![format!("the pack is not valid JSON ({error})")])?;
    let shape = shape_problems(&tree);
    if !shape.is_empty() {
        return Err(listed(shape));
    }
    // The shape and the format were checked above, so what is left to
    // refuse is the rules.
    let mut bank: Bank = serde_json::from_str(json)
        .map_err(|error| vec![format!("the pack is malformed ({error})")])?;
    if bank.questions.len() > MAX_PACK_QUESTIONS {
        return Err(vec![format!(
            "the pack has {} questions; a pack can have {MAX_PACK_QUESTIONS} at most",
            bank.questions.len()
        )]);
    }
    let mut problems = Vec::new();
    sanitize(&mut bank);
    problems.extend(label_problems(&bank));
    if built_in.contains(&bank.book.id) {
        problems.push(format!(
            "field \"book.id\": \"{}\" is a book of this app; give the pack an id of its own",
            bank.book.id
        ));
    }
    problems.extend(
        validate_bank(&bank)
            .into_iter()
            .map(|problem| match &problem.question {
                Some(id) => format!(
                    "question {id:?}: field \"{}\": {}",
                    problem.field, problem.message
                ),
                None => format!("field \"{}\": {}", problem.field, problem.message),
            }),
    );
    if problems.is_empty() {
        Ok(bank)
    } else {
        Err(listed(problems))
    }
}

/// The first `PROBLEMS_LISTED` problems, and how many more there are.
fn listed(mut problems: Vec<String>) -> Vec<String> {
    if problems.len() > PROBLEMS_LISTED {
        let more = problems.len() - PROBLEMS_LISTED;
        problems.truncate(PROBLEMS_LISTED);
        problems.push(format!("and {more} more problem(s)"));
    }
    problems
}

/// Rewrites every field the pages put in as HTML. Output options are
/// literal text, shown as text, so they stay as written.
fn sanitize(bank: &mut Bank) {
    for question in &mut bank.questions {
        question.prompt = sanitize_html(&question.prompt);
        for html in [&mut question.code, &mut question.explanation]
            .into_iter()
            .flatten()
        {
            *html = sanitize_html(html);
        }
        let literal = question.kind == QuestionKind::Output;
        for option in &mut question.options {
            if !literal {
                option.text = sanitize_html(&option.text);
            }
            option.why = sanitize_html(&option.why);
        }
    }
}

fn label_problems(bank: &Bank) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |name: String, text: &str, max: usize| {
        let length = text.chars().count();
        if length > max {
            problems.push(format!(
                "{name} is {length} characters long; at most {max} are allowed"
            ));
        }
    };
    let book = &bank.book;
    check("field \"book.id\"".into(), &book.id, MAX_LABEL_CHARS);
    check("field \"book.title\"".into(), &book.title, MAX_LABEL_CHARS);
    check(
        "field \"book.authors\"".into(),
        &book.authors,
        MAX_LABEL_CHARS,
    );
    if let Some(edition) = &book.edition {
        check("field \"book.edition\"".into(), edition, MAX_LABEL_CHARS);
    }
    check(
        "field \"book.summary\"".into(),
        &book.summary,
        MAX_SUMMARY_CHARS,
    );
    for chapter in &bank.chapters {
        let name = format!("chapter {:?}", chapter.id);
        check(
            format!("{name}: field \"id\""),
            &chapter.id,
            MAX_LABEL_CHARS,
        );
        check(
            format!("{name}: field \"title\""),
            &chapter.title,
            MAX_LABEL_CHARS,
        );
    }
    for question in &bank.questions {
        let name = |field: &str| format!("question {:?}: field \"{field}\"", question.id);
        check(name("id"), &question.id, MAX_LABEL_CHARS);
        for topic in &question.topics {
            check(name("topics"), topic, MAX_LABEL_CHARS);
        }
        if let Some(reread) = &question.reread {
            check(name("reread"), reread, MAX_LABEL_CHARS);
        }
        for link in &question.read {
            check(name("read"), &link.label, MAX_LABEL_CHARS);
        }
    }
    if let Some(places) = &bank.where_to_read {
        for link in places.links() {
            check(
                "field \"where_to_read\"".into(),
                &link.label,
                MAX_LABEL_CHARS,
            );
        }
        if let Some(free) = &places.free_edition {
            check(
                "field \"where_to_read\"".into(),
                &free.licence,
                MAX_LABEL_CHARS,
            );
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::sample_pack;
    use quiz_domain::Question;

    fn json(bank: &Bank) -> String {
        serde_json::to_string(bank).unwrap()
    }

    fn problems(json: &str) -> Vec<String> {
        read_pack(json, &["fluent-python".to_owned()]).expect_err(json)
    }

    #[test]
    fn a_sound_pack_is_read_as_it_is() {
        let pack = sample_pack();
        assert_eq!(read_pack(&json(&pack), &[]), Ok(pack));
    }

    #[test]
    fn an_oversized_pack_is_refused_before_it_is_parsed() {
        let huge = format!("[{}]", "1,".repeat(MAX_PACK_BYTES / 2));
        assert_eq!(
            problems(&huge),
            ["the pack is 1025 KB; a pack can be 1024 KB (1 MiB) at most"]
        );
    }

    #[test]
    fn broken_files_are_explained() {
        assert!(problems("<html>")[0].starts_with("the pack is not valid JSON"));
        assert_eq!(
            problems("{\"format\":2}"),
            ["the pack has format 2, this app reads format 1"]
        );
        assert_eq!(
            problems("[]"),
            ["the pack: expected an object, found a list"]
        );
        assert_eq!(
            problems("{\"format\":1,\"book\":{}}")[..2],
            [
                "book.id: missing (expected a string)",
                "book.title: missing (expected a string)"
            ]
        );
    }

    #[test]
    fn a_malformed_question_is_named_by_its_path() {
        let mut value = json(&sample_pack());
        value = value.replacen("\"kind\":\"single\"", "\"kind\":\"essay\"", 1);
        value = value.replacen("\"<p>Prompt of cp-two</p>\"", "7", 1);
        let found = problems(&value);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("questions[0].kind: expected one of single, multiple,"),
            "{found:?}"
        );
        assert_eq!(
            found[1],
            "questions[1].prompt: expected a string, found the number 7"
        );
        let nameless = json(&sample_pack()).replacen("\"id\":\"cp-one\",", "", 1);
        assert_eq!(
            problems(&nameless),
            ["questions[0].id: missing (expected a string)"]
        );
        let bad_book = json(&sample_pack()).replacen("\"title\":\"A course pack\",", "", 1);
        assert_eq!(
            problems(&bad_book),
            ["book.title: missing (expected a string)"]
        );
    }

    #[test]
    fn rule_problems_name_the_question_and_the_field() {
        let mut pack = sample_pack();
        pack.questions[0].options[1].correct = true;
        pack.questions[1].id = "cp-one".into();
        pack.questions[1].options.clear();
        assert_eq!(
            problems(&json(&pack)),
            [
                "question \"cp-one\": field \"options\": single question needs exactly one correct option, found 2",
                "question \"cp-one\": field \"id\": this id is used twice",
                "question \"cp-one\": field \"options\": needs 2 to 6 options, found 0",
                "question \"cp-one\": field \"options\": single question needs exactly one correct option, found 0",
            ]
        );
    }

    #[test]
    fn a_pack_may_not_take_a_built_in_book_id_nor_a_bad_one() {
        let mut pack = sample_pack();
        pack.book.id = "fluent-python".into();
        assert_eq!(
            problems(&json(&pack)),
            ["field \"book.id\": \"fluent-python\" is a book of this app; give the pack an id of its own"]
        );
        pack.book.id = "../x".into();
        assert_eq!(
            problems(&json(&pack)),
            ["field \"book.id\": book id \"../x\" must be lowercase letters, digits and '-'"]
        );
    }

    #[test]
    fn too_many_questions_and_too_long_labels_are_refused() {
        let mut pack = sample_pack();
        pack.questions = (0..=MAX_PACK_QUESTIONS)
            .map(|i| Question {
                id: format!("q-{i}"),
                ..pack.questions[0].clone()
            })
            .collect();
        assert_eq!(
            problems(&json(&pack)),
            ["the pack has 201 questions; a pack can have 200 at most"]
        );
        let mut pack = sample_pack();
        pack.book.title = "x".repeat(MAX_LABEL_CHARS + 1);
        pack.questions[0].reread = Some("y".repeat(MAX_LABEL_CHARS + 1));
        assert_eq!(
            problems(&json(&pack)),
            [
                "field \"book.title\" is 301 characters long; at most 300 are allowed",
                "question \"cp-one\": field \"reread\" is 301 characters long; at most 300 are allowed",
            ]
        );
    }

    #[test]
    fn more_problems_than_listed_are_counted() {
        let mut pack = sample_pack();
        pack.questions = (0..30)
            .map(|i| Question {
                id: format!("Q{i}"),
                ..pack.questions[0].clone()
            })
            .collect();
        let found = problems(&json(&pack));
        assert_eq!(found.len(), PROBLEMS_LISTED + 1);
        assert_eq!(found[PROBLEMS_LISTED], "and 10 more problem(s)");
    }

    #[test]
    fn html_fields_are_sanitised_and_literal_outputs_kept() {
        let payload = "<img src=x onerror=alert(1)>";
        let mut pack = sample_pack();
        let question = &mut pack.questions[0];
        question.prompt = payload.into();
        question.code = Some(payload.into());
        question.explanation = Some(payload.into());
        question.options[0].text = payload.into();
        question.options[0].why = payload.into();
        let mut output = pack.questions[1].clone();
        output.kind = QuestionKind::Output;
        output.code = Some("print('<b>')".into());
        output.options[0].text = "<b>".into();
        pack.questions[1] = output;
        let read = read_pack(&json(&pack), &[]).unwrap();
        let escaped = "&lt;img src=x onerror=alert(1)&gt;";
        let question = &read.questions[0];
        assert_eq!(question.prompt, escaped);
        assert_eq!(question.code.as_deref(), Some(escaped));
        assert_eq!(question.explanation.as_deref(), Some(escaped));
        assert_eq!(question.options[0].text, escaped);
        assert_eq!(question.options[0].why, escaped);
        assert_eq!(read.questions[1].options[0].text, "<b>", "shown as text");
        assert_eq!(
            read.questions[1].code.as_deref(),
            Some("print('&lt;b&gt;')")
        );
    }
}
