use leptos::prelude::*;
use quiz_application::AttemptSummary;

use crate::adapters::clock::local_date_time;
use crate::ui::score_text::score_text;

/// The attempts a chart shows; older ones stay in the figures above it.
const SHOWN: usize = 50;
// The drawing area in viewBox units: integers, so no float formatting
// code lands in the Wasm.
const LEFT: usize = 48;
const RIGHT: usize = 588;
const TOP: usize = 12;
const BOTTOM: usize = 172;

fn y_of(percent: u32) -> usize {
    BOTTOM - (BOTTOM - TOP) * percent as usize / 100
}

/// Score over time as an SVG line drawn by the app, with a sentence for
/// screen readers and the same figures as a table.
#[component]
pub fn ScoreChart(title: String, history: Vec<AttemptSummary>) -> impl IntoView {
    let shown = &history[history.len().saturating_sub(SHOWN)..];
    let points: Vec<(usize, usize)> = shown
        .iter()
        .enumerate()
        .map(|(i, attempt)| {
            let x = match shown.len() {
                1 => (LEFT + RIGHT) / 2,
                n => LEFT + (RIGHT - LEFT) * i / (n - 1),
            };
            (x, y_of(attempt.score.percent()))
        })
        .collect();
    let polyline = points
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ");
    let percents: Vec<u32> = shown.iter().map(|a| a.score.percent()).collect();
    let summary = format!(
        "{title}: scores of the last {} attempts, from {}% to {}%, lowest {}%, highest {}%.",
        shown.len(),
        percents.first().copied().unwrap_or(0),
        percents.last().copied().unwrap_or(0),
        percents.iter().min().copied().unwrap_or(0),
        percents.iter().max().copied().unwrap_or(0),
    );
    let rows: Vec<AttemptSummary> = shown.iter().rev().cloned().collect();
    view! {
        <figure class="chart">
            <svg class="score-chart" viewBox="0 0 600 200" role="img" aria-label=summary.clone()>
                {[0u32, 50, 100].into_iter().map(|p| view! {
                    <line class="grid" x1=LEFT y1=y_of(p) x2=RIGHT y2=y_of(p)></line>
                    <text class="axis" x=LEFT - 8 y=y_of(p) + 5 text-anchor="end">{format!("{p}%")}</text>
                }).collect_view()}
                <text class="axis" x=LEFT y="195">"older"</text>
                <text class="axis" x=RIGHT y="195" text-anchor="end">"newer"</text>
                <polyline class="line" points=polyline></polyline>
                {points.into_iter().map(|(x, y)| view! { <circle class="point" cx=x cy=y r="5"></circle> }).collect_view()}
            </svg>
            <figcaption>{summary}</figcaption>
            <details>
                <summary>"These scores as a table"</summary>
                <table class="scores">
                    <thead><tr><th scope="col">"Finished"</th><th scope="col">"Score"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|a| view! {
                            <tr><td>{local_date_time(a.finished_at_ms)}</td><td>{score_text(a.score)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
