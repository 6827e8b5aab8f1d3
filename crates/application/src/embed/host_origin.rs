/// The origin of the page that embeds the quiz (`https://course.example`),
/// as a browser writes it in `location.origin` and `MessageEvent.origin`:
/// the only place results are posted to and the only sender whose commands
/// are obeyed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostOrigin(String);

impl HostOrigin {
    /// Accepts only the browser's own form (lower case, no path, no
    /// trailing slash), since messages are matched by exact equality.
    pub fn parse(value: &str) -> Result<HostOrigin, String> {
        let refused = || {
            format!(
                "origin must be the host page's origin (scheme, host and optional port, nothing after them), such as https://course.example, not \"{value}\""
            )
        };
        let rest = value
            .strip_prefix("https://")
            .or_else(|| value.strip_prefix("http://"))
            .ok_or_else(refused)?;
        let (host, port) = match rest.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (rest, None),
        };
        let host_ok = !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
        let port_ok = port.is_none_or(|port| {
            !port.is_empty()
                && port.chars().all(|c| c.is_ascii_digit())
                && port.parse::<u16>().is_ok()
        });
        if host_ok && port_ok {
            Ok(HostOrigin(value.to_owned()))
        } else {
            Err(refused())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a message's sender (`MessageEvent.origin`) is the host.
    pub fn accepts(&self, sender: &str) -> bool {
        self.0 == sender
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_as_browsers_write_them_are_accepted() {
        for origin in [
            "https://course.example",
            "http://localhost:8000",
            "http://127.0.0.1:41234",
        ] {
            assert_eq!(HostOrigin::parse(origin).unwrap().as_str(), origin);
        }
    }

    #[test]
    fn anything_but_an_origin_is_refused_with_the_reason() {
        for value in [
            "",
            "*",
            "null",
            "course.example",
            "ftp://course.example",
            "https://course.example/",
            "https://course.example/lesson",
            "https://Course.example",
            "https://course.example:",
            "https://course.example:99999",
            "https://",
            "https://.example",
        ] {
            assert_eq!(
                HostOrigin::parse(value),
                Err(format!("origin must be the host page's origin (scheme, host and optional port, nothing after them), such as https://course.example, not \"{value}\"")),
                "{value:?}"
            );
        }
    }

    #[test]
    fn only_the_exact_origin_is_accepted_as_a_sender() {
        let host = HostOrigin::parse("https://course.example").unwrap();
        assert!(host.accepts("https://course.example"));
        for other in [
            "https://evil.example",
            "http://course.example",
            "https://course.example:8443",
            "https://course.example.evil.example",
            "null",
            "",
        ] {
            assert!(!host.accepts(other), "{other:?}");
        }
    }
}
