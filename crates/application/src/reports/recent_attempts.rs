//! A book's latest attempts as a table, newest first, each score linking
//! to the attempt's results while those are kept.

use crate::html_text::{escape, table};
use crate::progress::AttemptSummary;
use crate::score_text;
use crate::Route;

/// How many recent attempts each book lists.
const RECENT_SHOWN: usize = 10;

/// The table of the last attempts of `history` (oldest first), each
/// finishing time as `local_time` writes it.
pub fn recent_attempts_html(
    history: &[AttemptSummary],
    local_time: &dyn Fn(u64) -> String,
) -> String {
    let rows = history.iter().rev().take(RECENT_SHOWN).map(|a| {
        let score = match &a.id {
            Some(attempt) => format!(
                r#"<a href="{}">{}</a>"#,
                escape(
                    &Route::Results {
                        attempt: attempt.clone()
                    }
                    .to_hash()
                ),
                score_text(a.score)
            ),
            None => score_text(a.score),
        };
        vec![
            escape(&local_time(a.finished_at_ms)),
            escape(a.mode.name()),
            score,
            duration_text(a.duration_ms),
        ]
    });
    format!(
        "<h3>Recent attempts</h3>{}",
        table("recent", &["Finished", "Mode", "Score", "Time taken"], rows)
    )
}

fn duration_text(ms: u64) -> String {
    let seconds = ms / 1000;
    match seconds {
        0..60 => format!("{seconds} s"),
        _ => format!("{} min {} s", seconds / 60, seconds % 60),
    }
}

#[cfg(test)]
mod tests {
    use quiz_domain::{Mode, Score};

    use super::*;
    use crate::reports::test_payload::{assert_escaped, payload};

    fn attempt(id: Option<&str>, mode: Mode, finished_at_ms: u64) -> AttemptSummary {
        AttemptSummary {
            id: id.map(str::to_owned),
            mode,
            score: Score {
                correct: 3,
                total: 4,
            },
            finished_at_ms,
            duration_ms: 59_999,
        }
    }

    fn local_time(ms: u64) -> String {
        format!("at {ms}")
    }

    #[test]
    fn the_newest_attempt_comes_first_and_kept_results_are_linked() {
        let history = [
            attempt(Some("a1"), Mode::Practice, 1000),
            AttemptSummary {
                duration_ms: 61_000,
                ..attempt(None, Mode::Mistakes, 2000)
            },
        ];
        assert_eq!(
            recent_attempts_html(&history, &local_time),
            concat!(
                r#"<h3>Recent attempts</h3><table class="recent"><thead><tr><th scope="col">Finished</th><th scope="col">Mode</th><th scope="col">Score</th><th scope="col">Time taken</th></tr></thead>"#,
                "<tbody><tr><td>at 2000</td><td>mistakes</td><td>3 of 4 (75%)</td><td>1 min 1 s</td></tr>",
                r##"<tr><td>at 1000</td><td>practice</td><td><a href="#/results/a1">3 of 4 (75%)</a></td><td>59 s</td></tr></tbody></table>"##
            )
        );
    }

    #[test]
    fn only_the_last_ten_attempts_are_listed() {
        let history: Vec<AttemptSummary> =
            (0..12).map(|n| attempt(None, Mode::Practice, n)).collect();
        let html = recent_attempts_html(&history, &local_time);
        assert_eq!(html.matches("<tr>").count(), 1 + RECENT_SHOWN, "{html}");
        assert!(html.contains("<td>at 11</td>") && html.contains("<td>at 2</td>"));
        assert!(!html.contains("<td>at 1</td>"), "{html}");
    }

    #[test]
    fn every_text_of_the_recent_attempts_is_escaped() {
        let history = [attempt(Some(&payload("attempt")), Mode::Review, 0)];
        let html = recent_attempts_html(&history, &|_| payload("time"));
        assert_escaped(&html, &["attempt", "time"]);
    }
}
