use std::collections::HashMap;
use std::fmt;

use crate::bank::Bank;
use crate::question::{Question, QuestionKind};
use crate::reading::MAX_READING_LINKS;
use crate::similarity::{near_duplicate, normalized_words};
use crate::typed_output::normalize_output;

/// Something wrong with a bank, located by book, question and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub book: String,
    pub question: Option<String>,
    /// The field of the compiled format at fault, such as `options` or
    /// `book.title`, so that a message about a pack can point at it.
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.question {
            Some(id) => write!(f, "question {id}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

const MIN_OPTIONS: usize = 2;
const MAX_OPTIONS: usize = 6;
const MIN_STEPS: usize = 3;

/// The form of every id: of books, chapters, questions, topics and
/// attempts. Lowercase letters, digits and '-', not at either end.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Every rule one bank must keep on its own.
pub fn validate_bank(bank: &Bank) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |question: Option<&str>, field: &'static str, message: String| {
        problems.push(Problem {
            book: bank.book.id.clone(),
            question: question.map(str::to_owned),
            field,
            message,
        })
    };
    if !is_slug(&bank.book.id) {
        report(
            None,
            "book.id",
            format!(
                "book id {:?} must be lowercase letters, digits and '-'",
                bank.book.id
            ),
        );
    }
    for (field, value) in [
        ("book.title", &bank.book.title),
        ("book.authors", &bank.book.authors),
        ("book.summary", &bank.book.summary),
    ] {
        if value.trim().is_empty() {
            let name = field.trim_start_matches("book.");
            report(None, field, format!("book {name} is empty"));
        }
    }
    if let Some(where_to_read) = &bank.where_to_read {
        for problem in where_to_read.problems() {
            report(
                None,
                "where_to_read",
                format!("where to read the book: {problem}"),
            );
        }
    }
    // Lists, not hash sets: a bank is small, and the app runs this on packs,
    // where hashing would add kilobytes of Wasm.
    let mut chapter_ids: Vec<&str> = Vec::new();
    for chapter in &bank.chapters {
        // Chapter ids go into quiz links (`chapters=1,9`) and pages.
        if !is_slug(&chapter.id) {
            report(
                None,
                "chapters",
                format!(
                    "chapter id {:?} must be lowercase letters, digits and '-'",
                    chapter.id
                ),
            );
        }
        if chapter_ids.contains(&chapter.id.as_str()) {
            report(
                None,
                "chapters",
                format!("chapter {:?} is listed twice", chapter.id),
            );
        } else {
            chapter_ids.push(&chapter.id);
        }
        if chapter.title.trim().is_empty() {
            report(
                None,
                "chapters",
                format!("chapter {:?} has no title", chapter.id),
            );
        }
        if !bank.questions.iter().any(|q| q.chapter == chapter.id) {
            report(
                None,
                "chapters",
                format!("chapter {:?} has no questions", chapter.id),
            );
        }
    }
    if bank.questions.is_empty() {
        report(None, "questions", "the bank has no questions".into());
    }
    for (index, question) in bank.questions.iter().enumerate() {
        let id = Some(question.id.as_str());
        if bank.questions[..index].iter().any(|q| q.id == question.id) {
            report(id, "id", "this id is used twice".into());
        }
        for (field, message) in question_problems(question, &chapter_ids) {
            report(id, field, message);
        }
    }
    problems
}

/// A problem of one question: the field at fault and what is wrong.
type FieldProblem = (&'static str, String);

fn question_problems(question: &Question, chapter_ids: &[&str]) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    if !is_slug(&question.id) {
        problems.push((
            "id",
            "the id must be lowercase letters, digits and '-'".into(),
        ));
    }
    if !chapter_ids.contains(&question.chapter.as_str()) {
        problems.push(("chapter", format!("unknown chapter {:?}", question.chapter)));
    }
    if question.topics.is_empty() {
        problems.push(("topics", "needs at least one topic".into()));
    }
    for topic in &question.topics {
        if !is_slug(topic) {
            problems.push((
                "topics",
                format!("topic {topic:?} must be lowercase words joined by '-'"),
            ));
        }
    }
    if !(1..=3).contains(&question.difficulty) {
        problems.push((
            "difficulty",
            format!("difficulty {} is not 1, 2 or 3", question.difficulty),
        ));
    }
    if question.prompt.trim().is_empty() {
        problems.push(("prompt", "the prompt is empty".into()));
    }
    match question.kind {
        QuestionKind::Typed => problems.extend(typed_problems(question)),
        QuestionKind::Order => problems.extend(order_problems(question)),
        _ => problems.extend(choice_problems(question)),
    }
    if question.read.len() > MAX_READING_LINKS {
        problems.push((
            "read",
            format!(
                "names {} places to read; at most {MAX_READING_LINKS} are allowed",
                question.read.len()
            ),
        ));
    }
    for (index, link) in question.read.iter().enumerate() {
        if let Some(problem) = link.problem() {
            problems.push(("read", format!("link {}: {problem}", index + 1)));
        }
    }
    if question.kind != QuestionKind::Typed && !question.accept.is_empty() {
        problems.push((
            "accept",
            "only typed questions take accepted outputs (accept)".into(),
        ));
    }
    problems
}

/// The rules every option of a choice or order question keeps.
fn option_problems(question: &Question, min: usize) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let mut report = |message: String| problems.push(("options", message));
    let count = question.options.len();
    if !(min..=MAX_OPTIONS).contains(&count) {
        let what = if question.kind == QuestionKind::Order {
            "steps"
        } else {
            "options"
        };
        report(format!(
            "needs {min} to {MAX_OPTIONS} {what}, found {count}"
        ));
    }
    for (index, option) in question.options.iter().enumerate() {
        if option.why.trim().is_empty() {
            report(format!("option {} has no explanation (why)", index + 1));
        }
        if option.text.trim().is_empty() {
            report(format!("option {} has no text", index + 1));
        }
        let text = option.text.trim();
        if question.options[..index]
            .iter()
            .any(|earlier| earlier.text.trim() == text)
        {
            report(format!("option {} repeats an earlier option", index + 1));
        }
    }
    problems
}

fn choice_problems(question: &Question) -> Vec<FieldProblem> {
    let mut problems = option_problems(question, MIN_OPTIONS);
    let mut report = |field, message: String| problems.push((field, message));
    let count = question.options.len();
    let correct = question.options.iter().filter(|o| o.correct).count();
    match question.kind {
        QuestionKind::Multiple => {
            if correct == 0 {
                report(
                    "options",
                    "multiple-select question has no correct option".into(),
                );
            }
            if correct == count {
                report(
                    "options",
                    "multiple-select question has no wrong option".into(),
                );
            }
        }
        kind => {
            if correct != 1 {
                report(
                    "options",
                    format!(
                        "{} question needs exactly one correct option, found {correct}",
                        kind.name()
                    ),
                );
            }
        }
    }
    if question.kind == QuestionKind::TrueFalse {
        let texts: Vec<&str> = question.options.iter().map(|o| o.text.as_str()).collect();
        if !matches!(texts.as_slice(), [t, f] if strip_paragraph(t) == "True" && strip_paragraph(f) == "False")
        {
            report(
                "options",
                "true-false question needs exactly the options True then False".into(),
            );
        }
    }
    if question.kind == QuestionKind::Output && question.code.is_none() {
        report("code", "output question has no code".into());
    }
    problems
}

/// Typed questions have no options, so the explanation is the only place
/// feedback can say why the output is what it is.
fn typed_problems(question: &Question) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let mut report = |field, message: String| problems.push((field, message));
    if question.code.is_none() {
        report("code", "typed question has no code".into());
    }
    if question
        .explanation
        .as_deref()
        .is_none_or(|e| e.trim().is_empty())
    {
        report("explanation", "typed question needs an explanation".into());
    }
    if !question.options.is_empty() {
        report(
            "options",
            "typed question takes no options: list the outputs in accept".into(),
        );
    }
    if question.accept.is_empty() {
        report(
            "accept",
            "typed question needs at least one accepted output (accept)".into(),
        );
    }
    let mut seen: Vec<String> = Vec::new();
    for (index, accepted) in question.accept.iter().enumerate() {
        let normalized = normalize_output(accepted);
        if normalized.is_empty() {
            report("accept", format!("accepted output {} is empty", index + 1));
        } else if seen.contains(&normalized) {
            report(
                "accept",
                format!(
                    "accepted output {} equals an earlier one once normalised",
                    index + 1
                ),
            );
        } else {
            seen.push(normalized);
        }
    }
    problems
}

/// Three steps at least, so that a shuffle is more than a swap.
fn order_problems(question: &Question) -> Vec<FieldProblem> {
    let mut problems = option_problems(question, MIN_STEPS);
    if question.options.iter().any(|o| o.correct) {
        problems.push((
            "options",
            "order question marks no step correct: the order written is the answer".into(),
        ));
    }
    if question.options.iter().any(|o| o.fixed) {
        problems.push(("options", "order question steps cannot be fixed".into()));
    }
    problems
}

fn strip_paragraph(html: &str) -> &str {
    html.trim()
        .trim_start_matches("<p>")
        .trim_end_matches("</p>")
        .trim()
}

/// The rules that span books: ids unique everywhere, no question asked twice.
pub fn validate_banks(banks: &[Bank]) -> Vec<Problem> {
    let mut problems: Vec<Problem> = banks.iter().flat_map(validate_bank).collect();
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for bank in banks {
        for question in &bank.questions {
            if let Some(other) = owner.insert(&question.id, &bank.book.id) {
                if other != bank.book.id {
                    problems.push(Problem {
                        book: bank.book.id.clone(),
                        question: Some(question.id.clone()),
                        field: "id",
                        message: format!("this id is also used in {other}"),
                    });
                }
            }
        }
    }
    let texts: Vec<(&Bank, &Question, Vec<String>)> = banks
        .iter()
        .flat_map(|bank| {
            bank.questions.iter().map(move |q| {
                let text = format!("{} {}", q.prompt, q.code.as_deref().unwrap_or_default());
                (bank, q, normalized_words(&text))
            })
        })
        .collect();
    for (i, (bank, question, words)) in texts.iter().enumerate() {
        for (other_bank, other, other_words) in &texts[..i] {
            if near_duplicate(words, other_words) {
                problems.push(Problem {
                    book: bank.book.id.clone(),
                    question: Some(question.id.clone()),
                    field: "prompt",
                    message: format!(
                        "the prompt duplicates question {} of {}",
                        other.id, other_bank.book.id
                    ),
                });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::AnswerOption;

    fn option(text: &str, correct: bool) -> AnswerOption {
        AnswerOption {
            text: text.into(),
            correct,
            why: "because".into(),
            fixed: false,
        }
    }

    fn question(id: &str, prompt: &str) -> Question {
        Question {
            id: id.into(),
            chapter: "1".into(),
            topics: vec!["data-model".into()],
            difficulty: 2,
            kind: QuestionKind::Single,
            prompt: prompt.into(),
            code: None,
            explanation: None,
            reread: None,
            read: Vec::new(),
            options: vec![option("a", true), option("b", false)],
            accept: Vec::new(),
        }
    }

    fn bank(id: &str, questions: Vec<Question>) -> Bank {
        crate::fixtures::bank(id, &["1"], questions)
    }

    fn messages(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_sound_bank_has_no_problems() {
        assert_eq!(
            validate_bank(&bank("b", vec![question("b-one", "Why?")])),
            vec![]
        );
    }

    #[test]
    fn single_choice_needs_exactly_one_correct_option() {
        let mut q = question("b-one", "Why?");
        q.options[1].correct = true;
        assert_eq!(
            messages(&validate_bank(&bank("b", vec![q]))),
            ["question b-one: single question needs exactly one correct option, found 2"]
        );
    }

    #[test]
    fn options_need_explanations_and_chapters_must_exist() {
        let mut q = question("b-one", "Why?");
        q.options[0].why = " ".into();
        q.chapter = "9".into();
        let found = messages(&validate_bank(&bank("b", vec![q])));
        assert!(found.contains(&"question b-one: option 1 has no explanation (why)".to_string()));
        assert!(found.contains(&"question b-one: unknown chapter \"9\"".to_string()));
        assert!(found.contains(&"chapter \"1\" has no questions".to_string()));
    }

    #[test]
    fn each_problem_names_its_field() {
        let mut q = question("b-one", " ");
        q.options[1].correct = true;
        q.topics = vec!["Not A Slug".into()];
        let mut b = bank("b", vec![q]);
        b.chapters[0].id = "1,&x".into();
        b.questions[0].chapter = "1,&x".into();
        let fields: Vec<(&str, String)> = validate_bank(&b)
            .into_iter()
            .map(|p| (p.field, p.message))
            .collect();
        assert_eq!(
            fields,
            [
                (
                    "chapters",
                    "chapter id \"1,&x\" must be lowercase letters, digits and '-'".into()
                ),
                (
                    "topics",
                    "topic \"Not A Slug\" must be lowercase words joined by '-'".into()
                ),
                ("prompt", "the prompt is empty".into()),
                (
                    "options",
                    "single question needs exactly one correct option, found 2".into()
                ),
            ]
        );
    }

    #[test]
    fn where_to_read_the_book_is_checked_like_reading_links() {
        let mut b = bank("b", vec![question("b-one", "Why?")]);
        b.where_to_read = Some(crate::WhereToRead {
            free_edition: None,
            publisher: Some(crate::ReadingLink {
                url: "javascript:alert(1)".into(),
                label: "Buy it".into(),
            }),
            companions: Vec::new(),
        });
        let fields: Vec<(&str, String)> = validate_bank(&b)
            .into_iter()
            .map(|p| (p.field, p.message))
            .collect();
        assert_eq!(
            fields,
            [(
                "where_to_read",
                "where to read the book: \"javascript:alert(1)\" is not an https address with a host name"
                    .into()
            )]
        );
    }

    #[test]
    fn true_false_needs_true_then_false() {
        let mut q = question("b-one", "Why?");
        q.kind = QuestionKind::TrueFalse;
        assert_eq!(
            messages(&validate_bank(&bank("b", vec![q.clone()]))),
            ["question b-one: true-false question needs exactly the options True then False"]
        );
        q.options = vec![option("<p>True</p>", false), option("<p>False</p>", true)];
        assert_eq!(validate_bank(&bank("b", vec![q])), vec![]);
    }

    #[test]
    fn multiple_select_needs_a_right_and_a_wrong_option() {
        let mut q = question("b-one", "Pick");
        q.kind = QuestionKind::Multiple;
        q.options[1].correct = true;
        assert_eq!(
            messages(&validate_bank(&bank("b", vec![q]))),
            ["question b-one: multiple-select question has no wrong option"]
        );
    }

    #[test]
    fn output_questions_need_code() {
        let mut q = question("b-one", "What does it print?");
        q.kind = QuestionKind::Output;
        assert_eq!(
            messages(&validate_bank(&bank("b", vec![q]))),
            ["question b-one: output question has no code"]
        );
    }

    #[test]
    fn typed_questions_need_code_an_explanation_and_accepted_outputs() {
        let mut q = crate::fixtures::typed_question("b-one", &["4"]);
        assert_eq!(validate_bank(&bank("b", vec![q.clone()])), vec![]);
        q.code = None;
        q.explanation = None;
        q.accept = vec![" \r\n".into(), "x  ".into(), "\nx".into()];
        q.options = vec![option("a", true)];
        assert_eq!(
            messages(&validate_bank(&bank("b", vec![q]))),
            [
                "question b-one: typed question has no code",
                "question b-one: typed question needs an explanation",
                "question b-one: typed question takes no options: list the outputs in accept",
                "question b-one: accepted output 1 is empty",
                "question b-one: accepted output 3 equals an earlier one once normalised",
            ]
        );
        let mut nothing = crate::fixtures::typed_question("b-one", &[]);
        nothing.prompt = "Type it".into();
        assert_eq!(
            messages(&validate_bank(&bank("b", vec![nothing]))),
            ["question b-one: typed question needs at least one accepted output (accept)"]
        );
    }

    #[test]
    fn order_questions_need_three_unmarked_steps() {
        let q = crate::fixtures::order_question("b-one", 3);
        assert_eq!(validate_bank(&bank("b", vec![q.clone()])), vec![]);
        let mut marked = q.clone();
        marked.options[1].correct = true;
        marked.options[2].fixed = true;
        marked.accept = vec!["s0".into()];
        assert_eq!(
            messages(&validate_bank(&bank("b", vec![marked]))),
            [
                "question b-one: order question marks no step correct: the order written is the answer",
                "question b-one: order question steps cannot be fixed",
                "question b-one: only typed questions take accepted outputs (accept)",
            ]
        );
        assert_eq!(
            messages(&validate_bank(&bank(
                "b",
                vec![crate::fixtures::order_question("b-one", 2)]
            ))),
            ["question b-one: needs 3 to 6 steps, found 2"]
        );
    }

    #[test]
    fn ids_and_prompts_must_not_repeat_across_books() {
        let first = bank(
            "a",
            vec![question(
                "x-one",
                "Which layer may import the ORM in this design?",
            )],
        );
        let second = bank(
            "b",
            vec![question(
                "x-one",
                "Which layer may import the ORM in this design ?",
            )],
        );
        assert_eq!(
            messages(&validate_banks(&[first, second])),
            [
                "question x-one: this id is also used in a",
                "question x-one: the prompt duplicates question x-one of a"
            ]
        );
    }
}
