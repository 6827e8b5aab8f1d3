//! The app's pages as a type, read from and written to the URL hash.
//! Hash routes survive a reload on any static host, under any sub-path and
//! inside an iframe, because the server only ever sees index.html.

use quiz_domain::is_slug;

use crate::embed::EmbedRequest;
use crate::exam::ExamRequest;
use crate::lms::LmsLaunch;
use crate::packs::PackUrl;
use crate::quiz::QuizRequest;
use crate::url_query::shortened;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Book {
        book: String,
    },
    /// A quiz is drawn from its seed, so reloading the page asks the same
    /// questions again.
    Quiz(QuizRequest),
    Results {
        attempt: String,
    },
    /// History, mastery, export and import.
    Progress,
    /// Choosing an interview exam, and the reports of past ones.
    Interviews,
    /// An interview exam being taken.
    Interview(ExamRequest),
    /// The readiness report of a finished exam.
    InterviewReport {
        exam: String,
    },
    /// A quiz inside another site's page, without the site's header and
    /// footer. A malformed embed link keeps its reason here, so the frame
    /// explains it in place of the quiz.
    Embed(Result<EmbedRequest, String>),
    /// A quiz launched by a learning management system from a SCORM
    /// package, its score reported there; a malformed launch keeps its
    /// reason, which the page shows.
    Lms(Result<LmsLaunch, String>),
    /// The quiz packs loaded in this browser, and loading another from a
    /// URL or a file. A pack's own pages are its book's (`#/book/<id>`).
    Packs,
    /// A link that loads a pack from a URL (`#/pack?url=…`); a malformed
    /// one keeps its reason, which the page shows.
    LoadPack(Result<PackUrl, String>),
    /// A link the app cannot follow, with the reason to show, and the link
    /// the person probably meant when there is one.
    Invalid {
        reason: String,
        instead: Option<Box<Route>>,
    },
}

fn path_and_query(hash: &str) -> (&str, &str) {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split_once('?').unwrap_or((hash, ""))
}

fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

fn invalid(reason: impl Into<String>) -> Route {
    Route::Invalid {
        reason: reason.into(),
        instead: None,
    }
}

/// `route`, for a page that takes no parameters, unless the link gives
/// some: then what the page takes, and for a book's page the quiz link the
/// same parameters make, which is what such a link usually meant.
fn without_query(route: Route, path: &str, query: &str) -> Route {
    if query.is_empty() {
        return route;
    }
    let instead = match &route {
        Route::Book { book } => QuizRequest::from_query(book.clone(), query)
            .ok()
            .map(|quiz| Box::new(Route::Quiz(quiz))),
        _ => None,
    };
    Route::Invalid {
        reason: format!(
            "the page #{path} takes no parameters, and the link gives \"{}\"",
            shortened(query)
        ),
        instead,
    }
}

impl Route {
    /// Whether `location.hash` is the home page's, as `parse` reads it,
    /// without building the route: the home page's own Wasm leaves the
    /// rest of the router out.
    pub fn leads_home(hash: &str) -> bool {
        let (path, query) = path_and_query(hash);
        segments(path).is_empty() && query.is_empty()
    }

    /// Reads `location.hash` (with or without its leading `#`).
    pub fn parse(hash: &str) -> Route {
        let (path, query) = path_and_query(hash);
        let segments = segments(path);
        let takes_none = |route: Route| without_query(route, path, query);
        match segments.as_slice() {
            [] => takes_none(Route::Home),
            ["book", book, rest @ ..] if is_slug(book) => {
                let book = book.to_string();
                match rest {
                    [] => takes_none(Route::Book { book }),
                    ["quiz"] => parse_quiz(book, query),
                    _ => invalid(format!("there is no page \"{path}\"")),
                }
            }
            ["book", book, ..] => invalid(format!("\"{book}\" is not a book id")),
            ["progress"] => takes_none(Route::Progress),
            ["interview"] => takes_none(Route::Interviews),
            ["interview", "exam"] => {
                ExamRequest::from_query(query).map_or_else(invalid, Route::Interview)
            }
            ["interview", exam] if is_slug(exam) => takes_none(Route::InterviewReport {
                exam: exam.to_string(),
            }),
            ["embed"] => Route::Embed(EmbedRequest::from_query(query)),
            ["lms"] => Route::Lms(LmsLaunch::from_query(query)),
            ["packs"] => takes_none(Route::Packs),
            ["pack"] => Route::LoadPack(PackUrl::from_query(query)),
            ["results", attempt] if is_slug(attempt) => takes_none(Route::Results {
                attempt: attempt.to_string(),
            }),
            _ => invalid(format!("there is no page \"{path}\"")),
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::Home | Route::Invalid { .. } => "#/".into(),
            Route::Book { book } => format!("#/book/{book}"),
            Route::Quiz(request) => request.link(),
            Route::Results { attempt } => format!("#/results/{attempt}"),
            Route::Progress => "#/progress".into(),
            Route::Interviews => "#/interview".into(),
            Route::Interview(request) => format!("#/interview/exam?{}", request.to_query()),
            Route::InterviewReport { exam } => format!("#/interview/{exam}"),
            Route::Embed(Ok(embed)) => format!("#/embed?{}", embed.to_query()),
            Route::Embed(Err(_)) => "#/embed".into(),
            Route::Lms(Ok(launch)) => format!("#/lms?{}", launch.to_query()),
            Route::Lms(Err(_)) => "#/lms".into(),
            Route::Packs => "#/packs".into(),
            Route::LoadPack(Ok(url)) => format!("#/pack?{}", url.to_query()),
            Route::LoadPack(Err(_)) => "#/pack".into(),
        }
    }
}

fn parse_quiz(book: String, query: &str) -> Route {
    QuizRequest::from_query(book, query).map_or_else(invalid, Route::Quiz)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::DEFAULT_QUIZ_LENGTH;

    #[test]
    fn every_route_round_trips_through_its_hash() {
        let routes = [
            Route::Home,
            Route::Book {
                book: "fluent-python".into(),
            },
            Route::Quiz(QuizRequest::new("fluent-python", 5, 42)),
            Route::Quiz(QuizRequest {
                chapters: vec!["9".into(), "appendices".into()],
                ..QuizRequest::new("fluent-python", 5, 42)
            }),
            Route::Results {
                attempt: "fluent-python-1700000000000".into(),
            },
            Route::Progress,
            Route::Interviews,
            Route::Interview(ExamRequest {
                books: vec!["fluent-python".into(), "stdlib-by-example".into()],
                count: 30,
                minutes: 25,
                seed: 7,
            }),
            Route::InterviewReport {
                exam: "interview-1700000000000".into(),
            },
            Route::Embed(EmbedRequest::from_query(
                "book=fluent-python&count=5&origin=https://course.example",
            )),
            Route::Embed(EmbedRequest::from_query(
                "pack=https%3A%2F%2Fcourse.example%2Fweek-1.json%3Fv%3D2%23top&count=5&origin=https://course.example",
            )),
            Route::Lms(LmsLaunch::from_query("book=fluent-python&count=5&pass=70&chapters=1,2")),
            Route::Packs,
            Route::LoadPack(PackUrl::parse(
                "https://course.example/packs/week-1.json?v=2&lang=en",
            )),
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn empty_and_root_hashes_are_home() {
        for hash in ["", "#", "#/", "/"] {
            assert_eq!(Route::parse(hash), Route::Home, "{hash:?}");
        }
    }

    #[test]
    fn leads_home_agrees_with_parse() {
        for hash in [
            "",
            "#",
            "#/",
            "/",
            "#//",
            "#/?x=1",
            "#/book/fp",
            "#/progress",
            "#/nowhere",
            "#/embed?book=fp",
        ] {
            assert_eq!(
                Route::leads_home(hash),
                Route::parse(hash) == Route::Home,
                "{hash:?}"
            );
        }
    }

    #[test]
    fn every_route_refuses_a_parameter_given_twice_in_the_same_words() {
        let twice =
            |name: &str| format!("the link gives \"{name}\" twice; give each parameter once");
        assert_eq!(
            Route::parse("#/book/fp/quiz?count=5&seed=1&count=6"),
            invalid(twice("count"))
        );
        assert_eq!(
            Route::parse("#/interview/exam?books=fp&seed=1&seed=2"),
            invalid(twice("seed"))
        );
        assert_eq!(
            Route::parse("#/embed?book=fp&count=5&count=6"),
            Route::Embed(Err(twice("count")))
        );
        assert_eq!(
            Route::parse("#/pack?url=https://a.example/p.json&url=https://b.example/p.json"),
            Route::LoadPack(Err(twice("url")))
        );
        assert_eq!(
            Route::parse("#/lms?book=fp&pass=50&pass=60"),
            Route::Lms(Err(twice("pass")))
        );
    }

    #[test]
    fn a_query_on_a_page_that_takes_none_says_so_and_offers_the_quiz_link() {
        assert_eq!(
            Route::parse("#/book/fluent-python?count=5"),
            Route::Invalid {
                reason: "the page #/book/fluent-python takes no parameters, and the link gives \"count=5\"".into(),
                instead: Some(Box::new(Route::Quiz(QuizRequest::new("fluent-python", 5, 0)))),
            }
        );
        assert_eq!(
            Route::parse("#/book/fluent-python?colour=red"),
            invalid("the page #/book/fluent-python takes no parameters, and the link gives \"colour=red\"")
        );
        for hash in [
            "#/?x=1",
            "#/progress?book=fp",
            "#/interview?x",
            "#/packs?url=a",
            "#/results/a-1?x",
            "#/interview/interview-1?x",
        ] {
            match Route::parse(hash) {
                Route::Invalid {
                    reason,
                    instead: None,
                } => {
                    assert!(reason.contains("takes no parameters"), "{hash}: {reason}")
                }
                other => panic!("{hash} parsed as {other:?}"),
            }
        }
    }

    #[test]
    fn a_quiz_link_without_parameters_has_defaults() {
        assert_eq!(
            Route::parse("#/book/fluent-python/quiz"),
            Route::Quiz(QuizRequest::new("fluent-python", DEFAULT_QUIZ_LENGTH, 0))
        );
    }

    #[test]
    fn a_malformed_embed_link_stays_an_embed_with_its_reason() {
        assert_eq!(
            Route::parse("#/embed?book=fp&colour=red"),
            Route::Embed(Err("there is no parameter \"colour\"".into()))
        );
    }

    #[test]
    fn a_pack_link_keeps_its_address_or_what_is_wrong_with_it() {
        let url = "https://course.example/p.json?a=1&b=%20";
        assert_eq!(
            Route::parse(&format!(
                "#/pack?url={}",
                "https://course.example/p.json%3Fa%3D1%26b%3D%2520"
            )),
            Route::LoadPack(PackUrl::parse(url))
        );
        assert!(matches!(
            Route::LoadPack(PackUrl::parse(url)),
            Route::LoadPack(Ok(_))
        ));
        assert_eq!(
            Route::parse("#/pack?url=javascript:alert(1)"),
            Route::LoadPack(Err("only https:// addresses are loaded (http:// only from localhost or 127.0.0.1), not \"javascript:alert(1)\"".into()))
        );
        assert_eq!(
            Route::parse("#/pack"),
            Route::LoadPack(Err(
                "the link names no pack: it needs url= followed by the pack's https:// address"
                    .into()
            ))
        );
    }

    #[test]
    fn malformed_links_say_what_is_wrong() {
        let reason = |hash: &str| match Route::parse(hash) {
            Route::Invalid { reason, .. } => reason,
            other => panic!("{hash} parsed as {other:?}"),
        };
        assert_eq!(reason("#/nowhere"), "there is no page \"/nowhere\"");
        assert_eq!(
            reason("#/book/Fluent%20Python"),
            "\"Fluent%20Python\" is not a book id"
        );
        assert_eq!(
            reason("#/book/fp/quiz?count=0"),
            "count must be a whole number from 1 to 200, not \"0\""
        );
        assert_eq!(
            reason("#/book/fp/quiz?seed=x"),
            "seed must be a whole number, not \"x\""
        );
        assert_eq!(
            reason("#/book/fp/quiz?colour=red"),
            "unknown quiz parameter \"colour\" (known: count, seed, chapters, topics, questions, mode)"
        );
    }
}
