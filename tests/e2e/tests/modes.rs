//! Modes beyond plain practice in headless Chromium: retrying mistakes
//! from one attempt and from all history, a spaced-repetition review,
//! leaving a quiz with Escape, and options shown in an order the quiz link
//! reproduces.

use e2e::{
    answer_question, bank, click, dist_dir, find, question_on_screen, run_js, text, wait_for_text,
    with_browser, StaticSite,
};
use fantoccini::key::Key;
use fantoccini::Client;

/// Answers the question on screen right or wrong, then moves on.
async fn answer(client: &Client, book: &str, right: bool) -> String {
    let id = answer_question(client, book, right).await.id;
    find(client, "form.question.answered").await;
    click(client, "#next").await;
    id
}

async fn shown_order(client: &Client) -> serde_json::Value {
    run_js(
        client,
        "return [...document.querySelectorAll('form.question .options .option')].map(o => o.dataset.option)",
    )
    .await
}

#[tokio::test]
async fn missed_questions_are_retried_from_the_results_and_from_history() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        let book = "stdlib-by-example";
        client
            .goto(&site.url(&format!("#/book/{book}/quiz?count=3&seed=11")))
            .await
            .unwrap();
        let mut missed = Vec::new();
        for right in [false, true, false] {
            let id = answer(&client, book, right).await;
            if !right {
                missed.push(id);
            }
        }
        wait_for_text(&client, "#score", |t| t == "1 of 3 (33%)").await;
        assert_eq!(text(&client, "#retry-mistakes").await, "Retry the 2 questions you missed");
        click(&client, "#retry-mistakes").await;
        wait_for_text(&client, ".quiz-title", |t| t.ends_with("your mistakes again")).await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 2").await;
        let mut retried = Vec::new();
        retried.push(answer(&client, book, true).await);
        retried.push(answer(&client, book, false).await);
        assert_eq!(retried, missed, "the missed questions, in the same order");
        wait_for_text(&client, "#score", |t| t == "1 of 2 (50%)").await;
        let modes = run_js(
            &client,
            "return JSON.parse(localStorage.getItem('python-architect-quiz.progress')).attempts.map(a => a.mode)",
        )
        .await;
        assert_eq!(modes, serde_json::json!(["practice", "mistakes"]));

        client.goto(&site.url("#/progress")).await.unwrap();
        let retry = find(&client, ".retry-mistakes").await;
        assert_eq!(
            retry.text().await.unwrap(),
            "Retry the 1 question you last answered wrong"
        );
        retry.click().await.unwrap();
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 1").await;
        assert_eq!(question_on_screen(&client).await, missed[1]);
    })
    .await;
}

#[tokio::test]
async fn escape_asks_before_leaving_and_the_quiz_can_be_resumed() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/fluent-python/quiz?count=3&seed=2"))
            .await
            .unwrap();
        answer(&client, "fluent-python", true).await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 2 of 3").await;
        let body = find(&client, "body").await;
        body.send_keys(&Key::Escape.to_string()).await.unwrap();
        let confirm = find(&client, "#leave-confirm:focus").await;
        assert!(text(&client, ".confirm p")
            .await
            .contains("Your answers so far are kept"));
        click(&client, ".confirm button:not(.danger)").await;
        find(&client, "#leave").await;
        assert!(client
            .current_url()
            .await
            .unwrap()
            .fragment()
            .unwrap()
            .contains("/quiz"));
        drop(confirm);

        find(&client, "body")
            .await
            .send_keys(&Key::Escape.to_string())
            .await
            .unwrap();
        find(&client, "#leave-confirm:focus")
            .await
            .send_keys(&Key::Enter.to_string())
            .await
            .unwrap();
        find(&client, "#start-quiz").await;
        client.goto(&site.url("#/")).await.unwrap();
        wait_for_text(&client, ".resume", |t| t.contains("1 of 3 answered")).await;
    })
    .await;
}

#[tokio::test]
async fn options_are_shuffled_the_same_way_after_a_reload() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/high-performance-python/quiz?count=5&seed=3"))
            .await
            .unwrap();
        let mut before = Vec::new();
        for _ in 0..5 {
            find(&client, "form.question:not(.answered)").await;
            before.push(shown_order(&client).await);
            answer(&client, "high-performance-python", true).await;
            if before.len() == 5 {
                break;
            }
        }
        let in_bank_order = |order: &serde_json::Value| {
            order
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .all(|(i, o)| o.as_str() == Some(&i.to_string()))
        };
        assert!(
            !before.iter().all(in_bank_order),
            "some options are shuffled: {before:?}"
        );
        client
            .goto(&site.url("#/book/high-performance-python/quiz?count=5&seed=4"))
            .await
            .unwrap();
        client
            .goto(&site.url("#/book/high-performance-python/quiz?count=5&seed=3"))
            .await
            .unwrap();
        client.refresh().await.unwrap();
        find(&client, "form.question:not(.answered)").await;
        assert_eq!(
            shown_order(&client).await,
            before[0],
            "the same link, the same order"
        );
    })
    .await;
}

#[tokio::test]
async fn a_review_asks_the_due_questions_and_the_due_count_follows_the_answers() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        let book = "fluent-python";
        let ids: Vec<String> = bank(book).questions.iter().take(3).map(|q| q.id.clone()).collect();
        client.goto(&site.url("#/")).await.unwrap();
        find(&client, ".book-card").await;
        // Three questions reviewed three days ago and due since yesterday.
        client
            .execute(
                "const [book, ids] = arguments;
                 const day = 24 * 60 * 60 * 1000, now = Date.now();
                 const card = { due_ms: now - day, last_ms: now - 3 * day, stability: 2000, difficulty: 5000 };
                 localStorage.setItem('python-architect-quiz.progress', JSON.stringify({
                     schema: 2, attempts: [], reviews: [[book, ids.map(id => [id, card])]]
                 }));",
                vec![serde_json::json!(book), serde_json::json!(ids)],
            )
            .await
            .unwrap();
        client.refresh().await.unwrap();
        find(&client, ".book-card").await;
        wait_for_text(&client, "#due-summary", |t| t.starts_with("3 questions are due")).await;
        let review = find(&client, "[data-book=fluent-python] .due a").await;
        assert_eq!(review.text().await.unwrap(), "Review 3 due today");
        review.click().await.unwrap();
        wait_for_text(&client, ".quiz-title", |t| t.ends_with(": review")).await;
        let mut asked = Vec::new();
        for right in [true, false, true] {
            asked.push(answer(&client, book, right).await);
        }
        let mut expected = ids.clone();
        let mut got = asked.clone();
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "the due questions are the ones asked");
        find(&client, "#score").await;
        // What is due by the end of the browser's day: the wrong answer
        // comes back ten minutes after it was given, the right ones days
        // later. Counted from the stored cards, so the test holds at any hour.
        let counts = run_js(
            &client,
            "const end = new Date(); end.setHours(23, 59, 59, 999);
             const p = JSON.parse(localStorage.getItem('python-architect-quiz.progress'));
             const cards = p.reviews[0][1].map(([id, card]) => card);
             const soon = cards.filter(c => c.due_ms - c.last_ms <= 10 * 60 * 1000).length;
             return [cards.filter(c => c.due_ms <= end.getTime()).length, soon];",
        )
        .await;
        assert_eq!(counts[1], 1, "only the wrong answer comes back soon");
        let due_today = counts[0].as_u64().unwrap();
        assert!(due_today <= 1, "answering took the count from 3 to {due_today}");
        client.goto(&site.url("#/")).await.unwrap();
        find(&client, ".book-card").await;
        if due_today == 1 {
            wait_for_text(&client, "[data-book=fluent-python] .due a", |t| {
                t == "Review 1 due today"
            })
            .await;
            assert!(text(&client, "#due-summary")
                .await
                .starts_with("1 question is due"));
        } else {
            assert!(client
                .find(fantoccini::Locator::Css("#due-summary"))
                .await
                .is_err());
        }
        let mode = run_js(
            &client,
            "return JSON.parse(localStorage.getItem('python-architect-quiz.progress')).attempts[0].mode",
        )
        .await;
        assert_eq!(mode, "review");
    })
    .await;
}

#[tokio::test]
async fn one_topic_is_practised_from_the_book_page() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/clean-architecture"))
            .await
            .unwrap();
        click(&client, "details.topics summary").await;
        let link = find(&client, ".topic-list li:nth-child(2) a").await;
        let topic = link.text().await.unwrap();
        link.click().await.unwrap();
        let question = question_on_screen(&client).await;
        let asked = bank("clean-architecture")
            .question(&question)
            .cloned()
            .unwrap();
        assert!(asked.topics.contains(&topic), "{question} is about {topic}");
        let url = client.current_url().await.unwrap();
        assert!(
            url.fragment().unwrap().contains(&format!("topics={topic}")),
            "{url}"
        );
    })
    .await;
}
