//! A pack in the form it is stored and exported in.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// A pack as loaded: where from, and its JSON. The stored list of packs
/// holds the same, so one type (and one piece of serde code in the Wasm)
/// serves both.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ExportedPack {
    pub source: String,
    pub pack: Box<RawValue>,
}
