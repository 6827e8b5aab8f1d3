//! How a typed answer is compared with the outputs a question accepts.
//!
//! Only differences a person cannot see or that the platform adds are
//! forgiven: line endings (`\r\n` and `\r` become `\n`), white space at
//! the end of each line, and blank lines before the first or after the
//! last line of text. Case, inner spaces and leading indentation matter,
//! since they are part of what the code prints.

/// The text as it is compared.
pub fn normalize_output(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = unified.split('\n').map(str::trim_end).collect();
    let first = lines.iter().position(|line| !line.is_empty());
    let last = lines.iter().rposition(|line| !line.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

/// Whether `typed` is one of the `accepted` outputs once both are normalised.
pub fn output_matches(typed: &str, accepted: &[String]) -> bool {
    let typed = normalize_output(typed);
    !typed.is_empty() && accepted.iter().any(|a| normalize_output(a) == typed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_trailing_space_and_outer_blank_lines_are_forgiven() {
        assert_eq!(normalize_output("a  \r\nb\t\rc\n"), "a\nb\nc");
        assert_eq!(normalize_output("\n  \n  x\n\n y \n\n\n"), "  x\n\n y");
        assert_eq!(normalize_output(" \r\n\t"), "");
    }

    #[test]
    fn case_inner_spaces_and_indentation_matter() {
        let accepted = vec!["[1, 2]\nTrue".to_string()];
        assert!(output_matches("[1, 2]  \r\nTrue\r\n\r\n", &accepted));
        assert!(!output_matches("[1,2]\nTrue", &accepted));
        assert!(!output_matches("[1, 2]\ntrue", &accepted));
        assert!(!output_matches(" [1, 2]\nTrue", &accepted));
        assert!(!output_matches("[1, 2]\n\nTrue", &accepted));
    }

    #[test]
    fn any_accepted_output_will_do_but_nothing_typed_never_matches() {
        let accepted = vec!["1.0".to_string(), "1.00".to_string()];
        assert!(output_matches("1.00", &accepted));
        assert!(!output_matches("1", &accepted));
        assert!(!output_matches("  \n", &["".to_string()]));
    }
}
