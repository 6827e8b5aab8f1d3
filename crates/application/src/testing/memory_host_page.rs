//! The in-memory host page: for tests, it keeps what was posted to it.

use std::cell::RefCell;

use crate::ports::HostPage;

#[derive(Default)]
pub struct MemoryHostPage {
    posted: RefCell<Vec<(String, String)>>,
}

impl MemoryHostPage {
    /// Every message posted so far, as (target origin, JSON).
    pub fn posted(&self) -> Vec<(String, String)> {
        self.posted.borrow().clone()
    }
}

impl HostPage for MemoryHostPage {
    fn post(&self, message: &str, target_origin: &str) {
        self.posted
            .borrow_mut()
            .push((target_origin.to_owned(), message.to_owned()));
    }
}
