//! The home page: each book's best score and reviews due, and the quiz to
//! resume, read from storage by the home page's own small Wasm without the
//! readers of the whole record.

mod records;
mod summary;

pub use records::{HomeRecords, HomeView};
pub use summary::HomeSummary;
