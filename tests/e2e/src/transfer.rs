//! The progress file in headless Chromium: what the export button
//! downloads, and a file given to the import button.

use fantoccini::Client;

use crate::{click, find, run_js, wait_for_text};

/// Presses the export button and returns the downloaded file's text.
pub async fn export(client: &Client) -> String {
    // Reads the file as it is made and catches the download link's click
    // (a fetch of the blob URL would break the page's CSP).
    run_js(
        client,
        "window.exported = null;
         const createObjectURL = URL.createObjectURL;
         URL.createObjectURL = blob => {
             blob.text().then(text => { window.exported = window.exportName + '\\n' + text; });
             return createObjectURL.call(URL, blob);
         };
         HTMLAnchorElement.prototype.click = function () { window.exportName = this.download; };",
    )
    .await;
    click(client, "#export").await;
    for _ in 0..100 {
        if let Some(file) = run_js(client, "return window.exported").await.as_str() {
            let (name, text) = file.split_once('\n').unwrap();
            assert!(
                name.starts_with("python-architect-quiz-progress-") && name.ends_with(".json"),
                "{name}"
            );
            return text.to_owned();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the export produced no file");
}

pub async fn import(client: &Client, text: &str, name: &str) -> String {
    let path = std::env::temp_dir().join(format!("{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    find(client, "#import-file")
        .await
        .send_keys(path.to_str().unwrap())
        .await
        .unwrap();
    let message = wait_for_text(client, "#transfer-result", |t| t.contains("mport")).await;
    std::fs::remove_file(&path).unwrap();
    message
}
