use quiz_application::Route;

pub fn current_route() -> Route {
    Route::parse(&current_hash())
}

pub fn is_at_home() -> bool {
    Route::leads_home(&current_hash())
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Changes the hash; the `hashchange` listener then updates the route, so
/// the back button and typed links take the same path.
pub fn go_to(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.to_hash());
    }
}

/// The app's address without its hash, such as
/// `https://quiz.example/app/index.html`.
pub fn app_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((page, _)) => page.to_owned(),
        None => href,
    }
}

/// Loads the page again from its current address.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Changes the hash without adding to the history, so that Back skips the
/// page left (a link that loads a pack, which would load it again).
pub fn replace_with(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(&route.to_hash());
    }
}
