//! Size budgets of the release build, in brotli bytes (quality 11, as a
//! static host would precompress). Deterministic, so they are tests.

use std::io::Write;
use std::path::Path;

use e2e::{dist_dir, home_page_files, with_browser, StaticSite};

/// The budget: 90 KB. The release build loads 89,892 bytes today
/// (docs/size.md): the home page runs a Wasm of its own that
/// draws from summaries saved with the records, and the whole app's Wasm
/// loads when the person leaves home.
const HOME_PAGE_BUDGET: usize = 90_000;
const BANK_BUDGET: usize = 40_000;

fn brotli_size(path: &Path) -> usize {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(&bytes).unwrap();
    }
    out.len()
}

#[tokio::test]
async fn everything_the_home_page_loads_fits_the_budget() {
    let dist = dist_dir();
    let site = StaticSite::serve(&dist);
    with_browser(|client| async move {
        let mut total = 0;
        let mut lines = Vec::new();
        for file in home_page_files(&client, &site).await {
            let size = brotli_size(&dist.join(&file));
            lines.push(format!("{size:>7} {file}"));
            total += size;
        }
        println!(
            "home page, brotli bytes:\n{}\n{total:>7} in all",
            lines.join("\n")
        );
        assert!(
            lines.len() >= 4,
            "html, js, wasm, css and the catalog load: {lines:?}"
        );
        assert!(
            total <= HOME_PAGE_BUDGET,
            "the home page loads {total} brotli bytes, over the {HOME_PAGE_BUDGET} budget:\n{}",
            lines.join("\n")
        );
    })
    .await;
}

#[test]
fn every_bank_file_fits_the_budget() {
    let banks = dist_dir().join("banks");
    let mut checked = 0;
    for entry in std::fs::read_dir(&banks).unwrap() {
        let path = entry.unwrap().path();
        let size = brotli_size(&path);
        println!("{size:>7} {}", path.display());
        assert!(
            size <= BANK_BUDGET,
            "{} is {size} brotli bytes, over {BANK_BUDGET}",
            path.display()
        );
        checked += 1;
    }
    assert_eq!(
        checked, 11,
        "five banks, their questions-only files and the catalog"
    );
}
