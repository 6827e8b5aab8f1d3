//! axe-core on every page and view state, in light and dark: zero
//! violations. Also no horizontal page scroll and no header control over
//! another from 320 to 1920 px, with a screenshot of each view at 375, 768
//! and 1280 px saved to target/screenshots as a test artefact.

use e2e::views::{open_view, VIEWS};
use e2e::{axe_violations, dist_dir, run_js, with_browser_in, workspace_dir, Scheme, StaticSite};

async fn audit(scheme: Scheme) {
    let site = StaticSite::serve(&dist_dir());
    with_browser_in(scheme, |client| async move {
        let mut found = Vec::new();
        for view in VIEWS {
            open_view(&client, &site, view).await;
            for violation in axe_violations(&client).await {
                found.push(format!("{view}: {violation}"));
            }
        }
        assert!(
            found.is_empty(),
            "axe-core, {scheme:?} scheme:\n{}",
            found.join("\n")
        );
    })
    .await;
}

#[tokio::test]
async fn every_view_passes_axe_in_the_light_scheme() {
    audit(Scheme::Light).await;
}

#[tokio::test]
async fn every_view_passes_axe_in_the_dark_scheme() {
    audit(Scheme::Dark).await;
}

const WIDTHS: [u32; 5] = [320, 375, 768, 1280, 1920];

/// The header's title, links and the theme switch whose boxes (each line
/// of a wrapped link on its own) meet another's, as "a / b" lines.
const OVERLAPPING_HEADER_CONTROLS: &str = r#"
    const shown = [...document.querySelectorAll('.site-header .brand, .site-header nav a, #theme-switch')]
        .filter(e => !e.hidden && e.getClientRects().length);
    const boxes = shown.flatMap(e => [...e.getClientRects()].map(r => [e.textContent.trim(), r]));
    const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const found = [];
    boxes.forEach(([name, box], i) => boxes.slice(i + 1).forEach(([other, second]) => {
        if (name !== other && meet(box, second)) found.push(name + " / " + other);
    }));
    return found;
"#;
const SCREENSHOT_WIDTHS: [u32; 3] = [375, 768, 1280];

async fn layouts(scheme: Scheme) {
    let site = StaticSite::serve(&dist_dir());
    let out = workspace_dir().join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    with_browser_in(scheme, |client| async move {
        let mut overflowing = Vec::new();
        let mut overlapping = Vec::new();
        for width in WIDTHS {
            client.set_window_size(width, 900).await.unwrap();
            for view in VIEWS {
                open_view(&client, &site, view).await;
                let sizes = run_js(&client, "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]").await;
                let (scroll, client_width) = (sizes[0].as_u64().unwrap(), sizes[1].as_u64().unwrap());
                if scroll > client_width {
                    overflowing.push(format!("{view} at {width}px: {scroll}px wide in a {client_width}px window"));
                }
                for pair in run_js(&client, OVERLAPPING_HEADER_CONTROLS).await.as_array().unwrap() {
                    overlapping.push(format!("{view} at {width}px: {}", pair.as_str().unwrap()));
                }
                if SCREENSHOT_WIDTHS.contains(&width) {
                    let name = format!("{view}-{width}-{}.png", format!("{scheme:?}").to_lowercase());
                    std::fs::write(out.join(name), client.screenshot().await.unwrap()).unwrap();
                }
            }
        }
        assert!(overflowing.is_empty(), "horizontal page scroll:\n{}", overflowing.join("\n"));
        assert!(overlapping.is_empty(), "header controls over one another:\n{}", overlapping.join("\n"));
    })
    .await;
}

#[tokio::test]
async fn no_view_scrolls_sideways_in_the_light_scheme() {
    layouts(Scheme::Light).await;
}

#[tokio::test]
async fn no_view_scrolls_sideways_in_the_dark_scheme() {
    layouts(Scheme::Dark).await;
}

#[tokio::test]
async fn the_theme_switch_overrides_the_system_and_is_remembered() {
    let site = StaticSite::serve(&dist_dir());
    with_browser_in(Scheme::Light, |client| async move {
        let background = "return getComputedStyle(document.body).backgroundColor";
        client.goto(&site.url("#/")).await.unwrap();
        e2e::find(&client, ".book-card").await;
        let switch = e2e::find(&client, "#theme-switch").await;
        assert_eq!(switch.text().await.unwrap(), "Theme: system");
        assert_eq!(run_js(&client, background).await, "rgb(251, 251, 253)");
        switch.click().await.unwrap();
        switch.click().await.unwrap();
        assert_eq!(switch.text().await.unwrap(), "Theme: dark");
        assert_eq!(run_js(&client, background).await, "rgb(21, 22, 26)");

        client.refresh().await.unwrap();
        e2e::find(&client, ".book-card").await;
        assert_eq!(
            run_js(&client, background).await,
            "rgb(21, 22, 26)",
            "the choice is remembered"
        );
        let violations = axe_violations(&client).await;
        assert!(
            violations.is_empty(),
            "axe-core in the chosen dark theme: {violations:?}"
        );
        e2e::click(&client, "#theme-switch").await;
        assert_eq!(
            run_js(&client, background).await,
            "rgb(251, 251, 253)",
            "back to the system's light scheme"
        );
    })
    .await;
}
