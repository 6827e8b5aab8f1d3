//! The static parts of pages, built as HTML strings rather than Leptos
//! views because a drawing or a table costs far fewer Wasm bytes this way.
//! Pure functions of the application's values, so native tests can check
//! that whatever a bank or a pack says comes out as text; what only the
//! browser knows (the local time, a random seed, being online) is passed
//! in.

mod exam_report;
mod mastery;
mod reading_links;
mod recent_attempts;
mod score_chart;
#[cfg(test)]
mod test_payload;
mod topic_list;

pub use exam_report::{exam_details_html, exam_overview_html};
pub use mastery::mastery_html;
pub use reading_links::{offline_note_html, reading_link_html, EXTERNAL, NEEDS_CONNECTION};
pub use recent_attempts::recent_attempts_html;
pub use score_chart::score_chart_html;
pub use topic_list::topic_list_html;
