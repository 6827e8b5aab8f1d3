//! Whether the browser believes it is online: reading links are shown
//! offline too, with a word that they need a connection.

/// `navigator.onLine`; true when it cannot be read.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|window| window.navigator().on_line())
}
