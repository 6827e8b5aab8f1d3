//! Python highlighting at build time, so the browser runs no highlighter.
//! syntect tokenizes with the Sublime Text Python grammar; each token gets
//! one short class from a small palette that style/ colours.

use std::sync::OnceLock;

use quiz_application::html_text::escape_text;
use syntect::easy::ScopeRegionIterator;
use syntect::parsing::{ParseState, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

fn syntaxes() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Scope prefixes and their class, most specific first: the innermost scope
/// that matches decides.
const PALETTE: [(&str, &str); 10] = [
    ("comment", "c"),
    ("string", "s"),
    ("constant.numeric", "n"),
    ("constant.language", "b"),
    ("keyword.operator.logical", "k"),
    ("keyword.operator", ""),
    ("keyword", "k"),
    ("storage", "k"),
    ("entity.name.function", "f"),
    ("support.function", "f"),
];

const TYPE_SCOPES: [&str; 3] = ["entity.name.class", "support.type", "support.class"];

fn class_of(stack: &ScopeStack) -> &'static str {
    for scope in stack.as_slice().iter().rev() {
        let name = scope.build_string();
        if TYPE_SCOPES.iter().any(|prefix| name.starts_with(prefix)) {
            return "t";
        }
        if let Some((_, class)) = PALETTE.iter().find(|(prefix, _)| name.starts_with(prefix)) {
            return class;
        }
    }
    ""
}

/// HTML for a Python snippet: spans with one-letter classes, adjacent tokens
/// of the same class merged to keep bank files small.
pub fn highlight_python(code: &str) -> Result<String, String> {
    let syntaxes = syntaxes();
    let syntax = syntaxes
        .find_syntax_by_extension("py")
        .ok_or("syntect has no Python grammar")?;
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut runs: Vec<(&'static str, String)> = Vec::new();
    for line in LinesWithEndings::from(code.trim_end()) {
        let ops = state
            .parse_line(line, syntaxes)
            .map_err(|e| e.to_string())?;
        for (text, op) in ScopeRegionIterator::new(&ops, line) {
            stack.apply(op).map_err(|e| e.to_string())?;
            if text.is_empty() {
                continue;
            }
            let class = if text.trim().is_empty() {
                ""
            } else {
                class_of(&stack)
            };
            match runs.last_mut() {
                Some((last, run)) if *last == class => run.push_str(text),
                _ => runs.push((class, text.to_owned())),
            }
        }
    }
    Ok(runs
        .into_iter()
        .map(|(class, text)| match class {
            "" => escape_text(&text),
            class => format!("<span class=\"{class}\">{}</span>", escape_text(&text)),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_strings_numbers_and_comments_get_classes() {
        let html = highlight_python("def f(x):\n    return 'a<b' + 1  # done\n").unwrap();
        assert!(html.contains(r#"<span class="k">def</span>"#), "{html}");
        assert!(html.contains(r#"<span class="f">f</span>"#), "{html}");
        assert!(
            html.contains(r#"<span class="s">'a&lt;b'</span>"#),
            "{html}"
        );
        assert!(html.contains(r#"<span class="n">1</span>"#), "{html}");
        assert!(html.contains(r#"<span class="c"># done</span>"#), "{html}");
    }

    #[test]
    fn highlighting_keeps_the_text() {
        let code = "class A:\n    x: int = 3\nprint(A.x > 2 and True)";
        let html = highlight_python(code).unwrap();
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        assert_eq!(text.replace("&gt;", ">"), code);
    }
}
