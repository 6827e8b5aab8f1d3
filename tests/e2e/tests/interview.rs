//! Interview mode in headless Chromium: an exam across books whose clock
//! survives a reload and which is submitted when time runs out, then its
//! readiness report and its place among past exams.

use e2e::{click, dist_dir, find, run_js, text, wait_for_text, with_browser, StaticSite};
use fantoccini::Client;

const EXAM: &str =
    "#/interview/exam?books=fluent-python,clean-architecture&count=4&minutes=10&seed=5";

async fn answer_first_option(client: &Client) {
    click(client, "form.question .options .option label").await;
    click(client, "#check").await;
}

/// Minutes and seconds left, as the timer shows them.
async fn seconds_left(client: &Client) -> u64 {
    let shown = wait_for_text(client, "#timer", |t| t.starts_with("Time left ")).await;
    let (minutes, seconds) = shown["Time left ".len()..].split_once(':').unwrap();
    minutes.parse::<u64>().unwrap() * 60 + seconds.parse::<u64>().unwrap()
}

#[tokio::test]
async fn an_exam_keeps_its_clock_across_a_reload_and_is_submitted_when_time_runs_out() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client.goto(&site.url(EXAM)).await.unwrap();
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 4").await;
        assert!(seconds_left(&client).await <= 600);
        answer_first_option(&client).await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 2 of 4").await;
        assert!(
            !text(&client, ".exam").await.contains("Correct."),
            "no feedback during the exam"
        );
        answer_first_option(&client).await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 3 of 4").await;

        client.refresh().await.unwrap();
        wait_for_text(&client, "#progress-label", |t| t == "Question 3 of 4").await;
        let left = seconds_left(&client).await;
        assert!((1..=600).contains(&left), "the clock goes on: {left}");

        // Eleven minutes pass while the page is closed.
        client.goto(&site.url("#/")).await.unwrap();
        run_js(
            &client,
            "const key = 'python-architect-quiz.exam';
             const exam = JSON.parse(localStorage.getItem(key));
             exam.started_at_ms -= 11 * 60 * 1000;
             localStorage.setItem(key, JSON.stringify(exam));",
        )
        .await;
        client.goto(&site.url(EXAM)).await.unwrap();
        client.refresh().await.unwrap();
        let score = wait_for_text(&client, "#score", |t| t.ends_with("of 4 (0%)") || t.contains(" of 4 (")).await;
        assert!(score.ends_with(')'), "{score}");
        let report = text(&client, ".report").await;
        assert!(report.contains("Time ran out"), "{report}");
        assert!(report.contains("Per chapter") && report.contains("Time per question"));
        assert_eq!(
            report.matches("not answered").count(),
            2,
            "the two questions left count as not answered"
        );
        let stored = run_js(
            &client,
            "const p = JSON.parse(localStorage.getItem('python-architect-quiz.progress'));
             return [p.exams.length, p.attempts.map(a => a.mode), localStorage.getItem('python-architect-quiz.exam')];",
        )
        .await;
        assert_eq!(stored[0], 1);
        assert!(stored[1].as_array().unwrap().iter().all(|m| m == "interview"));
        assert_eq!(stored[2], serde_json::Value::Null, "the finished exam is no longer running");

        click(&client, ".crumbs a[href='#/interview']").await;
        find(&client, "#past-exams tbody tr").await;
    })
    .await;
}

#[tokio::test]
async fn an_exam_answered_in_time_reports_every_question() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        client.goto(&site.url("#/interview")).await.unwrap();
        click(&client, "input[value='stdlib-by-example']").await;
        find(&client, "#exam-count")
            .await
            .select_by_value("10")
            .await
            .unwrap();
        click(&client, "#start-exam").await;
        wait_for_text(&client, "#progress-label", |t| t == "Question 1 of 10").await;
        let url = client.current_url().await.unwrap();
        assert!(
            url.fragment()
                .unwrap()
                .contains("books=stdlib-by-example&count=10&minutes=30"),
            "{url}"
        );
        for _ in 0..10 {
            answer_first_option(&client).await;
        }
        find(&client, "#score").await;
        let report = wait_for_text(&client, ".report", |t| t.contains("Time per question")).await;
        assert!(report.contains("Every question was answered in time."));
        assert_eq!(report.matches("not answered").count(), 0);
    })
    .await;
}
