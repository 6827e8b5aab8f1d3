use gloo_storage::{LocalStorage, Storage};
use quiz_application::{KeyValueStore, StoreError};
use wasm_bindgen::{JsCast, JsValue};

/// localStorage through gloo-storage. gloo panics (throws) when the browser
/// refuses localStorage itself, so access is probed first and a refusal
/// becomes `StoreError::Unavailable`.
#[derive(Clone)]
pub struct BrowserStore {
    available: Result<(), String>,
}

impl BrowserStore {
    pub fn open() -> BrowserStore {
        let available = match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(_))) => Ok(()),
            Some(Ok(None)) => Err("this browser has no localStorage".into()),
            Some(Err(error)) => Err(describe(&error)),
            None => Err("no window".into()),
        };
        BrowserStore { available }
    }

    fn storage(&self) -> Result<web_sys::Storage, StoreError> {
        self.available.clone().map_err(StoreError::Unavailable)?;
        Ok(LocalStorage::raw())
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "refused by the browser".into())
}

fn is_quota_error(error: &JsValue) -> bool {
    error
        .dyn_ref::<js_sys::Error>()
        .is_some_and(|e| e.name() == "QuotaExceededError")
}

impl KeyValueStore for BrowserStore {
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage()?
            .remove_item(key)
            .map_err(|e| StoreError::Other(describe(&e)))
    }

    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?
            .get_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = self.storage()?;
        let unavailable = |e: JsValue| StoreError::Unavailable(describe(&e));
        let length = storage.length().map_err(unavailable)?;
        (0..length)
            .filter_map(|index| storage.key(index).map_err(unavailable).transpose())
            .collect()
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage()?.set_item(key, value).map_err(|e| {
            if is_quota_error(&e) {
                StoreError::Full
            } else {
                StoreError::Other(describe(&e))
            }
        })
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use quiz_application::progress::{ProgressBook, StorageNotice};
    use quiz_application::storage::{PROGRESS_BACKUP_KEY, PROGRESS_KEY};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn clear() {
        LocalStorage::clear();
    }

    #[wasm_bindgen_test]
    fn values_written_are_read_back() {
        clear();
        let store = BrowserStore::open();
        assert_eq!(store.read("k").unwrap(), None);
        store.write("k", "value").unwrap();
        assert_eq!(
            BrowserStore::open().read("k").unwrap(),
            Some("value".into())
        );
    }

    #[wasm_bindgen_test]
    fn every_key_is_listed() {
        clear();
        let store = BrowserStore::open();
        store.write("a", "1").unwrap();
        store.write("b", "2").unwrap();
        let mut keys = store.keys().unwrap();
        keys.sort();
        assert_eq!(keys, ["a", "b"]);
    }

    #[wasm_bindgen_test]
    fn a_write_over_the_quota_reports_full() {
        clear();
        let store = BrowserStore::open();
        let huge = "x".repeat(12 * 1024 * 1024);
        assert_eq!(store.write("huge", &huge), Err(StoreError::Full));
    }

    #[wasm_bindgen_test]
    fn corrupt_progress_in_local_storage_is_backed_up_not_lost() {
        clear();
        LocalStorage::raw()
            .set_item(PROGRESS_KEY, "{\"schema\":1,")
            .unwrap();
        let (_, notice) = ProgressBook::open(BrowserStore::open(), 42);
        let backup_key = format!("{PROGRESS_BACKUP_KEY}.42");
        assert_eq!(
            notice,
            Some(StorageNotice::Unreadable {
                backup_key: backup_key.clone()
            })
        );
        assert_eq!(
            LocalStorage::raw().get_item(&backup_key).unwrap(),
            Some("{\"schema\":1,".into())
        );
    }
}
