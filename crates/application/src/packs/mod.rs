//! Quiz packs: question files written by course authors, read as strictly
//! as the app's own banks, their HTML sanitised, kept on a shelf in this
//! browser or loaded from a link.

mod exported;
mod html;
mod read;
mod shape;
mod shelf;
mod url;

pub use exported::ExportedPack;
pub use html::sanitize_html;
pub use read::{
    pack_size_problem, read_pack, MAX_LABEL_CHARS, MAX_PACK_BYTES, MAX_PACK_QUESTIONS,
    MAX_SUMMARY_CHARS,
};
pub use shelf::{
    LinkedPack, LoadedPack, PackAdded, PackShelf, MAX_STORED_PACKS, MAX_STORED_PACK_BYTES,
};
pub use url::{PackUrl, MAX_PACK_URL_CHARS};
