use quiz_domain::{Bank, Catalog, BANK_FORMAT};

/// How a bank's questions-only file (`Bank::questions_only`) ends, beside
/// the bank's own `<book>.json`: what a quiz link fetches first.
pub const QUESTIONS_ONLY: &str = ".questions.json";

/// Reads a compiled bank file, refusing a format this app does not know
/// rather than showing half a quiz.
pub fn read_bank(json: &str) -> Result<Bank, String> {
    let bank: Bank = read(json, "question bank")?;
    Ok(bank)
}

pub fn read_catalog(json: &str) -> Result<Catalog, String> {
    read(json, "book catalog")
}

/// Only the version, read before the rest so that a file of another format
/// gets a clear message. (Parsing straight into typed structs, never into
/// `serde_json::Value`, keeps the Wasm smaller.)
#[derive(serde::Deserialize)]
struct FormatHeader {
    format: Option<u64>,
}

fn read<T: serde::de::DeserializeOwned>(json: &str, what: &str) -> Result<T, String> {
    let header: FormatHeader = serde_json::from_str(json).map_err(|e| {
        if e.is_data() {
            format!("the {what} has no format version")
        } else {
            format!("the {what} is not valid JSON ({e})")
        }
    })?;
    match header.format {
        Some(format) if format == u64::from(BANK_FORMAT) => {}
        Some(format) => {
            return Err(format!(
                "the {what} has format {format}, this app reads format {BANK_FORMAT}"
            ))
        }
        None => return Err(format!("the {what} has no format version")),
    }
    serde_json::from_str(json).map_err(|e| format!("the {what} is malformed ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalog_of_this_format_is_read() {
        let catalog = read_catalog(r#"{"format":1,"books":[]}"#).unwrap();
        assert!(catalog.books.is_empty());
    }

    #[test]
    fn wrong_formats_and_shapes_are_explained() {
        assert_eq!(
            read_bank(r#"{"format":2}"#).unwrap_err(),
            "the question bank has format 2, this app reads format 1"
        );
        assert_eq!(
            read_bank("[]").unwrap_err(),
            "the question bank has no format version"
        );
        assert!(read_bank("<html>")
            .unwrap_err()
            .starts_with("the question bank is not valid JSON"));
        assert!(read_bank(r#"{"format":1,"book":7}"#)
            .unwrap_err()
            .starts_with("the question bank is malformed"));
    }
}
