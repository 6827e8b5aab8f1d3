//! Small questions and banks for tests of this crate and of the crates
//! above it (feature `fixtures`); never part of a build that ships.

use crate::bank::{Bank, Book, Chapter, BANK_FORMAT};
use crate::question::{AnswerOption, Question, QuestionKind};

/// A question of chapter "1" with options `o0`, `o1`, `o2`; the options at
/// `correct` are the right ones.
pub fn question(id: &str, kind: QuestionKind, correct: &[usize]) -> Question {
    Question {
        id: id.into(),
        chapter: "1".into(),
        topics: vec!["t".into()],
        difficulty: 1,
        kind,
        prompt: "p".into(),
        code: None,
        explanation: None,
        reread: None,
        read: Vec::new(),
        accept: Vec::new(),
        options: (0..3)
            .map(|i| AnswerOption {
                text: format!("o{i}"),
                correct: correct.contains(&i),
                why: "w".into(),
                fixed: false,
            })
            .collect(),
    }
}

/// A typed question accepting the given outputs.
pub fn typed_question(id: &str, accept: &[&str]) -> Question {
    Question {
        kind: QuestionKind::Typed,
        code: Some("print(4)".into()),
        explanation: Some("e".into()),
        options: Vec::new(),
        accept: accept.iter().map(|a| a.to_string()).collect(),
        ..question(id, QuestionKind::Single, &[])
    }
}

/// An order question whose steps `s0`, `s1`, … are written in order.
pub fn order_question(id: &str, steps: usize) -> Question {
    Question {
        kind: QuestionKind::Order,
        options: (0..steps)
            .map(|i| AnswerOption {
                text: format!("s{i}"),
                correct: false,
                why: "w".into(),
                fixed: false,
            })
            .collect(),
        ..question(id, QuestionKind::Single, &[])
    }
}

/// A bank titled "T" with the given chapters (each titled by its id).
pub fn bank(id: &str, chapters: &[&str], questions: Vec<Question>) -> Bank {
    Bank {
        format: BANK_FORMAT,
        book: Book {
            id: id.into(),
            title: "T".into(),
            authors: "A".into(),
            edition: None,
            summary: "S".into(),
        },
        where_to_read: None,
        chapters: chapters
            .iter()
            .map(|id| Chapter {
                id: id.to_string(),
                title: id.to_string(),
            })
            .collect(),
        questions,
    }
}
