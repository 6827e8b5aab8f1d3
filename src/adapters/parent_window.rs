//! The page that embeds the app in a frame, reached through
//! `window.parent`: the browser side of the `HostPage` port.

use quiz_application::HostPage;

pub struct ParentWindow;

impl HostPage for ParentWindow {
    fn post(&self, message: &str, target_origin: &str) {
        let parent = web_sys::window().and_then(|w| w.parent().ok().flatten());
        // Sent as an object, not a string, so hosts read `event.data.type`.
        if let (Some(parent), Ok(data)) = (parent, js_sys::JSON::parse(message)) {
            let _ = parent.post_message(&data, target_origin);
        }
    }
}

/// A message's data as JSON text: hosts may post the object or its text.
pub fn message_json(event: &web_sys::MessageEvent) -> Option<String> {
    let data = event.data();
    data.as_string()
        .or_else(|| js_sys::JSON::stringify(&data).ok().map(String::from))
}
