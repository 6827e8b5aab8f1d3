//! Reading links in headless Chromium: a question answered wrong shows its
//! places to read in the feedback, in the results review and in an
//! interview's reading list, each opening in a new tab with its host shown
//! and announced as external; a book's page says where to read the book.

use e2e::{
    answer_question, axe_violations, bank, click, dist_dir, find, question_on_screen, run_js,
    wait_for_text, with_browser, StaticSite,
};
use fantoccini::Client;
use quiz_domain::{Question, QuestionKind};
use serde_json::{json, Value};

/// Every reading link inside `scope`: address, target, rel, the text a
/// screen reader hears, and the host shown beside it.
async fn links_in(client: &Client, scope: &str) -> Vec<Value> {
    let script = format!(
        "return [...document.querySelectorAll({scope:?} + ' .reading-links li')].map(li => {{
            const a = li.querySelector('a');
            return [a.getAttribute('href'), a.target, a.rel, a.textContent,
                    li.querySelector('.link-host').textContent];
        }})"
    );
    run_js(client, &script)
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// What the page must show for each of `question`'s links.
fn expected_links(question: &Question) -> Vec<Value> {
    question
        .read
        .iter()
        .map(|link| {
            json!([
                link.url,
                "_blank",
                "noopener noreferrer",
                format!("{}, external site, opens in a new tab", link.label),
                link.host().unwrap()
            ])
        })
        .collect()
}

/// Answers the question on screen wrong; the seeds below show questions
/// that can be answered wrong by a choice (not steps to put in order).
async fn answer_wrong(client: &Client, book: &str) -> Question {
    let question = answer_question(client, book, false).await;
    assert_ne!(
        question.kind,
        QuestionKind::Order,
        "{}: choose a seed that shows a choice or typed question first",
        question.id
    );
    question
}

/// Answers the exam question on screen with its first wrong option (an
/// exam shows its options in the bank's order).
async fn answer_exam_question_wrong(client: &Client, book: &str) -> Question {
    let id = question_on_screen(client).await;
    let question = bank(book)
        .question(&id)
        .cloned()
        .expect("a question of the bank");
    let correct = question.correct_answer().choices().to_vec();
    let wrong = (0..question.options.len())
        .find(|i| !correct.contains(i))
        .expect("a wrong option");
    click(
        client,
        &format!(".options li:nth-child({}) label", wrong + 1),
    )
    .await;
    click(client, "#check").await;
    question
}

#[tokio::test]
async fn a_missed_question_links_its_sections_in_feedback_and_results() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/architecture-patterns/quiz?count=1&seed=11"))
            .await
            .unwrap();
        let missed = answer_wrong(&client, "architecture-patterns").await;
        wait_for_text(&client, ".feedback .verdict", |t| t == "Not quite.").await;
        assert!(!missed.read.is_empty(), "{} has links", missed.id);
        assert_eq!(
            links_in(&client, ".feedback").await,
            expected_links(&missed)
        );
        assert_eq!(
            run_js(
                &client,
                "return document.querySelector('.feedback .offline-note').hidden"
            )
            .await,
            json!(true),
            "online, the offline note is hidden"
        );
        assert_eq!(axe_violations(&client).await, Vec::<String>::new());

        click(&client, "#next").await;
        wait_for_text(&client, "#score", |t| t == "0 of 1 (0%)").await;
        assert_eq!(links_in(&client, ".review").await, expected_links(&missed));
        assert_eq!(axe_violations(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test]
async fn an_interview_report_lists_the_sections_behind_missed_questions() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url(
                "#/interview/exam?books=stdlib-by-example&count=2&minutes=10&seed=3",
            ))
            .await
            .unwrap();
        let first = answer_exam_question_wrong(&client, "stdlib-by-example").await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 2 of 2").await;
        let second = answer_exam_question_wrong(&client, "stdlib-by-example").await;
        wait_for_text(&client, ".report", |t| t.contains("Reading list")).await;

        let listed = links_in(&client, ".reread-list").await;
        for question in [&first, &second] {
            let best = &question.read[0];
            let row = listed
                .iter()
                .find(|row| row[0] == best.url.as_str())
                .unwrap_or_else(|| panic!("{} is in the reading list: {listed:?}", best.url));
            assert_eq!(row[1], "_blank");
            assert_eq!(row[2], "noopener noreferrer");
            assert_eq!(row[4], best.host().unwrap());
        }
        let both = first.read.iter().filter(|l| second.read.contains(l)).count();
        let notes = run_js(
            &client,
            "return [...document.querySelectorAll('.reread-list .reading-links li')].map(li => li.lastChild.textContent)",
        )
        .await;
        let twice = notes
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n.as_str() == Some(" (2 missed questions)"))
            .count();
        assert_eq!(twice, both, "a section two missed questions share is listed once, counted twice: {notes}");
        assert_eq!(
            listed.len(),
            first.read.len() + second.read.len() - both,
            "each section once: {listed:?}"
        );
        assert_eq!(axe_violations(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test]
async fn a_book_page_says_where_to_read_the_book() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client
            .goto(&site.url("#/book/architecture-patterns"))
            .await
            .unwrap();
        let free = wait_for_text(&client, ".where-to-read", |t| t.contains("Licence")).await;
        assert!(free.contains("Free to read online"), "{free}");
        assert!(free.contains("CC BY-NC-ND"), "{free}");
        let links = links_in(&client, ".where-to-read").await;
        assert_eq!(
            links[0][0],
            "https://www.cosmicpython.com/book/preface.html"
        );
        assert_eq!(links[0][2], "noopener noreferrer");
        assert_eq!(axe_violations(&client).await, Vec::<String>::new());

        click(&client, ".crumbs a").await;
        find(&client, ".books").await;
        client
            .goto(&site.url("#/book/fluent-python"))
            .await
            .unwrap();
        let sold = wait_for_text(&client, ".where-to-read", |t| t.contains("publisher")).await;
        assert!(sold.contains("Not free online"), "{sold}");
        let hosts: Vec<Value> = links_in(&client, ".where-to-read")
            .await
            .into_iter()
            .map(|row| row[4].clone())
            .collect();
        assert_eq!(
            hosts,
            [
                json!("www.oreilly.com"),
                json!("docs.python.org"),
                json!("docs.python.org")
            ]
        );
    })
    .await;
}
