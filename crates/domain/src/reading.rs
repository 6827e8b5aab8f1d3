/// Where to read about a question's point: a section of a free edition of
/// the book, or of a library's documentation. The first link is the best.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReadingLink {
    /// An https address; for the built-in banks, checked offline against an
    /// index of the site (bank compiler).
    pub url: String,
    /// What the person will find there, such as "Repository pattern: the
    /// abstract repository".
    pub label: String,
}

/// A question names one to this many places to read.
pub const MAX_READING_LINKS: usize = 3;

impl ReadingLink {
    /// The site the link leads to, shown beside it so that a person knows
    /// where a click takes them; `None` unless the address is https with a
    /// plain host name.
    pub fn host(&self) -> Option<&str> {
        let rest = self.url.strip_prefix("https://")?;
        let host = rest.split(['/', '?', '#']).next()?;
        let plain = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        plain.then_some(host)
    }

    /// Why the link cannot be shown, if it cannot: only https addresses to
    /// a named host, without spaces or quotes, and with a label.
    pub fn problem(&self) -> Option<String> {
        if self.host().is_none() {
            return Some(format!(
                "{:?} is not an https address with a host name",
                self.url
            ));
        }
        if self.url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`')
        }) {
            return Some(format!("{:?} has a space or a quote in it", self.url));
        }
        if self.label.trim().is_empty() {
            return Some(format!("the link to {} has no label", self.url));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(url: &str) -> ReadingLink {
        ReadingLink {
            url: url.into(),
            label: "Section".into(),
        }
    }

    #[test]
    fn only_https_links_to_a_named_host_are_shown() {
        assert_eq!(
            link("https://docs.python.org/3/library/functools.html#functools.cache").host(),
            Some("docs.python.org")
        );
        assert_eq!(link("https://pymotw.com").problem(), None);
        for refused in [
            "http://docs.python.org/3/",
            "javascript:alert(1)",
            "data:text/html,<p>x</p>",
            "https://",
            "https://user@host.example/",
            "//docs.python.org/3/",
            "https://docs.python.org/3/ onmouseover=x",
            "https://docs.python.org/3/\"x",
        ] {
            assert!(link(refused).problem().is_some(), "{refused}");
        }
        let unlabelled = ReadingLink {
            label: " ".into(),
            ..link("https://pymotw.com/3/")
        };
        assert_eq!(
            unlabelled.problem().as_deref(),
            Some("the link to https://pymotw.com/3/ has no label")
        );
    }
}
