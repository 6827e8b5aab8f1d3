//! The address a `#/pack?url=` link asks to load a pack from. Only HTTPS
//! is fetched (plain HTTP on the machine itself, for authors trying a pack
//! out), so a link cannot make the app read `javascript:`, `data:` or
//! `file:` addresses, nor send a user name and password somewhere.

use crate::url_query::{percent_decode, percent_encode, query_pairs, shortened};

/// Longer addresses are refused: no pack needs one, and a page that shows
/// the address in a message must stay readable.
pub const MAX_PACK_URL_CHARS: usize = 2_000;

/// The hosts plain `http:` is fetched from.
const LOCAL_HOSTS: [&str; 2] = ["localhost", "127.0.0.1"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackUrl(String);

impl PackUrl {
    /// Reads the query of a `#/pack?url=…` link; the value may be
    /// percent-encoded. The error says what is wrong.
    pub fn from_query(query: &str) -> Result<PackUrl, String> {
        let mut url = None;
        for (name, raw) in query_pairs(query)? {
            if name != "url" {
                return Err(format!(
                    "the link has a parameter \"{}\": it takes only url",
                    shortened(name)
                ));
            }
            url = Some(
                percent_decode(raw)
                    .ok_or("the pack's address is not correctly URL-encoded (%XX)")?,
            );
        }
        let url = url.ok_or(
            "the link names no pack: it needs url= followed by the pack's https:// address",
        )?;
        PackUrl::parse(&url)
    }

    pub fn parse(url: &str) -> Result<PackUrl, String> {
        let length = url.chars().count();
        if length > MAX_PACK_URL_CHARS {
            return Err(format!(
                "the pack's address is {length} characters long; at most {MAX_PACK_URL_CHARS} are accepted"
            ));
        }
        if url.is_empty() {
            return Err("the pack's address is empty".into());
        }
        if !url.chars().all(|c| c.is_ascii_graphic()) {
            return Err(
                "the pack's address may not contain spaces, control or non-ASCII characters (write them as %XX)"
                    .into(),
            );
        }
        let refused = || {
            format!(
                "only https:// addresses are loaded (http:// only from localhost or 127.0.0.1), not \"{}\"",
                shortened(url)
            )
        };
        let (rest, secure) = match url.split_once("://") {
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("https") => (rest, true),
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => (rest, false),
            _ => return Err(refused()),
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.contains('@') {
            return Err("the pack's address may not carry a user name or password".into());
        }
        let (host, port) = authority.split_once(':').unwrap_or((authority, ""));
        let host_ok = !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        let port_ok = !authority.contains(':') || port.parse::<u16>().is_ok();
        if !host_ok || !port_ok {
            return Err(format!(
                "the pack's address has no valid host name: \"{}\"",
                shortened(url)
            ));
        }
        if !secure && !LOCAL_HOSTS.contains(&host.to_ascii_lowercase().as_str()) {
            return Err(refused());
        }
        Ok(PackUrl(url.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The query of the link that loads this pack.
    pub fn to_query(&self) -> String {
        format!("url={}", percent_encode(&self.0))
    }
}

/// The start of a long value, for messages that quote it.
#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(query: &str) -> String {
        PackUrl::from_query(query).expect_err(query)
    }

    #[test]
    fn https_and_local_http_addresses_are_read() {
        for url in [
            "https://course.example/packs/week-1.json",
            "https://course.example:8443/p.json?v=2",
            "http://localhost:8000/pack.json",
            "http://127.0.0.1:4000/pack.json",
            "HTTPS://Course.Example/p.json",
        ] {
            let read = PackUrl::parse(url).unwrap();
            assert_eq!(read.as_str(), url);
            assert_eq!(PackUrl::from_query(&read.to_query()), Ok(read));
        }
    }

    #[test]
    fn other_schemes_and_hosts_are_refused_with_a_reason() {
        let only_https = |url: &str| {
            format!(
                "only https:// addresses are loaded (http:// only from localhost or 127.0.0.1), not \"{url}\""
            )
        };
        assert_eq!(
            refusal("url=javascript:alert(1)"),
            only_https("javascript:alert(1)")
        );
        assert_eq!(
            refusal("url=data:application/json,%7B%7D"),
            only_https("data:application/json,{}")
        );
        assert_eq!(
            refusal("url=ftp://files.example/p.json"),
            only_https("ftp://files.example/p.json")
        );
        assert_eq!(refusal("url=packs/p.json"), only_https("packs/p.json"));
        assert_eq!(
            refusal("url=//evil.example/p.json"),
            only_https("//evil.example/p.json")
        );
        assert_eq!(
            refusal("url=http://course.example/p.json"),
            only_https("http://course.example/p.json")
        );
        assert_eq!(
            refusal("url=https://user:secret@course.example/p.json"),
            "the pack's address may not carry a user name or password"
        );
        assert_eq!(
            refusal("url=https:///p.json"),
            "the pack's address has no valid host name: \"https:///p.json\""
        );
        assert_eq!(
            refusal("url=https://a.example:99999/p.json"),
            "the pack's address has no valid host name: \"https://a.example:99999/p.json\""
        );
        assert_eq!(
            refusal("url=https://a.example/a%20b"),
            "the pack's address may not contain spaces, control or non-ASCII characters (write them as %XX)"
        );
    }

    #[test]
    fn malformed_links_are_explained() {
        assert_eq!(
            refusal(""),
            "the link names no pack: it needs url= followed by the pack's https:// address"
        );
        assert_eq!(refusal("url="), "the pack's address is empty");
        assert_eq!(
            refusal("url=https://a.example/p.json&url=https://b.example/p.json"),
            "the link gives \"url\" twice; give each parameter once"
        );
        assert_eq!(
            refusal("src=https://a.example/p.json"),
            "the link has a parameter \"src\": it takes only url"
        );
        assert_eq!(
            refusal("url=%E0%A4"),
            "the pack's address is not correctly URL-encoded (%XX)"
        );
        let long = format!("url=https://a.example/{}", "a".repeat(MAX_PACK_URL_CHARS));
        assert_eq!(
            refusal(&long),
            "the pack's address is 2018 characters long; at most 2000 are accepted"
        );
    }
}
