use std::cell::Cell;

use crate::embed::HostOrigin;
use crate::embed::{FrameMessage, HostCommand};
use crate::ports::HostPage;

/// The embedded quiz's line to its host page: messages go to the host's
/// origin only (never "*"), none at all without one, and commands are
/// taken from that origin only.
pub struct EmbedChannel<H: HostPage> {
    host: H,
    origin: Option<HostOrigin>,
    last_height: Cell<Option<u32>>,
}

impl<H: HostPage> EmbedChannel<H> {
    pub fn new(host: H, origin: Option<HostOrigin>) -> EmbedChannel<H> {
        EmbedChannel {
            host,
            origin,
            last_height: Cell::new(None),
        }
    }

    pub fn send(&self, message: &FrameMessage) {
        if let Some(origin) = &self.origin {
            self.host.post(&message.to_json(), origin.as_str());
        }
    }

    /// Tells the host the document's height when it differs from the last
    /// one told, so the host resizes the frame only on a change.
    pub fn send_height(&self, height: u32) {
        if self.last_height.replace(Some(height)) != Some(height) {
            self.send(&FrameMessage::Height { height });
        }
    }

    /// The command in a message from `sender` (`MessageEvent.origin`), if
    /// the sender is the host and the message is one; None is ignored.
    pub fn command(&self, sender: &str, json: &str) -> Option<HostCommand> {
        self.origin
            .as_ref()
            .filter(|origin| origin.accepts(sender))
            .and_then(|_| HostCommand::read(json))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::MemoryHostPage;
    use crate::theme::Theme;

    const HOST: &str = "https://course.example";
    const RESET: &str = r#"{"protocol":"python-architect-quiz","version":1,"type":"reset"}"#;

    fn host() -> Option<HostOrigin> {
        Some(HostOrigin::parse(HOST).unwrap())
    }

    #[test]
    fn messages_go_to_the_host_origin_only() {
        let page = MemoryHostPage::default();
        EmbedChannel::new(&page, host()).send(&FrameMessage::Ready);
        assert_eq!(
            page.posted(),
            [(
                HOST.to_owned(),
                r#"{"protocol":"python-architect-quiz","version":1,"type":"ready"}"#.to_owned()
            )]
        );
    }

    #[test]
    fn without_an_origin_nothing_is_posted() {
        let page = MemoryHostPage::default();
        let channel = EmbedChannel::new(&page, None);
        channel.send(&FrameMessage::Ready);
        channel.send_height(300);
        assert!(page.posted().is_empty());
    }

    #[test]
    fn a_height_is_posted_only_when_it_changes() {
        let page = MemoryHostPage::default();
        let channel = EmbedChannel::new(&page, host());
        for height in [300, 300, 420, 420, 300] {
            channel.send_height(height);
        }
        let heights: Vec<String> = page.posted().into_iter().map(|(_, json)| json).collect();
        assert_eq!(heights.len(), 3, "{heights:?}");
        assert!(
            heights[1].ends_with(r#""type":"height","height":420}"#),
            "{}",
            heights[1]
        );
    }

    #[test]
    fn commands_are_taken_from_the_host_origin_only() {
        let page = MemoryHostPage::default();
        let channel = EmbedChannel::new(&page, host());
        assert_eq!(channel.command(HOST, RESET), Some(HostCommand::Reset));
        assert_eq!(
            channel.command(
                HOST,
                r#"{"protocol":"python-architect-quiz","version":1,"type":"set-theme","theme":"light"}"#
            ),
            Some(HostCommand::SetTheme(Theme::Light))
        );
        for sender in ["https://evil.example", "http://course.example", "null", ""] {
            assert_eq!(channel.command(sender, RESET), None, "{sender:?}");
        }
    }

    #[test]
    fn without_an_origin_no_command_is_taken() {
        let page = MemoryHostPage::default();
        let channel = EmbedChannel::new(&page, None);
        assert_eq!(channel.command(HOST, RESET), None);
        assert_eq!(channel.command("null", RESET), None);
    }
}
