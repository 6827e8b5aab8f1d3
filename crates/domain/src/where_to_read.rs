use crate::reading::ReadingLink;

/// Where a book itself can be read, as its page says: free online with the
/// licence its site states, or bought from the publisher with free reading
/// beside it (the Python documentation covers much of the same ground).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WhereToRead {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_edition: Option<FreeEdition>,
    /// For a book that is not free online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<ReadingLink>,
    /// Free reading on the book's ground, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub companions: Vec<ReadingLink>,
}

/// An edition its authors publish free online.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FreeEdition {
    pub link: ReadingLink,
    /// As the site states it, such as "CC BY-SA 4.0".
    pub licence: String,
}

impl WhereToRead {
    /// Every link, for checking: the free edition, the publisher, the companions.
    pub fn links(&self) -> impl Iterator<Item = &ReadingLink> {
        self.free_edition
            .iter()
            .map(|free| &free.link)
            .chain(&self.publisher)
            .chain(&self.companions)
    }

    /// What is wrong with it, if anything: a book is free online or has a
    /// publisher's page, not both and not neither, and every link can be shown.
    pub fn problems(&self) -> Vec<String> {
        let mut problems: Vec<String> = self.links().filter_map(ReadingLink::problem).collect();
        match (&self.free_edition, &self.publisher) {
            (Some(_), Some(_)) => problems.push(
                "names both a free edition and a publisher's page; a book is one or the other"
                    .into(),
            ),
            (None, None) => {
                problems.push("names neither a free edition nor a publisher's page".into())
            }
            (Some(free), None) if free.licence.trim().is_empty() => {
                problems.push("the free edition states no licence".into())
            }
            _ => {}
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(url: &str) -> ReadingLink {
        ReadingLink {
            url: url.into(),
            label: "Page".into(),
        }
    }

    fn free(licence: &str) -> WhereToRead {
        WhereToRead {
            free_edition: Some(FreeEdition {
                link: link("https://books.example/"),
                licence: licence.into(),
            }),
            publisher: None,
            companions: vec![link("https://docs.python.org/3/")],
        }
    }

    #[test]
    fn a_free_edition_with_its_licence_or_a_publisher_is_enough() {
        assert_eq!(free("CC BY-SA 4.0").problems(), Vec::<String>::new());
        let bought = WhereToRead {
            free_edition: None,
            publisher: Some(link("https://publisher.example/book")),
            companions: Vec::new(),
        };
        assert_eq!(bought.problems(), Vec::<String>::new());
    }

    #[test]
    fn each_missing_or_doubtful_part_is_named() {
        assert_eq!(free(" ").problems(), ["the free edition states no licence"]);
        let mut both = free("CC BY-SA 4.0");
        both.publisher = Some(link("https://publisher.example/book"));
        assert_eq!(
            both.problems(),
            ["names both a free edition and a publisher's page; a book is one or the other"]
        );
        let neither = WhereToRead {
            free_edition: None,
            publisher: None,
            companions: vec![link("javascript:alert(1)")],
        };
        assert_eq!(
            neither.problems(),
            [
                "\"javascript:alert(1)\" is not an https address with a host name",
                "names neither a free edition nor a publisher's page",
            ]
        );
    }
}
