use quiz_application::theme::Theme;

/// Sets `<html data-theme>` as public/boot.js does for the theme switch;
/// without it the stylesheet follows the system.
pub fn apply_theme(theme: Theme) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme.data_theme() {
        Some(value) => root.set_attribute("data-theme", value),
        None => root.remove_attribute("data-theme"),
    };
}
