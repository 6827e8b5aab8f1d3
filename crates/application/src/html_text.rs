//! HTML written as a string: the static reports, and the banks the bank
//! compiler writes. One escaper and one table, so no builder spells either
//! by hand and none can forget a character.

/// Text made safe as an element's content and as an attribute value in
/// either kind of quote.
pub fn escape(text: &str) -> String {
    escape_with(text, true)
}

/// Text made safe as an element's content only, where quotes need no
/// escaping: highlighted code, which is most of a bank's bytes.
pub fn escape_text(text: &str) -> String {
    escape_with(text, false)
}

fn escape_with(text: &str, quotes: bool) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' if quotes => escaped.push_str("&quot;"),
            '\'' if quotes => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// A table with one header row, each header a column's. Headers are text
/// and escaped here; cells are HTML already, because some hold a link, so
/// a caller escapes each text cell with `escape`.
pub fn table(class: &str, headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    table_of_rows(class, headers, rows.into_iter().collect())
}

/// Not generic, so that the Wasm holds one copy of the markup loop rather
/// than one per kind of row iterator.
fn table_of_rows(class: &str, headers: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut html = format!(r#"<table class="{}"><thead><tr>"#, escape(class));
    for header in headers {
        html.push_str(r#"<th scope="col">"#);
        html.push_str(&escape(header));
        html.push_str("</th>");
    }
    html.push_str("</tr></thead><tbody>");
    for row in rows {
        html.push_str("<tr>");
        for cell in row {
            html.push_str("<td>");
            html.push_str(&cell);
            html.push_str("</td>");
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_text() {
        assert_eq!(
            escape(r#"<a href="x" onclick='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn element_content_keeps_its_quotes() {
        assert_eq!(
            escape_text(r#"print('<b>' + "&")"#),
            r#"print('&lt;b&gt;' + "&amp;")"#
        );
    }

    #[test]
    fn other_text_is_left_as_it_is() {
        let text = "Fluent Python · 2 · Data model: 3 of 4 (75%) #/book/fp/quiz?count=10";
        assert_eq!(escape(text), text);
    }

    #[test]
    fn a_table_has_a_header_row_then_a_row_per_item() {
        let rows = [
            vec![
                "1".to_owned(),
                r##"<a href="#/results/a">right</a>"##.to_owned(),
            ],
            vec!["2".to_owned(), "wrong".to_owned()],
        ];
        assert_eq!(
            table("recent", &["#", "Answer"], rows),
            concat!(
                r##"<table class="recent"><thead><tr><th scope="col">#</th><th scope="col">Answer</th></tr></thead>"##,
                r##"<tbody><tr><td>1</td><td><a href="#/results/a">right</a></td></tr><tr><td>2</td><td>wrong</td></tr></tbody></table>"##
            )
        );
    }

    #[test]
    fn a_table_without_rows_keeps_its_header() {
        assert_eq!(
            table("scores", &["Finished"], []),
            r#"<table class="scores"><thead><tr><th scope="col">Finished</th></tr></thead><tbody></tbody></table>"#
        );
    }

    #[test]
    fn a_table_escapes_its_class_and_headers_but_not_its_cells() {
        let html = table(
            r#"x" onclick="alert(1)"#,
            &["<img src=x onerror=alert(1)>"],
            [vec!["<em>built</em>".to_owned()]],
        );
        assert!(html.starts_with(
            r#"<table class="x&quot; onclick=&quot;alert(1)"><thead><tr><th scope="col">&lt;img src=x onerror=alert(1)&gt;</th>"#
        ));
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("<td><em>built</em></td>"), "{html}");
    }
}
