use serde::{Deserialize, Serialize};

/// What the person chose once and expects remembered. When two copies
/// meet (another tab, an imported file), the one changed last wins.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The quiz length last chosen on a book page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz_length: Option<usize>,
    #[serde(default)]
    pub changed_at_ms: u64,
}
