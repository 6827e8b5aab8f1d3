//! Markdown to HTML at build time. Raw HTML in the source is shown as text,
//! never passed through, so a bank cannot inject markup into the app.

use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::highlight::highlight_python;

pub fn render(markdown: &str) -> Result<String, String> {
    let mut events = Vec::new();
    let mut python_block: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang)))
                if lang.as_ref() == "python" =>
            {
                python_block = Some(String::new());
            }
            Event::Text(text) if python_block.is_some() => {
                python_block
                    .as_mut()
                    .expect("checked above")
                    .push_str(&text);
            }
            Event::End(TagEnd::CodeBlock) if python_block.is_some() => {
                let code = python_block.take().expect("checked above");
                let html = format!("<pre><code>{}</code></pre>", highlight_python(&code)?);
                events.push(Event::Html(CowStr::from(html)));
            }
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            event => events.push(event),
        }
    }
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    Ok(out.trim_end().to_owned())
}

/// Inline Markdown for option texts: one paragraph, without its `<p>`.
pub fn render_inline(markdown: &str) -> Result<String, String> {
    let html = render(markdown)?;
    match html
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => Ok(inner.to_owned()),
        _ => Ok(html),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_code_and_emphasis_render() {
        assert_eq!(
            render("Call `len(x)` *once*").unwrap(),
            "<p>Call <code>len(x)</code> <em>once</em></p>"
        );
        assert_eq!(render_inline("`a < b`").unwrap(), "<code>a &lt; b</code>");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        assert_eq!(
            render("<script>alert(1)</script>").unwrap(),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
    }

    #[test]
    fn python_blocks_are_highlighted() {
        let html = render("```python\nx = None\n```").unwrap();
        assert!(html.contains(r#"<span class="b">None</span>"#), "{html}");
    }
}
