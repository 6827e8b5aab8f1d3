use quiz_application::packs::pack_size_problem;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches a file next to index.html (a relative URL, so the app works
/// under any sub-path).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let failed = |_| format!("could not download {url}: the network request failed");
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| format!("could not download {url}"))?;
    if !response.ok() {
        return Err(format!(
            "could not download {url}: the server answered {}",
            response.status()
        ));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    text.as_string()
        .ok_or_else(|| format!("could not read {url} as text"))
}

/// Fetches a pack from another site: a CORS request without cookies or
/// credentials, refused unread when the server announces a pack over the
/// size limit (the pack reader checks the size again, since a server may
/// not say it).
pub async fn fetch_pack(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let failed = |_| {
        "the request failed: check the address, and that its server lets other sites read the pack (the header Access-Control-Allow-Origin)".to_owned()
    };
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|length| length.parse::<usize>().ok());
    if let Some(problem) = announced.and_then(pack_size_problem) {
        return Err(problem);
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    text.as_string()
        .ok_or_else(|| "the pack could not be read as text".to_owned())
}
