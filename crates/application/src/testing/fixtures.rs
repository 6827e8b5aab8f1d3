//! Values the tests of several modules share.

use quiz_domain::{
    Answer, AnswerOption, AttemptResult, Bank, Book, Chapter, Mode, Question, QuestionKind,
    Response, Score, BANK_FORMAT,
};

use crate::exam::ExamRequest;

/// A finished attempt at `book`, started at 0 and finished at 1 ms, that
/// answered each question of `responses` (its id, and whether the answer
/// was right) with the option at index 0; its score counts the right ones.
pub(crate) fn answered(
    id: &str,
    book: &str,
    mode: Mode,
    responses: &[(&str, bool)],
) -> AttemptResult {
    let responses: Vec<Response> = responses
        .iter()
        .map(|&(question, correct)| Response {
            question: question.into(),
            answer: Answer::new([0]),
            correct,
            time_ms: None,
        })
        .collect();
    let correct = responses.iter().filter(|r| r.correct).count() as u32;
    AttemptResult {
        id: id.into(),
        book: book.into(),
        mode,
        score: Score {
            correct,
            total: responses.len() as u32,
        },
        responses,
        started_at_ms: 0,
        finished_at_ms: 1,
    }
}

/// An exam of `count` questions from books "a" and "b", ten minutes, seed 3.
pub(crate) fn exam_request(count: usize) -> ExamRequest {
    ExamRequest {
        books: vec!["a".into(), "b".into()],
        count,
        minutes: 10,
        seed: 3,
    }
}

/// A finished two-question attempt at "fp", one answer right.
pub(crate) fn sample_result(id: &str) -> AttemptResult {
    let question = format!("{id}-question");
    answered(
        id,
        "fp",
        Mode::Practice,
        &[(&question, true), (&question, false)],
    )
}

/// A pack's questions as the test corpus and the schema describe them.
pub(crate) fn sample_pack() -> Bank {
    let option = |text: &str, correct: bool| AnswerOption {
        text: text.into(),
        correct,
        why: format!("<p>Why {text}.</p>"),
        fixed: false,
    };
    let question = |id: &str| Question {
        id: id.into(),
        chapter: "week-1".into(),
        topics: vec!["testing".into()],
        difficulty: 2,
        kind: QuestionKind::Single,
        prompt: format!("<p>Prompt of {id}</p>"),
        code: None,
        explanation: Some("<p>Because.</p>".into()),
        reread: Some("Week 1".into()),
        read: Vec::new(),
        options: vec![option("a", true), option("b", false)],
        accept: Vec::new(),
    };
    Bank {
        format: BANK_FORMAT,
        book: Book {
            id: "course-pack".into(),
            title: "A course pack".into(),
            authors: "A teacher".into(),
            edition: None,
            summary: "Questions for week 1.".into(),
        },
        where_to_read: None,
        chapters: vec![Chapter {
            id: "week-1".into(),
            title: "Week 1".into(),
        }],
        questions: vec![question("cp-one"), question("cp-two")],
    }
}
