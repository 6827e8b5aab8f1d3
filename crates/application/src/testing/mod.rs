//! In-memory adapters of the ports and shared fixtures, for the tests.

mod fixtures;
mod memory_host_page;
mod memory_lms;
mod memory_store;

pub(crate) use fixtures::{answered, exam_request, sample_pack, sample_result};
pub(crate) use memory_host_page::MemoryHostPage;
pub(crate) use memory_lms::MemoryLms;
pub(crate) use memory_store::MemoryStore;
