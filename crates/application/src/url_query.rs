//! The query of a hash route: its parameters, each given once, and their
//! values, encoded as `URLSearchParams` writes them, so links built by
//! other pages (and by `embed.js`) read back.

/// A parameter name as a message shows it: a hostile link's name can be
/// any length.
pub fn shortened(text: &str) -> String {
    const SHOWN: usize = 80;
    match text.char_indices().nth(SHOWN) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// The `name=value` pairs of a query, in order. Every route refuses a
/// parameter given twice, in these words, rather than read either value.
pub fn query_pairs(query: &str) -> Result<Vec<(&str, &str)>, String> {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        if pairs.iter().any(|(seen, _)| *seen == name) {
            return Err(format!(
                "the link gives \"{}\" twice; give each parameter once",
                shortened(name)
            ));
        }
        pairs.push((name, value));
    }
    Ok(pairs)
}

/// `%XX` escapes and `+` for a space, as in form-encoded queries; None when
/// an escape is cut short or the bytes are not UTF-8.
pub fn percent_decode(value: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(value.len());
    let mut rest = value.bytes();
    while let Some(byte) = rest.next() {
        bytes.push(match byte {
            b'%' => {
                let high = char::from(rest.next()?).to_digit(16)?;
                let low = char::from(rest.next()?).to_digit(16)?;
                (high * 16 + low) as u8
            }
            b'+' => b' ',
            other => other,
        });
    }
    String::from_utf8(bytes).ok()
}

/// Escapes every byte but letters, digits and `-._~:/`, so a URL carried as
/// a value cannot end the value (`&`, `#`) or change it (`%`, `+`).
pub fn percent_encode(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~:/".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_values_decode_to_themselves() {
        for value in [
            "https://course.example/packs/a.json?v=2&x=1#top",
            "100% + naïve",
            "",
        ] {
            assert_eq!(
                percent_decode(&percent_encode(value)).as_deref(),
                Some(value)
            );
        }
        assert_eq!(
            percent_encode("https://a.example/p q?x=1&y"),
            "https://a.example/p%20q%3Fx%3D1%26y"
        );
    }

    #[test]
    fn a_parameter_given_twice_is_refused_by_name() {
        assert_eq!(
            query_pairs("count=5&seed=&flag&count=6"),
            Err("the link gives \"count\" twice; give each parameter once".into())
        );
        assert_eq!(
            query_pairs("count=5&&seed=2&flag"),
            Ok(vec![("count", "5"), ("seed", "2"), ("flag", "")])
        );
    }

    #[test]
    fn broken_escapes_are_refused() {
        assert_eq!(percent_decode("%4"), None);
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%FF"), None);
        assert_eq!(percent_decode("a+b").as_deref(), Some("a b"));
    }
}
