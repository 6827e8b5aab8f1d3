//! Links that are almost right, in headless Chromium: a parameter given
//! twice is refused in the same words on every route that takes a query
//! (the pack route's case is in hostile_packs.rs), and a query on a page
//! that takes none says so and offers the link it probably meant.

use e2e::{click, dist_dir, text, wait_for_text, with_browser, StaticSite};

fn twice(name: &str) -> String {
    format!("the link gives \"{name}\" twice; give each parameter once")
}

#[tokio::test]
async fn a_parameter_given_twice_is_refused_on_every_route() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        for (hash, name) in [
            ("#/book/fluent-python/quiz?count=5&seed=1&count=6", "count"),
            ("#/interview/exam?books=fluent-python&seed=1&seed=2", "seed"),
        ] {
            client.goto(&site.url(hash)).await.unwrap();
            assert_eq!(
                wait_for_text(&client, "[role=alert]", |t| !t.is_empty()).await,
                format!("The address could not be read: {}.", twice(name)),
                "{hash}"
            );
        }
        client
            .goto(&site.url("#/embed?book=fluent-python&count=5&count=6"))
            .await
            .unwrap();
        assert_eq!(
            wait_for_text(&client, "[role=alert]", |t| !t.is_empty()).await,
            format!("The embed link is not valid: {}.", twice("count"))
        );
    })
    .await;
}

#[tokio::test]
async fn a_book_page_link_with_quiz_parameters_offers_the_quiz_link() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/fluent-python?count=5&seed=3"))
            .await
            .unwrap();
        assert_eq!(
            wait_for_text(&client, "[role=alert]", |t| !t.is_empty()).await,
            "The address could not be read: the page #/book/fluent-python takes no parameters, and the link gives \"count=5&seed=3\"."
        );
        assert_eq!(
            text(&client, ".instead").await,
            "Perhaps you meant #/book/fluent-python/quiz?count=5&seed=3."
        );
        click(&client, ".instead a").await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 5").await;

        client
            .goto(&site.url("#/progress?book=fluent-python"))
            .await
            .unwrap();
        assert_eq!(
            wait_for_text(&client, "[role=alert]", |t| !t.is_empty()).await,
            "The address could not be read: the page #/progress takes no parameters, and the link gives \"book=fluent-python\"."
        );
        assert!(
            client
                .find(fantoccini::Locator::Css(".instead"))
                .await
                .is_err(),
            "no quiz link is offered for a page that has none"
        );
    })
    .await;
}
