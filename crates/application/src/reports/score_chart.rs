//! Score over time as an SVG line, with a sentence for screen readers and
//! the same figures as a table.

use crate::html_text::{escape, table};
use crate::progress::AttemptSummary;
use crate::score_text;

/// The attempts a chart shows; older ones stay in the figures above it.
const SHOWN: usize = 50;
// The drawing area in viewBox units: integers, so no float formatting
// code lands in the Wasm.
const LEFT: usize = 70;
const RIGHT: usize = 588;
const TOP: usize = 16;
const BOTTOM: usize = 176;

fn y_of(percent: u32) -> usize {
    BOTTOM - (BOTTOM - TOP) * percent as usize / 100
}

/// The chart of the book called `title` over its `history` (oldest
/// first), each finishing time in the table as `local_time` writes it.
pub fn score_chart_html(
    title: &str,
    history: &[AttemptSummary],
    local_time: &dyn Fn(u64) -> String,
) -> String {
    let shown = &history[history.len().saturating_sub(SHOWN)..];
    let percents: Vec<u32> = shown.iter().map(|a| a.score.percent()).collect();
    let points: Vec<(usize, usize)> = percents
        .iter()
        .enumerate()
        .map(|(i, &percent)| {
            let x = match shown.len() {
                1 => (LEFT + RIGHT) / 2,
                n => LEFT + (RIGHT - LEFT) * i / (n - 1),
            };
            (x, y_of(percent))
        })
        .collect();
    let summary = escape(&match percents.as_slice() {
        [only] => format!("{title}: one attempt so far, scored {only}%."),
        _ => format!(
            "{title}: scores of the last {} attempts, from {}% to {}%, lowest {}%, highest {}%.",
            shown.len(),
            percents.first().copied().unwrap_or(0),
            percents.last().copied().unwrap_or(0),
            percents.iter().min().copied().unwrap_or(0),
            percents.iter().max().copied().unwrap_or(0),
        ),
    });
    let mut svg = format!(
        r#"<svg class="score-chart" viewBox="0 0 600 214" role="img" aria-label="{summary}">"#
    );
    for percent in [0, 50, 100] {
        let y = y_of(percent);
        svg.push_str(&format!(
            r#"<line class="grid" x1="{LEFT}" y1="{y}" x2="{RIGHT}" y2="{y}"/><text class="axis" x="{}" y="{}" text-anchor="end">{percent}%</text>"#,
            LEFT - 8,
            y + 7
        ));
    }
    let line: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
    svg.push_str(&format!(
        r#"<text class="axis" x="{LEFT}" y="208">older</text><text class="axis" x="{RIGHT}" y="208" text-anchor="end">newer</text><polyline class="line" points="{}"/>"#,
        line.join(" ")
    ));
    for (x, y) in points {
        svg.push_str(&format!(
            r#"<circle class="point" cx="{x}" cy="{y}" r="5"/>"#
        ));
    }
    let rows = shown
        .iter()
        .rev()
        .map(|a| vec![escape(&local_time(a.finished_at_ms)), score_text(a.score)]);
    format!(
        r#"<figure class="chart">{svg}</svg><figcaption>{summary}</figcaption><details><summary>These scores as a table</summary>{}</details></figure>"#,
        table("scores", &["Finished", "Score"], rows)
    )
}

#[cfg(test)]
mod tests {
    use quiz_domain::{Mode, Score};

    use super::*;
    use crate::reports::test_payload::{assert_escaped, payload};

    fn attempt(correct: u32, finished_at_ms: u64) -> AttemptSummary {
        AttemptSummary {
            id: None,
            mode: Mode::Practice,
            score: Score { correct, total: 4 },
            finished_at_ms,
            duration_ms: 5000,
        }
    }

    fn local_time(ms: u64) -> String {
        format!("at {ms}")
    }

    #[test]
    fn one_attempt_is_a_point_in_the_middle_with_its_figure_in_words_and_table() {
        assert_eq!(
            score_chart_html("Fluent Python", &[attempt(3, 1000)], &local_time),
            concat!(
                r#"<figure class="chart"><svg class="score-chart" viewBox="0 0 600 214" role="img" aria-label="Fluent Python: one attempt so far, scored 75%.">"#,
                r#"<line class="grid" x1="70" y1="176" x2="588" y2="176"/><text class="axis" x="62" y="183" text-anchor="end">0%</text>"#,
                r#"<line class="grid" x1="70" y1="96" x2="588" y2="96"/><text class="axis" x="62" y="103" text-anchor="end">50%</text>"#,
                r#"<line class="grid" x1="70" y1="16" x2="588" y2="16"/><text class="axis" x="62" y="23" text-anchor="end">100%</text>"#,
                r#"<text class="axis" x="70" y="208">older</text><text class="axis" x="588" y="208" text-anchor="end">newer</text>"#,
                r#"<polyline class="line" points="329,56"/><circle class="point" cx="329" cy="56" r="5"/></svg>"#,
                "<figcaption>Fluent Python: one attempt so far, scored 75%.</figcaption>",
                r#"<details><summary>These scores as a table</summary><table class="scores"><thead><tr><th scope="col">Finished</th><th scope="col">Score</th></tr></thead>"#,
                "<tbody><tr><td>at 1000</td><td>3 of 4 (75%)</td></tr></tbody></table></details></figure>"
            )
        );
    }

    #[test]
    fn the_chart_shows_the_last_fifty_attempts_from_left_to_right() {
        let history: Vec<AttemptSummary> = (0..60)
            .map(|n| attempt(if n < 10 { 0 } else { 2 + n as u32 % 2 }, n))
            .collect();
        let html = score_chart_html("Fluent Python", &history, &local_time);
        assert!(html.contains(
            "Fluent Python: scores of the last 50 attempts, from 50% to 75%, lowest 50%, highest 75%."
        ));
        assert_eq!(html.matches(r#"<circle class="point""#).count(), SHOWN);
        assert!(html.contains(r#"points="70,96 "#) && html.contains(r#" 588,56""#));
        assert!(html.contains("<td>at 10</td>") && !html.contains("<td>at 9</td>"));
    }

    #[test]
    fn every_text_of_the_chart_is_escaped() {
        let html = score_chart_html(&payload("title"), &[attempt(1, 0), attempt(2, 1)], &|_| {
            payload("time")
        });
        assert_escaped(&html, &["title", "time"]);
    }
}
