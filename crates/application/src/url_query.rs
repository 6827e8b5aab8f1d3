//! Values in the query of a hash route, encoded as `URLSearchParams`
//! writes them, so links built by other pages (and by `embed.js`) read back.

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
    fn broken_escapes_are_refused() {
        assert_eq!(percent_decode("%4"), None);
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%FF"), None);
        assert_eq!(percent_decode("a+b").as_deref(), Some("a b"));
    }
}
