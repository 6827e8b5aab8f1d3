//! The release build carries a strict Content-Security-Policy, and nothing
//! the app does breaks it or writes an error to the console.

use e2e::views::{open_view, VIEWS};
use e2e::{console_messages, dist_dir, run_js, with_browser, StaticSite};

#[tokio::test]
async fn the_policy_is_strict_and_no_view_violates_it_or_logs_an_error() {
    let site = StaticSite::serve(&dist_dir());
    with_browser(|client| async move {
        let mut problems = Vec::new();
        for view in VIEWS {
            open_view(&client, &site, view).await;
            for message in console_messages(&client).await {
                if message.starts_with("SEVERE") || message.contains("Content Security Policy") {
                    problems.push(format!("{view}: {message}"));
                }
            }
        }
        assert!(problems.is_empty(), "console errors or CSP violations:\n{}", problems.join("\n"));

        let policy = run_js(
            &client,
            "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content",
        )
        .await;
        let policy = policy.as_str().expect("the page has a policy");
        for directive in ["default-src 'self'", "style-src 'self'", "object-src 'none'", "connect-src 'self' https:"] {
            assert!(policy.contains(directive), "{directive} missing from {policy}");
        }
        let scripts = policy.split(';').find(|d| d.trim().starts_with("script-src")).unwrap();
        assert!(!scripts.contains("unsafe-inline") && !scripts.contains("'unsafe-eval'"), "{scripts}");
        assert!(scripts.contains("'sha256-"), "the inline loader is pinned by hash: {scripts}");

        // An inline script the build did not pin must be refused.
        run_js(&client, "const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.head.append(s);").await;
        assert_eq!(run_js(&client, "return window.injected === true").await, serde_json::json!(false));
        let refused = console_messages(&client).await;
        assert!(
            refused.iter().any(|m| m.contains("Content Security Policy")),
            "the browser reports the refused script: {refused:?}"
        );
    })
    .await;
}
