//! The last resort: a panic must leave a readable message, never a blank
//! page. Works without Leptos, since the reactive system may be the thing
//! that failed.

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        show_fatal_error(&info.to_string());
    }));
}

pub fn show_fatal_error(details: &str) {
    web_sys::console::error_1(&details.into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("fatal-error");
    panel.set_class_name("fatal-error");
    let _ = panel.set_attribute("role", "alert");
    let heading = document.create_element("h1").ok();
    let explanation = document.create_element("p").ok();
    let detail = document.create_element("pre").ok();
    if let (Some(heading), Some(explanation), Some(detail)) = (heading, explanation, detail) {
        heading.set_text_content(Some("Something went wrong"));
        explanation.set_text_content(Some(
            "The quiz stopped because of an error in the app. Your saved progress is safe: reload the page to continue.",
        ));
        detail.set_text_content(Some(details));
        let _ = panel.append_child(&heading);
        let _ = panel.append_child(&explanation);
        let _ = panel.append_child(&detail);
    }
    body.set_inner_html("");
    let _ = body.append_child(&panel);
}
