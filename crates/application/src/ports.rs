use std::fmt;

/// Where progress is kept: a string store with keys, as localStorage is.
/// Serialising and schema versions stay in the application so they can be
/// tested natively; adapters only move strings.
pub trait KeyValueStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn write(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// Several users of one store, as tabs share one localStorage.
impl<T: KeyValueStore> KeyValueStore for &T {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).read(key)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).write(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refuses storage (site data blocked, sandboxed frame).
    Unavailable(String),
    /// The quota is used up.
    Full,
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(f, "storage is not available ({why})"),
            StoreError::Full => write!(f, "storage is full"),
            StoreError::Other(why) => write!(f, "storage failed ({why})"),
        }
    }
}

/// Milliseconds since the Unix epoch.
pub trait Clock {
    fn now_ms(&self) -> u64;
}

/// The page that embeds the quiz in a frame. Adapters only deliver
/// strings; what is sent, and to which origin, is decided by `EmbedChannel`.
pub trait HostPage {
    /// Posts the JSON `message` to the host page, delivered only if that
    /// page's origin is `target_origin`.
    fn post(&self, message: &str, target_origin: &str);
}

impl<T: HostPage> HostPage for &T {
    fn post(&self, message: &str, target_origin: &str) {
        (**self).post(message, target_origin)
    }
}
