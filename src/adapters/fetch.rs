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
