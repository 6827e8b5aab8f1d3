//! Files the person downloads or picks: the progress export and import.

use std::time::Duration;

use leptos::prelude::set_timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn failure(what: &str) -> impl Fn(JsValue) -> String + '_ {
    move |_| format!("the browser refused to {what}")
}

/// Offers `text` as a JSON file named `name` in the browser's downloads.
pub fn download_json(name: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(failure("prepare the file"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(failure("prepare the file"))?;
    let link: web_sys::HtmlAnchorElement = leptos::prelude::document()
        .create_element("a")
        .map_err(failure("start the download"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked later, not at once: the download reads the URL after the click.
    set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        Duration::from_secs(60),
    );
    Ok(())
}

/// The text of the file chosen in `input`, if one was chosen. A file over
/// `max_bytes` is refused without being read.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<Option<String>, String> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    if file.size() > max_bytes as f64 {
        return Err(format!(
            "The file was not imported: it is {} KB, more than the {} KB an export can be. Your progress is unchanged.",
            (file.size() / 1024.0) as u64,
            max_bytes / 1024
        ));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| format!("The file \"{}\" could not be read.", file.name()))?;
    Ok(text.as_string())
}
