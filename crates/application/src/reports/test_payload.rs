//! Text that would run script if a report put it in the page unescaped,
//! for the tests that every field of a report's input comes out as text,
//! and the values those tests share.

use crate::progress::Mastery;

pub(super) fn mastery(percent: u32, seen: usize, questions: usize) -> Mastery {
    Mastery {
        percent,
        seen,
        questions,
    }
}

/// The payload, ending in `field` so a test can tell which field of its
/// input came out where.
pub(super) fn payload(field: &str) -> String {
    format!(r#"<img src=x onerror=alert(1)>"'&{field}"#)
}

/// Asserts that `html` holds no tag from a payload and shows the payload
/// of each of `fields` as text.
pub(super) fn assert_escaped(html: &str, fields: &[&str]) {
    assert!(!html.contains("<img"), "{html}");
    for field in fields {
        let escaped = format!("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;{field}");
        assert!(html.contains(&escaped), "{field} is not escaped in {html}");
    }
}
