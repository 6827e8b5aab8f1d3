//! The application layer: what a person can do with the quiz, one module
//! per capability, written against ports so that the browser is only one
//! of the places it can run.
//!
//! Depends on the domain only; the browser adapters and the Leptos UI depend
//! on this crate, never the other way round.

pub mod content;
pub mod embed;
pub mod exam;
pub mod home;
pub mod html_text;
mod keyed_list;
mod library;
pub mod lms;
pub mod packs;
mod ports;
pub mod progress;
pub mod quiz;
pub mod reports;
mod route;
mod score_text;
mod set_aside;
pub mod storage;
mod storage_notice;
#[cfg(test)]
mod testing;
pub mod theme;
pub mod transfer;
mod url_query;

pub use library::Library;
pub use ports::{Clock, HostPage, KeyValueStore, StoreError};
pub use route::Route;
pub use score_text::score_text;
