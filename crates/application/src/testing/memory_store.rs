//! The in-memory store: for tests.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::ports::{KeyValueStore, StoreError};

#[derive(Default)]
pub struct MemoryStore {
    values: RefCell<HashMap<String, String>>,
    failure: RefCell<Option<StoreError>>,
    /// Reads fail too, as in a browser that blocks site data.
    refused: bool,
}

impl MemoryStore {
    pub fn with(key: &str, value: &str) -> MemoryStore {
        let store = MemoryStore::default();
        store.values.borrow_mut().insert(key.into(), value.into());
        store
    }

    /// A store the browser refuses altogether.
    pub fn refusing() -> MemoryStore {
        let store = MemoryStore {
            refused: true,
            ..MemoryStore::default()
        };
        store.fail_writes_with(StoreError::Unavailable("site data is blocked".into()));
        store
    }

    /// Makes every later write fail, as a full or blocked store does.
    pub fn fail_writes_with(&self, error: StoreError) {
        *self.failure.borrow_mut() = Some(error);
    }

    pub fn allow_writes(&self) {
        *self.failure.borrow_mut() = None;
    }

    pub fn value(&self, key: &str) -> Option<String> {
        self.values.borrow().get(key).cloned()
    }
}

impl KeyValueStore for MemoryStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.refused {
            return Err(StoreError::Unavailable("site data is blocked".into()));
        }
        Ok(self.value(key))
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(error) = self.failure.borrow().clone() {
            return Err(error);
        }
        self.values.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.values.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.values.borrow().keys().cloned().collect())
    }
}
