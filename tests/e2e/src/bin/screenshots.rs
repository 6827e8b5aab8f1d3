//! `cargo run -p e2e --bin screenshots -- DIR`: saves PNGs of the main views
//! of the release build (home, question, feedback, results) for design
//! review and the README.

use std::path::PathBuf;

use e2e::{click, dist_dir, find, with_browser, StaticSite};

#[tokio::main]
async fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/screenshots".into()),
    );
    std::fs::create_dir_all(&out).expect("screenshot folder");
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        let save = |name: &'static str, png: Vec<u8>| {
            let path = out.join(format!("{name}.png"));
            std::fs::write(&path, png).expect("write screenshot");
            println!("saved {}", path.display());
        };
        client.set_window_size(1280, 1000).await.unwrap();
        client.goto(&site.url("")).await.unwrap();
        find(&client, ".book-card").await;
        save("home", client.screenshot().await.unwrap());
        client
            .goto(&site.url("#/book/fluent-python/quiz?count=3&seed=11"))
            .await
            .unwrap();
        find(&client, ".options .option input").await;
        save("question", client.screenshot().await.unwrap());
        click(&client, ".options .option label").await;
        click(&client, "#check").await;
        find(&client, ".feedback.answered").await;
        save("feedback", client.screenshot().await.unwrap());
    })
    .await;
}
