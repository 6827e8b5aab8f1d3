//! Score over time as an SVG line, with a sentence for screen readers and
//! the same figures as a table. Built as an HTML string: a static drawing
//! costs far fewer Wasm bytes this way than as Leptos views.

use quiz_application::progress::AttemptSummary;

use crate::adapters::clock::local_date_time;
use crate::ui::html_text::escape;
use crate::ui::score_text::score_text;

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

pub fn score_chart_html(title: &str, history: &[AttemptSummary]) -> String {
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
    let rows: String = shown
        .iter()
        .rev()
        .map(|a| {
            format!(
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(&local_date_time(a.finished_at_ms)),
                score_text(a.score)
            )
        })
        .collect();
    format!(
        r#"<figure class="chart">{svg}</svg><figcaption>{summary}</figcaption><details><summary>These scores as a table</summary><table class="scores"><thead><tr><th scope="col">Finished</th><th scope="col">Score</th></tr></thead><tbody>{rows}</tbody></table></details></figure>"#
    )
}
