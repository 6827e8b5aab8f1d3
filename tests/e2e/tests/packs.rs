//! Quiz packs in headless Chromium: a pack loaded from a link on another
//! origin (CORS) or from a file, its quiz taken, its score shown on the
//! progress page apart from the books, kept over a reload, carried by the
//! progress export to a cleared browser, and removed.

use e2e::packs::{
    allow_connect_to, course_pack, load_link, signs_of_script, to_json, PACKS_KEY,
    PACK_PROGRESS_KEY,
};
use e2e::transfer::{export, import};
use e2e::{
    answer_question_of, click, dist_dir, find, run_js, text, wait_for_text, with_browser,
    StaticSite,
};
use fantoccini::{Client, Locator};

const PROGRESS_KEY: &str = "python-architect-quiz.progress";

async fn count(client: &Client, css: &str) -> usize {
    client.find_all(Locator::Css(css)).await.unwrap().len()
}

/// Takes the pack's quiz of `count` questions, all answered right.
async fn take_pack_quiz(client: &Client, site: &StaticSite, count: usize) {
    let pack = course_pack();
    client
        .goto(&site.url(&format!("#/book/course-pack/quiz?count={count}&seed=3")))
        .await
        .unwrap();
    wait_for_text(client, ".quiz-title", |t| {
        t == "Week 1 of a Python course quiz"
    })
    .await;
    for _ in 0..count {
        answer_question_of(client, &pack, true).await;
        wait_for_text(client, ".feedback .verdict", |t| t == "Correct.").await;
        click(client, "#next").await;
    }
    wait_for_text(client, "#score", |t| {
        t == format!("{count} of {count} (100%)")
    })
    .await;
}

#[tokio::test]
async fn a_pack_from_another_origin_is_loaded_taken_and_scored_apart_from_the_books() {
    let course =
        StaticSite::serve_files(vec![("week-1.json".into(), to_json(&course_pack()))], true);
    let site = StaticSite::serve_with(&dist_dir(), allow_connect_to(course.origin()));
    with_browser(|client| async move {
        client.goto(&site.url(&load_link(&course.page_url("week-1.json")))).await.unwrap();
        wait_for_text(&client, "h1", |t| t == "Week 1 of a Python course").await;
        let hash = run_js(&client, "return location.hash").await;
        assert_eq!(hash, "#/book/course-pack", "the link is replaced by the pack's page");
        assert!(text(&client, ".authors").await.contains("A course author"));

        take_pack_quiz(&client, &site, 3).await;
        click(&client, "nav a[href='#/progress']").await;
        let pack_section = ".pack-progress [data-book=course-pack]";
        wait_for_text(&client, &format!("{pack_section} .stats"), |t| t.starts_with("1 attempt")).await;
        find(&client, &format!("{pack_section} .mastery-grid .cell")).await;
        assert_eq!(count(&client, ".book-progress").await, 1, "no book has results");
        assert_eq!(text(&client, "#pack-progress-title").await, "Your packs");

        let stored = run_js(&client, &format!(
            "return [localStorage.getItem('{PROGRESS_KEY}'), localStorage.getItem('{PACK_PROGRESS_KEY}')]"
        )).await;
        assert!(
            stored[0].as_str().is_none_or(|books| !books.contains("course-pack")),
            "the books' record holds nothing of the pack: {}", stored[0]
        );
        assert!(stored[1].as_str().unwrap().contains("\"book\":\"course-pack\""));

        // Kept over a reload, and reachable by its own link.
        client.refresh().await.unwrap();
        find(&client, &format!("{pack_section} .stats")).await;
        client.goto(&site.url("#/book/course-pack")).await.unwrap();
        wait_for_text(&client, ".stats", |t| t.starts_with("Best score: 3 of 3")).await;

        // A pack quiz left half way is offered by the home page's own Wasm,
        // which names the pack without reading the shelf, and resumed by
        // the whole app.
        client.goto(&site.url("#/book/course-pack/quiz?count=2&seed=5")).await.unwrap();
        answer_question_of(&client, &course_pack(), true).await;
        wait_for_text(&client, ".feedback .verdict", |t| t == "Correct.").await;
        client.goto(&site.url("#/")).await.unwrap();
        client.refresh().await.unwrap();
        wait_for_text(&client, ".resume p", |t| {
            t == "You have an unfinished Week 1 of a Python course quiz: 1 of 2 answered."
        })
        .await;
        click(&client, "#resume").await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 2 of 2").await;
        answer_question_of(&client, &course_pack(), true).await;
        click(&client, "#next").await;
        wait_for_text(&client, "#score", |t| t == "2 of 2 (100%)").await;

        // Removed, with a confirmation, results and all.
        client.goto(&site.url("#/packs")).await.unwrap();
        assert!(text(&client, "[data-pack=course-pack] .pack-source").await.ends_with("/week-1.json"));
        click(&client, "#remove-course-pack").await;
        click(&client, "#remove-course-pack-confirm").await;
        find(&client, "#no-packs").await;
        let kept = run_js(&client, &format!("return localStorage.getItem('{PACKS_KEY}')")).await;
        assert!(!kept.as_str().unwrap().contains("course-pack"), "{kept}");
        client.goto(&site.url("#/progress")).await.unwrap();
        find(&client, ".lead").await;
        assert_eq!(count(&client, ".pack-progress").await, 0);
        client.goto(&site.url("#/book/course-pack")).await.unwrap();
        wait_for_text(&client, "[role=alert]", |t| t.contains("no book or quiz pack with the id \"course-pack\"")).await;
        assert_eq!(signs_of_script(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test]
async fn a_pack_is_loaded_from_a_file_picked_on_the_packs_page() {
    let site = StaticSite::serve(&dist_dir());
    let path = std::env::temp_dir().join(format!("{}-week-1.json", std::process::id()));
    std::fs::write(&path, to_json(&course_pack())).unwrap();
    with_browser(|client| async move {
        client.goto(&site.url("#/")).await.unwrap();
        click(&client, "nav a[href='#/packs']").await;
        find(&client, "#no-packs").await;
        find(&client, "#pack-file")
            .await
            .send_keys(path.to_str().unwrap())
            .await
            .unwrap();
        wait_for_text(&client, "h1", |t| t == "Week 1 of a Python course").await;
        take_pack_quiz(&client, &site, 2).await;
        client.goto(&site.url("#/packs")).await.unwrap();
        let file_name = path.file_name().unwrap().to_str().unwrap().to_owned();
        assert_eq!(
            text(&client, "[data-pack=course-pack] .pack-source").await,
            file_name
        );
        std::fs::remove_file(&path).unwrap();

        // A file picked once is gone with the browser's storage: the
        // progress export carries the pack and its results along.
        client.goto(&site.url("#/progress")).await.unwrap();
        find(&client, ".pack-progress").await;
        let file = export(&client).await;
        run_js(&client, "localStorage.clear()").await;
        client.refresh().await.unwrap();
        find(&client, ".lead").await;
        assert_eq!(count(&client, ".pack-progress").await, 0);
        let message = import(&client, &file, "moved.json").await;
        assert_eq!(
            message,
            "Imported 1 attempt: Week 1 of a Python course 1. Pack added: Week 1 of a Python course."
        );
        wait_for_text(&client, ".pack-progress [data-book=course-pack] .stats", |t| {
            t.starts_with("1 attempt")
        })
        .await;
        client.goto(&site.url("#/packs")).await.unwrap();
        assert_eq!(text(&client, "[data-pack=course-pack] .pack-source").await, file_name);
        client.goto(&site.url("#/book/course-pack")).await.unwrap();
        wait_for_text(&client, ".stats", |t| t.starts_with("Best score: 2 of 2")).await;
    })
    .await;
}

/// Picks a file on the packs page and waits for the pack's page.
async fn pick_pack_file(client: &Client, path: &std::path::Path, title: &str) {
    find(client, "#pack-file")
        .await
        .send_keys(path.to_str().unwrap())
        .await
        .unwrap();
    wait_for_text(client, "h1", |t| t == title).await;
}

#[tokio::test]
async fn packs_loaded_in_two_tabs_are_all_kept_and_shown_in_both() {
    let site = StaticSite::serve(&dist_dir());
    let write_pack = |id: &str, title: &str| {
        let mut pack = course_pack();
        pack.book.id = id.into();
        pack.book.title = title.into();
        let path = std::env::temp_dir().join(format!("{}-two-tabs-{id}.json", std::process::id()));
        std::fs::write(&path, to_json(&pack)).unwrap();
        path
    };
    let week_1 = write_pack("week-1", "Week 1");
    let week_2 = write_pack("week-2", "Week 2");
    with_browser(|client| async move {
        client.goto(&site.url("#/packs")).await.unwrap();
        find(&client, "#no-packs").await;
        let first_tab = client.window().await.unwrap();
        let second_tab = client.new_window(true).await.unwrap().handle;
        client.switch_to_window(second_tab.clone()).await.unwrap();
        client.goto(&site.url("#/packs")).await.unwrap();
        find(&client, "#no-packs").await;

        client.switch_to_window(first_tab.clone()).await.unwrap();
        pick_pack_file(&client, &week_1, "Week 1").await;
        // The second tab, opened before, adds its own pack: the first tab's
        // is kept, and each tab lists both without a reload.
        client.switch_to_window(second_tab).await.unwrap();
        find(&client, "[data-pack=week-1]").await;
        client.goto(&site.url("#/packs")).await.unwrap();
        pick_pack_file(&client, &week_2, "Week 2").await;
        client.switch_to_window(first_tab).await.unwrap();
        client.goto(&site.url("#/packs")).await.unwrap();
        find(&client, "[data-pack=week-2]").await;
        find(&client, "[data-pack=week-1]").await;
        let stored = run_js(
            &client,
            &format!("return localStorage.getItem('{PACKS_KEY}')"),
        )
        .await;
        let stored = stored.as_str().unwrap();
        assert!(stored.contains("\"week-1\"") && stored.contains("\"week-2\""));
        std::fs::remove_file(week_1).unwrap();
        std::fs::remove_file(week_2).unwrap();
    })
    .await;
}

#[tokio::test]
async fn a_link_asks_before_replacing_a_pack_loaded_from_elsewhere() {
    let mut second_edition = course_pack();
    second_edition.book.title = "Week 1, second edition".into();
    let course = StaticSite::serve_files(
        vec![
            ("week-1.json".into(), to_json(&course_pack())),
            ("other.json".into(), to_json(&second_edition)),
        ],
        true,
    );
    let site = StaticSite::serve_with(&dist_dir(), allow_connect_to(course.origin()));
    with_browser(|client| async move {
        client
            .goto(&site.url(&load_link(&course.page_url("week-1.json"))))
            .await
            .unwrap();
        wait_for_text(&client, "h1", |t| t == "Week 1 of a Python course").await;
        take_pack_quiz(&client, &site, 2).await;

        // Another link's pack with the same id waits for the person.
        let other_link = site.url(&load_link(&course.page_url("other.json")));
        client.goto(&other_link).await.unwrap();
        let question = wait_for_text(&client, "#replace-question", |t| !t.is_empty()).await;
        assert!(
            question.contains("\"Week 1 of a Python course\""),
            "{question}"
        );
        assert!(question.contains("/week-1.json"), "{question}");
        let focused = run_js(&client, "return document.activeElement.id").await;
        assert_eq!(focused, "replace-pack");
        click(&client, "#keep-pack").await;
        wait_for_text(&client, "h1", |t| t == "Week 1 of a Python course").await;

        client.goto(&other_link).await.unwrap();
        click(&client, "#replace-pack").await;
        wait_for_text(&client, "h1", |t| t == "Week 1, second edition").await;
        wait_for_text(&client, ".stats", |t| t.starts_with("Best score: 2 of 2")).await;
        client.goto(&site.url("#/packs")).await.unwrap();
        assert!(text(&client, "[data-pack=course-pack] .pack-source")
            .await
            .ends_with("/other.json"));
        assert_eq!(count(&client, "[data-pack]").await, 1);
        assert_eq!(signs_of_script(&client).await, Vec::<String>::new());
    })
    .await;
}
