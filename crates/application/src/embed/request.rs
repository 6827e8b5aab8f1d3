use quiz_domain::is_slug;

use crate::embed::HostOrigin;
use crate::packs::PackUrl;
use crate::quiz::QuizRequest;
use crate::theme::Theme;
use crate::url_query::{percent_decode, percent_encode, query_pairs};

/// Every parameter of an embed link with the values it takes, in the order
/// the help lists them.
pub const EMBED_PARAMETERS: [(&str, &str); 11] = [
    ("book", "a book id, such as fluent-python (a link names a book or a pack, not both)"),
    ("pack", "a quiz pack's https:// address, instead of a book; its server must allow cross-origin reads"),
    ("chapters", "chapter ids separated by commas, such as 1,9"),
    ("topics", "topic ids separated by commas, such as closures,decorators"),
    ("questions", "question ids separated by commas, asked in that order instead of a draw"),
    ("count", "the number of questions, 1 to 200 (10 when left out)"),
    ("seed", "a whole number that chooses the questions (0 when left out)"),
    ("mode", "practice, mistakes or review (practice when left out)"),
    ("theme", "light, dark or auto (auto when left out)"),
    ("explanations", "show or hide: hide shows only the final score (show when left out)"),
    ("origin", "the host page's origin, such as https://course.example: messages go there only, and none are sent without it"),
];

/// A quiz embedded in another site's page (`#/embed?book=…` or
/// `#/embed?pack=…`): the quiz, how it looks, and which page may hear
/// about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedRequest {
    /// For a pack, `quiz.book` is empty: the pack's id is known only once
    /// it is read (`quiz_of_pack`).
    pub quiz: QuizRequest,
    /// The quiz pack the questions come from, instead of a built-in book.
    pub pack: Option<PackUrl>,
    pub theme: Theme,
    /// Feedback and explanations after each answer; without them the person
    /// sees only the final score.
    pub show_explanations: bool,
    /// Where messages are posted; none are posted without it.
    pub origin: Option<HostOrigin>,
}

impl EmbedRequest {
    /// Reads the query of an embed link. Values may be percent-encoded, as
    /// `URLSearchParams` writes them. The error says what is wrong; the page
    /// lists `EMBED_PARAMETERS` under it.
    pub fn from_query(query: &str) -> Result<EmbedRequest, String> {
        let mut book = None;
        let mut pack = None;
        let mut quiz_query = Vec::new();
        let mut embed = EmbedRequest {
            quiz: QuizRequest::new("", 0, 0),
            pack: None,
            theme: Theme::Auto,
            show_explanations: true,
            origin: None,
        };
        for (name, raw) in query_pairs(query)? {
            let value = percent_decode(raw)
                .ok_or_else(|| format!("the value of {name} is not correctly URL-encoded"))?;
            match name {
                "book" if is_slug(&value) => book = Some(value),
                "book" => {
                    return Err(format!(
                        "book must be a book id, such as fluent-python, not \"{value}\""
                    ))
                }
                "pack" => {
                    pack = Some(PackUrl::parse(&value).map_err(|why| format!("pack: {why}"))?)
                }
                // Checked by the quiz request itself; an encoded `&` must not
                // split its query.
                "chapters" | "topics" | "questions" | "count" | "seed" | "mode" => {
                    quiz_query.push(format!("{name}={}", value.replace('&', "%26")))
                }
                "theme" => {
                    embed.theme = Theme::parse(&value).ok_or_else(|| {
                        format!("theme must be light, dark or auto, not \"{value}\"")
                    })?
                }
                "explanations" => {
                    embed.show_explanations = match value.as_str() {
                        "show" => true,
                        "hide" => false,
                        _ => {
                            return Err(format!(
                                "explanations must be show or hide, not \"{value}\""
                            ))
                        }
                    }
                }
                "origin" => embed.origin = Some(HostOrigin::parse(&value)?),
                other => return Err(format!("there is no parameter \"{other}\"")),
            }
        }
        let book = match (book, pack) {
            (Some(book), None) => book,
            (None, Some(pack)) => {
                embed.pack = Some(pack);
                String::new()
            }
            (None, None) => {
                return Err(
                    "book or pack is missing: the embed link must name a book or a quiz pack"
                        .into(),
                )
            }
            (Some(_), Some(_)) => {
                return Err("book and pack are both given: the embed link takes one of them".into())
            }
        };
        embed.quiz = QuizRequest::from_query(book, &quiz_query.join("&"))?;
        Ok(embed)
    }

    /// The query part of the embed link.
    pub fn to_query(&self) -> String {
        let mut query = format!(
            "{}&theme={}&explanations={}",
            self.quiz_query(),
            self.theme.name(),
            if self.show_explanations {
                "show"
            } else {
                "hide"
            }
        );
        if let Some(origin) = &self.origin {
            query.push_str(&format!("&origin={}", origin.as_str()));
        }
        query
    }

    /// Which book or pack, and the quiz's own parameters: what draws the
    /// questions, without how they look or who hears about them.
    fn quiz_query(&self) -> String {
        match &self.pack {
            Some(pack) => format!(
                "pack={}&{}",
                percent_encode(pack.as_str()),
                self.quiz.to_query()
            ),
            None => format!("book={}&{}", self.quiz.book, self.quiz.to_query()),
        }
    }

    /// The quiz asked of a pack, once the pack is read and its id known.
    pub fn quiz_of_pack(&self, pack_id: &str) -> QuizRequest {
        QuizRequest {
            book: pack_id.to_owned(),
            ..self.quiz.clone()
        }
    }

    /// The address of this quiz in the app itself, which names it in the
    /// completion statement. `app_url` is the app's page without its hash.
    /// A book's is its quiz link; a pack's, which the app does not keep,
    /// is the embed link of the pack and the quiz (without theme,
    /// explanations or origin), the one link that draws the same questions
    /// from the pack's address alone.
    pub fn quiz_url(&self, app_url: &str) -> String {
        match self.pack {
            Some(_) => format!("{app_url}#/embed?{}", self.quiz_query()),
            None => format!("{app_url}{}", self.quiz.link()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(query: &str) -> String {
        EmbedRequest::from_query(query).expect_err(query)
    }

    #[test]
    fn a_full_embed_link_is_read() {
        let embed = EmbedRequest::from_query(
            "book=fluent-python&chapters=9%2C21&topics=closures&count=5&seed=42&theme=dark&explanations=hide&origin=https%3A%2F%2Fcourse.example",
        )
        .unwrap();
        let mut quiz = QuizRequest::new("fluent-python", 5, 42);
        quiz.chapters = vec!["9".into(), "21".into()];
        quiz.topics = vec!["closures".into()];
        assert_eq!(
            embed,
            EmbedRequest {
                quiz,
                pack: None,
                theme: Theme::Dark,
                show_explanations: false,
                origin: Some(HostOrigin::parse("https://course.example").unwrap()),
            }
        );
    }

    #[test]
    fn a_book_alone_is_enough() {
        let embed = EmbedRequest::from_query("book=fluent-python").unwrap();
        assert_eq!(
            embed.quiz,
            QuizRequest::from_query("fluent-python".into(), "").unwrap()
        );
        assert_eq!(embed.theme, Theme::Auto);
        assert!(embed.show_explanations);
        assert_eq!(embed.origin, None);
        assert_eq!(embed.pack, None);
    }

    #[test]
    fn a_pack_link_is_read_with_every_quiz_parameter() {
        let embed = EmbedRequest::from_query(
            "pack=https%3A%2F%2Fcourse.example%2Fweek-1.json&chapters=1&topics=closures&count=5&seed=42&mode=review&theme=light&explanations=hide&origin=https%3A%2F%2Fcourse.example",
        )
        .unwrap();
        assert_eq!(
            embed.pack,
            Some(PackUrl::parse("https://course.example/week-1.json").unwrap())
        );
        assert_eq!(embed.quiz.book, "", "a pack's id is known once it is read");
        let mut quiz = QuizRequest::new("week-1", 5, 42);
        quiz.chapters = vec!["1".into()];
        quiz.topics = vec!["closures".into()];
        quiz.mode = quiz_domain::Mode::Review;
        assert_eq!(embed.quiz_of_pack("week-1"), quiz);
        assert_eq!(embed.theme, Theme::Light);
        assert!(!embed.show_explanations);
        assert_eq!(
            embed.origin,
            Some(HostOrigin::parse("https://course.example").unwrap())
        );
    }

    #[test]
    fn a_link_names_a_book_or_a_pack_never_both_nor_neither() {
        let missing = "book or pack is missing: the embed link must name a book or a quiz pack";
        assert_eq!(problem(""), missing);
        assert_eq!(problem("count=5&origin=https://course.example"), missing);
        assert_eq!(
            problem("book=fp&pack=https://course.example/p.json"),
            "book and pack are both given: the embed link takes one of them"
        );
        assert_eq!(
            problem("pack=https://course.example/p.json&book=fp"),
            "book and pack are both given: the embed link takes one of them"
        );
        assert_eq!(
            problem("pack=https://a.example/p.json&pack=https://b.example/p.json"),
            "the link gives \"pack\" twice; give each parameter once"
        );
    }

    #[test]
    fn a_pack_address_is_checked_as_a_pack_link_checks_it() {
        let only_https = |url: &str| {
            format!(
                "pack: only https:// addresses are loaded (http:// only from localhost or 127.0.0.1), not \"{url}\""
            )
        };
        assert_eq!(
            problem("pack=http://course.example/p.json"),
            only_https("http://course.example/p.json")
        );
        assert_eq!(
            problem("pack=javascript:alert(1)"),
            only_https("javascript:alert(1)")
        );
        assert_eq!(problem("pack=week-1.json"), only_https("week-1.json"));
        assert_eq!(problem("pack="), "pack: the pack's address is empty");
        assert_eq!(
            problem("pack=https%3A%2F%2Fuser%3Asecret%40course.example%2Fp.json"),
            "pack: the pack's address may not carry a user name or password"
        );
        assert!(EmbedRequest::from_query("pack=http://localhost:8000/p.json").is_ok());
    }

    #[test]
    fn embed_links_round_trip_through_their_query() {
        for query in [
            "book=fp&count=5&seed=42&theme=auto&explanations=show",
            "book=fp&count=5&seed=1&chapters=1,9&topics=closures&theme=light&explanations=hide&origin=http://localhost:8000",
            "pack=https://course.example/week-1.json&count=5&seed=0&theme=auto&explanations=show",
            "pack=https://course.example/p.json%3Fv%3D2%26x%3D1&count=3&seed=7&chapters=1&questions=w1-a,w1-b&mode=mistakes&theme=dark&explanations=hide&origin=https://course.example",
        ] {
            let embed = EmbedRequest::from_query(query).unwrap();
            assert_eq!(embed.to_query(), query);
        }
    }

    #[test]
    fn each_malformed_parameter_is_named_with_what_it_takes() {
        assert_eq!(
            problem("book=Fluent%20Python"),
            "book must be a book id, such as fluent-python, not \"Fluent Python\""
        );
        assert_eq!(
            problem("book=fp&count=0"),
            "count must be a whole number from 1 to 200, not \"0\""
        );
        assert_eq!(
            problem("book=fp&seed=x"),
            "seed must be a whole number, not \"x\""
        );
        assert_eq!(
            problem("book=fp&chapters=1%262"),
            "chapters must be chapter ids separated by commas, such as 1,9; \"1%262\" is not one"
        );
        assert_eq!(
            problem("book=fp&topics=Closures"),
            "topics must be topic ids separated by commas, such as closures,decorators; \"Closures\" is not one"
        );
        assert_eq!(
            problem("book=fp&theme=system"),
            "theme must be light, dark or auto, not \"system\""
        );
        assert_eq!(
            problem("book=fp&explanations=no"),
            "explanations must be show or hide, not \"no\""
        );
        assert_eq!(
            problem("book=fp&origin=*"),
            "origin must be the host page's origin (scheme, host and optional port, nothing after them), such as https://course.example, not \"*\""
        );
        assert_eq!(
            problem("book=fp&origin=https%3A%2F%2Fcourse.example%2F"),
            "origin must be the host page's origin (scheme, host and optional port, nothing after them), such as https://course.example, not \"https://course.example/\""
        );
        assert_eq!(
            problem("book=fp&count=5&count=6"),
            "the link gives \"count\" twice; give each parameter once"
        );
        assert_eq!(
            problem("book=fp&origin=%E2%8"),
            "the value of origin is not correctly URL-encoded"
        );
    }

    #[test]
    fn an_unknown_parameter_is_named() {
        assert_eq!(
            problem("book=fp&colour=red"),
            "there is no parameter \"colour\""
        );
        assert_eq!(
            problem("book=fp&data-count=5"),
            "there is no parameter \"data-count\""
        );
    }

    #[test]
    fn explicit_questions_and_a_mode_pass_to_the_quiz() {
        let embed = EmbedRequest::from_query("book=fp&questions=fp-a,fp-b&mode=mistakes").unwrap();
        assert_eq!(embed.quiz.questions, ["fp-a", "fp-b"]);
        assert_eq!(embed.quiz.mode, quiz_domain::Mode::Mistakes);
        assert_eq!(EmbedRequest::from_query(&embed.to_query()), Ok(embed));
    }

    #[test]
    fn every_parameter_read_is_listed_in_the_help() {
        let names: Vec<&str> = EMBED_PARAMETERS.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            [
                "book",
                "pack",
                "chapters",
                "topics",
                "questions",
                "count",
                "seed",
                "mode",
                "theme",
                "explanations",
                "origin"
            ]
        );
        for name in &names[1..] {
            let query = format!("book=fp&{name}=%");
            assert_eq!(
                problem(&query),
                format!("the value of {name} is not correctly URL-encoded"),
                "{name} is a parameter the link reads"
            );
        }
    }

    #[test]
    fn the_quiz_url_is_the_apps_own_quiz_link() {
        let embed =
            EmbedRequest::from_query("book=fp&count=5&seed=42&origin=https://course.example")
                .unwrap();
        assert_eq!(
            embed.quiz_url("https://quiz.example/app/index.html"),
            "https://quiz.example/app/index.html#/book/fp/quiz?count=5&seed=42"
        );
    }

    #[test]
    fn a_packs_quiz_url_is_its_embed_link_without_looks_or_host() {
        let embed = EmbedRequest::from_query(
            "pack=https%3A%2F%2Fcourse.example%2Fw1.json%3Fv%3D2&count=5&seed=42&chapters=1&theme=dark&explanations=hide&origin=https://course.example",
        )
        .unwrap();
        let url = embed.quiz_url("https://quiz.example/app/index.html");
        assert_eq!(
            url,
            "https://quiz.example/app/index.html#/embed?pack=https://course.example/w1.json%3Fv%3D2&count=5&seed=42&chapters=1"
        );
        let (_, query) = url.split_once("#/embed?").unwrap();
        let drawn_again = EmbedRequest::from_query(query).unwrap();
        assert_eq!(drawn_again.pack, embed.pack);
        assert_eq!(
            drawn_again.quiz, embed.quiz,
            "the link draws the same questions"
        );
    }
}
