//! Moving everything this browser keeps to another one: one export file
//! with the books' progress, the packs' progress and the packs, and taking
//! such a file in.

mod export;
mod records;

pub use export::{ImportError, ImportReport, EXPORT_APP, EXPORT_FORMAT, MAX_IMPORT_BYTES};
pub use records::Records;
