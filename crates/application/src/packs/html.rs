//! The HTML of a pack, made safe to put in the page with `inner_html`.
//!
//! A pack comes from anyone, so its HTML fields are rewritten, not
//! filtered: the output holds only the markup the bank compiler writes
//! (paragraphs, code, emphasis, lists, quotes, line breaks and the
//! highlighter's `<span class="k">`), each tag spelt exactly so and without
//! any other attribute; every other `<` and `&` becomes text. So no script,
//! event handler, URL or style can come out of it, whatever goes in; the
//! output is well-formed (open tags are closed) and nested at most
//! `MAX_DEPTH` deep. Written here rather than with an HTML sanitiser crate:
//! those parse with html5ever, far too large for the Wasm (docs/decisions.md).

/// Tags kept, always without attributes. `br` is the only void one.
const ALLOWED: [&str; 11] = [
    "p",
    "code",
    "pre",
    "em",
    "strong",
    "del",
    "ul",
    "ol",
    "li",
    "blockquote",
    "span",
];

/// Deeper nesting is shown as text: no question needs it, and a page of
/// thousands of nested elements would be a way to stall the browser.
pub const MAX_DEPTH: usize = 32;

/// Named entities kept as they are (numeric ones, such as `&#39;`, too).
const ENTITIES: [&str; 4] = ["&amp;", "&lt;", "&gt;", "&quot;"];

/// A tag recognised at the start of the text.
enum Tag {
    Open(&'static str),
    Close(&'static str),
    LineBreak,
}

pub fn sanitize_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut open: Vec<&'static str> = Vec::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        let mut taken = c.len_utf8();
        match c {
            '<' => match tag_at(rest) {
                Some((Tag::Open(name), length)) if open.len() < MAX_DEPTH => {
                    out.push_str(&rest[..length]);
                    open.push(name);
                    taken = length;
                }
                Some((Tag::Close(name), length)) => {
                    if let Some(at) = open.iter().rposition(|&o| o == name) {
                        for inner in open.drain(at..).rev() {
                            out.push_str(&format!("</{inner}>"));
                        }
                    }
                    // A closing tag with nothing to close is dropped.
                    taken = length;
                }
                Some((Tag::LineBreak, length)) => {
                    out.push_str(&rest[..length]);
                    taken = length;
                }
                _ => out.push_str("&lt;"),
            },
            '&' => match entity_length(rest) {
                Some(length) => {
                    out.push_str(&rest[..length]);
                    taken = length;
                }
                None => out.push_str("&amp;"),
            },
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
        rest = &rest[taken..];
    }
    for name in open.into_iter().rev() {
        out.push_str(&format!("</{name}>"));
    }
    out
}

/// The allowed tag `text` starts with, written exactly as the compiler
/// writes it, and its length.
fn tag_at(text: &str) -> Option<(Tag, usize)> {
    for br in ["<br>", "<br/>", "<br />"] {
        if text.starts_with(br) {
            return Some((Tag::LineBreak, br.len()));
        }
    }
    if let Some(class) = text.strip_prefix("<span class=\"") {
        let letters = class.bytes().take_while(u8::is_ascii_lowercase).count();
        if (1..=2).contains(&letters) && class[letters..].starts_with("\">") {
            return Some((Tag::Open("span"), "<span class=\"".len() + letters + 2));
        }
        return None;
    }
    let (closing, name_start) = match text.strip_prefix("</") {
        Some(rest) => (true, rest),
        None => (false, &text[1..]),
    };
    let name = ALLOWED
        .into_iter()
        .find(|name| name_start.starts_with(name) && name_start[name.len()..].starts_with('>'))?;
    // A bare <span> is not what the highlighter writes.
    if name == "span" && !closing {
        return None;
    }
    let length = name.len() + if closing { 3 } else { 2 };
    Some((
        if closing {
            Tag::Close(name)
        } else {
            Tag::Open(name)
        },
        length,
    ))
}

/// The length of the entity `text` starts with, if it is one kept.
fn entity_length(text: &str) -> Option<usize> {
    if let Some(entity) = ENTITIES.into_iter().find(|e| text.starts_with(e)) {
        return Some(entity.len());
    }
    let number = text.strip_prefix("&#")?;
    let (digits, hex) = match number.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, true),
        None => (number, false),
    };
    let count = digits
        .bytes()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    let prefix = text.len() - digits.len();
    ((1..=7).contains(&count) && digits[count..].starts_with(';')).then_some(prefix + count + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_compiler_writes_is_kept_as_it_is() {
        for html in [
            "<p>Call <code>len(x)</code> <em>once</em>, <strong>not</strong> <del>twice</del></p>",
            "<ul>\n<li>a</li>\n<li>b &amp; c</li>\n</ul>\n<ol>\n<li>x</li>\n</ol>",
            "<blockquote>\n<p>q</p>\n</blockquote>",
            "<pre><code><span class=\"k\">def</span> <span class=\"f\">f</span>():\n    <span class=\"s\">'a&lt;b'</span></code></pre>",
            "a<br>b<br />c<br/>d",
            "&quot;quoted&quot; &#39;single&#39; &#x27;hex&#x27; &#8212; &gt; &lt;",
            "plain text, nothing else",
        ] {
            assert_eq!(sanitize_html(html), html);
        }
    }

    /// Payloads from the usual XSS lists: each must come out as text only.
    #[test]
    fn scripts_handlers_and_urls_become_text() {
        let cases = [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            (
                "<img src=x onerror=alert(1)>",
                "&lt;img src=x onerror=alert(1)&gt;",
            ),
            (
                "<svg onload=alert(1)>",
                "&lt;svg onload=alert(1)&gt;",
            ),
            (
                "<a href=\"javascript:alert(1)\">x</a>",
                "&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;",
            ),
            (
                "\"><iframe srcdoc=\"<script>parent.x=1</script>\">",
                "\"&gt;&lt;iframe srcdoc=\"&lt;script&gt;parent.x=1&lt;/script&gt;\"&gt;",
            ),
            (
                "<p onclick=\"alert(1)\">x</p>",
                "&lt;p onclick=\"alert(1)\"&gt;x",
            ),
            ("<P>x</P>", "&lt;P&gt;x&lt;/P&gt;"),
            ("<p >x</p>", "&lt;p &gt;x"),
            (
                "<span class=\"k\" onmouseover=\"alert(1)\">x</span>",
                "&lt;span class=\"k\" onmouseover=\"alert(1)\"&gt;x",
            ),
            (
                "<span class=\"abc\">x</span>",
                "&lt;span class=\"abc\"&gt;x",
            ),
            ("<span>x</span>", "&lt;span&gt;x"),
            (
                "<!-- <script>x</script> -->",
                "&lt;!-- &lt;script&gt;x&lt;/script&gt; --&gt;",
            ),
            (
                "<![CDATA[<script>x</script>]]>",
                "&lt;![CDATA[&lt;script&gt;x&lt;/script&gt;]]&gt;",
            ),
            (
                "<style>*{background:url(javascript:x)}</style>",
                "&lt;style&gt;*{background:url(javascript:x)}&lt;/style&gt;",
            ),
            (
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "&lt;math&gt;&lt;mtext&gt;&lt;table&gt;&lt;mglyph&gt;&lt;style&gt;&lt;img src=x onerror=alert(1)&gt;",
            ),
            (
                "<<script>script>alert(1)<</script>/script>",
                "&lt;&lt;script&gt;script&gt;alert(1)&lt;&lt;/script&gt;/script&gt;",
            ),
            (
                "<code\nonclick=x>y</code>",
                "&lt;code\nonclick=x&gt;y",
            ),
        ];
        for (payload, expected) in cases {
            let clean = sanitize_html(payload);
            assert_eq!(clean, expected, "{payload}");
            assert!(!clean.contains("<s") && !clean.contains("<i") && !clean.contains("<a"));
        }
    }

    #[test]
    fn unknown_entities_are_escaped_and_known_ones_kept() {
        assert_eq!(sanitize_html("&lt;script&gt;"), "&lt;script&gt;");
        assert_eq!(sanitize_html("&nbsp;&copy;&"), "&amp;nbsp;&amp;copy;&amp;");
        assert_eq!(sanitize_html("&#60;&#x3C;"), "&#60;&#x3C;");
        assert_eq!(
            sanitize_html("&#;&#x;&#12345678;"),
            "&amp;#;&amp;#x;&amp;#12345678;"
        );
        assert_eq!(sanitize_html("&#60"), "&amp;#60");
    }

    #[test]
    fn tags_left_open_are_closed_and_stray_closers_dropped() {
        assert_eq!(sanitize_html("<p><em>x"), "<p><em>x</em></p>");
        assert_eq!(sanitize_html("</p>x</em>"), "x");
        assert_eq!(
            sanitize_html("<ul><li><p>a</ul>b"),
            "<ul><li><p>a</p></li></ul>b"
        );
        assert_eq!(
            sanitize_html("<pre><code><span class=\"k\">x</code>"),
            "<pre><code><span class=\"k\">x</span></code></pre>"
        );
    }

    #[test]
    fn nesting_stops_at_the_maximum_depth() {
        let deep = "<em>".repeat(MAX_DEPTH + 2);
        let clean = sanitize_html(&deep);
        assert_eq!(clean.matches("<em>").count(), MAX_DEPTH);
        assert_eq!(clean.matches("</em>").count(), MAX_DEPTH);
        assert_eq!(clean.matches("&lt;em&gt;").count(), 2);
    }

    #[test]
    fn text_of_any_script_survives_as_text() {
        let text = "naïve — 日本語 ✓ \u{202e}";
        assert_eq!(sanitize_html(text), text);
    }
}
