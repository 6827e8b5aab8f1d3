//! From a source file to the bank the app reads, with every problem found.

use std::path::{Path, PathBuf};

use quiz_domain::{
    normalize_output, AnswerOption, Bank, Book, Chapter, Problem, Question, QuestionKind,
    BANK_FORMAT,
};

use crate::highlight::highlight_python;
use crate::markdown::{render, render_inline};
use crate::source::{parse, SourceBank, SourceLink, SourceQuestion, SourceWhereToRead};

/// An output or typed question's claim, to be checked against CPython.
#[derive(Clone, Debug)]
pub struct Snippet {
    pub question: String,
    pub code: String,
    pub claim: Claim,
}

#[derive(Clone, Debug)]
pub enum Claim {
    /// An output question: the correct option's text must be what CPython
    /// prints, and no wrong option's.
    Options {
        expected: String,
        wrong: Vec<String>,
    },
    /// A typed question: what CPython prints, normalised, must be one of
    /// these.
    Accepted(Vec<String>),
}

pub struct Compiled {
    pub path: PathBuf,
    pub bank: Bank,
    pub snippets: Vec<Snippet>,
    /// Question ids with the author's `length_cue_ok` reason.
    pub length_cue_reasons: Vec<(String, String)>,
}

/// A problem with the file it was found in, printed as
/// `content/x.toml: question q: what is wrong`.
#[derive(Clone, Debug)]
pub struct FileProblem {
    pub path: PathBuf,
    pub problem: String,
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Relative to where the command runs, so the path can be clicked.
        let cwd = std::env::current_dir().unwrap_or_default();
        let path = self.path.strip_prefix(&cwd).unwrap_or(&self.path);
        write!(f, "{}: {}", path.display(), self.problem)
    }
}

pub fn compile_file(path: &Path) -> Result<Compiled, Vec<FileProblem>> {
    let fail = |problem: String| {
        vec![FileProblem {
            path: path.to_owned(),
            problem,
        }]
    };
    let text = std::fs::read_to_string(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let source = parse(&text).map_err(|e| fail(format!("not valid bank TOML: {e}")))?;
    compile(source, path).map_err(|problems| {
        problems
            .into_iter()
            .map(|problem| FileProblem {
                path: path.to_owned(),
                problem: problem.to_string(),
            })
            .collect()
    })
}

fn compile(source: SourceBank, path: &Path) -> Result<Compiled, Vec<Problem>> {
    let book_id = source.book.id.clone();
    let mut problems = Vec::new();
    let mut questions = Vec::new();
    let mut snippets = Vec::new();
    let mut length_cue_reasons = Vec::new();
    for question in source.questions {
        let id = question.id.clone();
        if let Some(reason) = &question.length_cue_ok {
            length_cue_reasons.push((id.clone(), reason.clone()));
        }
        match compile_question(question) {
            Ok((question, snippet)) => {
                questions.push(question);
                snippets.extend(snippet);
            }
            Err(message) => problems.push(Problem {
                book: book_id.clone(),
                question: Some(id),
                field: "question",
                message,
            }),
        }
    }
    let bank = Bank {
        format: BANK_FORMAT,
        book: Book {
            id: source.book.id,
            title: source.book.title,
            authors: source.book.authors,
            edition: source.book.edition,
            summary: source.book.summary,
        },
        where_to_read: source.book.where_to_read.map(SourceWhereToRead::compiled),
        chapters: source
            .chapters
            .into_iter()
            .map(|c| Chapter {
                id: c.id,
                title: c.title,
            })
            .collect(),
        questions,
    };
    if problems.is_empty() {
        Ok(Compiled {
            path: path.to_owned(),
            bank,
            snippets,
            length_cue_reasons,
        })
    } else {
        Err(problems)
    }
}

fn compile_question(source: SourceQuestion) -> Result<(Question, Option<Snippet>), String> {
    let kind = QuestionKind::from_name(&source.kind).ok_or_else(|| {
        let known: Vec<&str> = QuestionKind::ALL.iter().map(|k| k.name()).collect();
        format!(
            "unknown type {:?} (known: {})",
            source.kind,
            known.join(", ")
        )
    })?;
    // An output option is the literal output, which the app shows as text
    // (pack.schema.json), so it is not escaped as HTML would be.
    let option_text = |text: &str| match kind {
        QuestionKind::Output => Ok(text.to_owned()),
        _ => render_inline(text),
    };
    let options = source
        .options
        .iter()
        .map(|option| {
            Ok(AnswerOption {
                text: option_text(&option.text)?,
                correct: option.correct,
                why: render(&option.why)?,
                fixed: option.fixed,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let claim = match kind {
        QuestionKind::Output => Some(Claim::Options {
            expected: source
                .options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.text.clone())
                .next()
                .unwrap_or_default(),
            wrong: source
                .options
                .iter()
                .filter(|o| !o.correct)
                .map(|o| o.text.clone())
                .collect(),
        }),
        QuestionKind::Typed => Some(Claim::Accepted(source.accept.clone())),
        _ => None,
    };
    let snippet = source.code.clone().zip(claim).map(|(code, claim)| Snippet {
        question: source.id.clone(),
        code,
        claim,
    });
    let question = Question {
        id: source.id,
        chapter: source.chapter,
        topics: source.topics,
        difficulty: source.difficulty,
        kind,
        prompt: render(&source.prompt)?,
        code: source.code.as_deref().map(highlight_python).transpose()?,
        explanation: source.explanation.as_deref().map(render).transpose()?,
        reread: source.reread,
        read: source.read.into_iter().map(SourceLink::compiled).collect(),
        options,
        // Normalised once here, so the app shows the expected output clean.
        accept: source.accept.iter().map(|a| normalize_output(a)).collect(),
    };
    Ok((question, snippet))
}
