//! Browser adapters: the application's ports implemented with web APIs.

pub mod app_handover;
pub mod browser_store;
pub mod clock;
pub mod connection;
pub mod document_height;
pub mod fatal;
pub mod fetch;
pub mod file_transfer;
pub mod location;
pub mod parent_window;
pub mod scorm_api;
pub mod theme;
