//! Stored data the app could not read, copied aside instead of written
//! over: found again for the export, so that nothing is lost by moving.

use serde::{Deserialize, Serialize};

use crate::ports::KeyValueStore;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadableCopy {
    pub key: String,
    pub value: String,
}

/// The values under `key` and the keys that extend it (its copies set
/// aside) that `readable` refuses.
pub fn unreadable_copies(
    store: &impl KeyValueStore,
    key: &str,
    readable: impl Fn(&str) -> bool,
) -> Vec<UnreadableCopy> {
    store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|stored| stored.starts_with(key))
        .filter_map(|stored| {
            let value = store.read(&stored).ok()??;
            (!readable(&value)).then_some(UnreadableCopy { key: stored, value })
        })
        .collect()
}
