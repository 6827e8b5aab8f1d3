//! Files the person downloads or picks: the progress export and import,
//! and quiz packs.

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

/// A file the person picked: its name and its text.
pub struct PickedFile {
    pub name: String,
    pub text: String,
}

/// The file chosen in `input`, if one was chosen. A file of more bytes
/// than `max_bytes` is refused without being read, with the message
/// `too_big` writes from its size.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
    too_big: impl FnOnce(usize) -> String,
) -> Result<Option<PickedFile>, String> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    let name = file.name();
    if file.size() > max_bytes as f64 {
        return Err(too_big(file.size() as usize));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| format!("The file \"{name}\" could not be read."))?;
    Ok(text.as_string().map(|text| PickedFile { name, text }))
}
