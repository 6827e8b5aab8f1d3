//! Places to read, as the reports built as strings list them: the same
//! markup and words as the reading links of the Leptos pages, which take
//! their words from here.

use quiz_domain::ReadingLink;

use crate::html_text::escape;

/// Said to screen readers after each link's label.
pub const EXTERNAL: &str = ", external site, opens in a new tab";
pub const NEEDS_CONNECTION: &str = "These links need a connection.";

/// One link as a list item that opens in a new tab, followed by `note`;
/// `None` for a link without a plain https host, which is left out.
pub fn reading_link_html(link: &ReadingLink, note: &str) -> Option<String> {
    let host = link.host()?;
    Some(format!(
        r#"<li><a href="{}" target="_blank" rel="noopener noreferrer">{}<span class="visually-hidden">{EXTERNAL}</span></a> <span class="link-host">{}</span>{}</li>"#,
        escape(&link.url),
        escape(&link.label),
        escape(host),
        escape(note)
    ))
}

/// The offline word beside the links, hidden while `online`: a string
/// report is not redrawn, so it shows the state when it was built.
pub fn offline_note_html(online: bool) -> String {
    format!(
        r#"<p class="offline-note"{}>{NEEDS_CONNECTION}</p>"#,
        if online { " hidden" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::test_payload::{assert_escaped, payload};

    #[test]
    fn a_link_names_its_host_and_says_it_opens_a_new_tab() {
        let link = ReadingLink {
            url: "https://docs.python.org/3/library/functools.html#functools.cache".into(),
            label: "functools.cache".into(),
        };
        assert_eq!(
            reading_link_html(&link, " (2 missed questions)").as_deref(),
            Some(concat!(
                r#"<li><a href="https://docs.python.org/3/library/functools.html#functools.cache" target="_blank" rel="noopener noreferrer">"#,
                r#"functools.cache<span class="visually-hidden">, external site, opens in a new tab</span></a> "#,
                r#"<span class="link-host">docs.python.org</span> (2 missed questions)</li>"#
            ))
        );
    }

    #[test]
    fn a_link_without_a_plain_https_host_is_left_out() {
        let link = ReadingLink {
            url: "javascript:alert(1)".into(),
            label: "Section".into(),
        };
        assert_eq!(reading_link_html(&link, ""), None);
    }

    #[test]
    fn every_text_of_a_link_is_escaped() {
        let link = ReadingLink {
            url: format!("https://docs.example/{}", payload("url")),
            label: payload("label"),
        };
        let html = reading_link_html(&link, &payload("note")).expect("the host is plain");
        assert_escaped(&html, &["url", "label", "note"]);
    }

    #[test]
    fn the_offline_note_is_hidden_while_online() {
        assert_eq!(
            offline_note_html(true),
            r#"<p class="offline-note" hidden>These links need a connection.</p>"#
        );
        assert_eq!(
            offline_note_html(false),
            r#"<p class="offline-note">These links need a connection.</p>"#
        );
    }
}
