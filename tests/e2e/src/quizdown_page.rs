//! The bench's reference: the same questions as a quiz of this app, as a
//! page built with quizdown (the npm package, its browser bundle and its
//! highlight.js extension, installed into tools/ by `cargo xtask setup`).
//! The questions are written in quizdown's Markdown, as its author would:
//! the prompt as the heading and text, the code as a fenced Python block,
//! each option with its "why" as the option's comment. Explanations are
//! left out: quizdown has no place shown only after an answer.

use std::path::PathBuf;

use quiz_domain::{Question, QuestionKind};

use crate::workspace_dir;

/// Where setup installs quizdown's browser build.
pub fn quizdown_build_dir() -> PathBuf {
    workspace_dir().join("tools/node_modules/quizdown/public/build")
}

/// The files of the page, as (name, contents), to serve side by side.
pub fn quizdown_files(title: &str, questions: &[Question]) -> Vec<(String, Vec<u8>)> {
    let build = quizdown_build_dir();
    let read = |name: &str| {
        let path = build.join(name);
        std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run `cargo xtask setup` to install quizdown)",
                path.display()
            )
        })
    };
    vec![
        ("index.html".into(), page(title, questions).into_bytes()),
        ("quizdown.js".into(), read("quizdown.js")),
        (
            "quizdownHighlight.js".into(),
            read("extensions/quizdownHighlight.js"),
        ),
    ]
}

fn page(title: &str, questions: &[Question]) -> String {
    let quiz: String = questions.iter().map(question_markdown).collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<script src="quizdown.js"></script>
<script src="quizdownHighlight.js"></script>
<script>quizdown.register(quizdownHighlight).init();</script>
</head>
<body>
<div class="quizdown">
{}
</div>
</body>
</html>
"#,
        // quizdown reads the div's HTML and decodes these entities itself.
        escape_html(&quiz)
    )
}

/// One question in quizdown's syntax: an ordered task list is single
/// choice, an unordered one multiple choice.
fn question_markdown(question: &Question) -> String {
    let prompt = markdown_of(&question.prompt);
    let (heading, body) = match prompt.split_once("\n\n") {
        Some((first, rest)) if !first.starts_with("```") => (first, rest),
        _ => (prompt.as_str(), ""),
    };
    let mut out = format!("### {}\n\n", heading.replace('\n', " "));
    if !body.trim().is_empty() {
        out.push_str(&format!("{}\n\n", body.trim()));
    }
    if let Some(code) = &question.code {
        out.push_str(&format!("```python\n{}\n```\n\n", text_of(code).trim_end()));
    }
    let bullet = if question.kind == QuestionKind::Multiple {
        "-"
    } else {
        "1."
    };
    for option in &question.options {
        let text = if question.kind == QuestionKind::Output {
            let lines: Vec<String> = option.text.lines().map(escape_markdown).collect();
            format!("<code>{}</code>", lines.join("<br>"))
        } else {
            one_line(&markdown_of(&option.text))
        };
        let mark = if option.correct { 'x' } else { ' ' };
        out.push_str(&format!(
            "{bullet} [{mark}] {text}\n    > {}\n",
            one_line(&markdown_of(&option.why))
        ));
    }
    out.push('\n');
    out
}

fn one_line(markdown: &str) -> String {
    markdown.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown for the HTML the bank compiler writes (paragraphs, inline
/// code, emphasis, links, highlighted code blocks): the source an author
/// would have written. Other tags keep only their text.
fn markdown_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    let mut in_block = false;
    let mut rest = html;
    while !rest.is_empty() {
        let (text, after) = rest.split_at(rest.find('<').unwrap_or(rest.len()));
        let text = decode_entities(text);
        if in_code || in_block {
            out.push_str(&text);
        } else {
            out.push_str(&escape_markdown(&text));
        }
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[1..tag_end];
        rest = &after[tag_end + 1..];
        let name = tag.split_whitespace().next().unwrap_or_default();
        match name {
            "pre" => {
                in_block = true;
                out.push_str("\n\n```python\n");
            }
            "/pre" => {
                in_block = false;
                out.truncate(out.trim_end().len());
                out.push_str("\n```\n\n");
            }
            "code" | "/code" if !in_block => {
                in_code = name == "code";
                out.push('`');
            }
            "strong" | "/strong" if !in_block => out.push_str("**"),
            "em" | "/em" if !in_block => out.push('*'),
            "/p" => out.push_str("\n\n"),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// The text of highlighted HTML, its tags dropped.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    for (index, piece) in html.split('<').enumerate() {
        let visible = if index == 0 {
            piece
        } else {
            piece.split_once('>').map_or("", |(_, after)| after)
        };
        text.push_str(visible);
    }
    decode_entities(&text)
}

fn decode_entities(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Backslash-escapes what Markdown would read as formatting.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
