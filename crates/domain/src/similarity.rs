use std::collections::HashSet;

/// Lowercase words of a text, with HTML tags left out, so that prompts are
/// compared on what a reader sees.
pub fn normalized_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if c.is_alphanumeric() || c == '_' => word.extend(c.to_lowercase()),
            _ => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Share of word pairs two texts have in common above which they count as the
/// same question asked twice.
const NEAR_DUPLICATE_OVERLAP: f64 = 0.8;

/// True when two texts have the same words, or nearly the same word pairs
/// (Jaccard similarity of word bigrams).
pub fn near_duplicate(a: &[String], b: &[String]) -> bool {
    if a == b {
        return true;
    }
    let pairs = |words: &[String]| -> HashSet<(String, String)> {
        words
            .windows(2)
            .map(|pair| (pair[0].clone(), pair[1].clone()))
            .collect()
    };
    let (pairs_a, pairs_b) = (pairs(a), pairs(b));
    let union = pairs_a.union(&pairs_b).count();
    if union == 0 {
        return false;
    }
    let common = pairs_a.intersection(&pairs_b).count();
    common as f64 / union as f64 >= NEAR_DUPLICATE_OVERLAP
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        normalized_words(text)
    }

    #[test]
    fn words_ignore_case_punctuation_and_tags() {
        assert_eq!(
            words("<p>What does <code>len(x)</code> return?</p>"),
            ["what", "does", "len", "x", "return"]
        );
    }

    #[test]
    fn rewording_a_little_is_still_a_duplicate() {
        let a = words("Which object does the repository return when the batch reference is unknown in the fake repository used by the tests?");
        let b = words("Which object does the repository return when the batch reference is unknown in the fake repository used by unit tests?");
        assert!(near_duplicate(&a, &b));
    }

    #[test]
    fn different_snippets_are_different_questions() {
        let a = words("What does this code print? print([1, 2] * 2)");
        let b =
            words("What does this code print? d = {}; d.setdefault('k', []).append(1); print(d)");
        assert!(!near_duplicate(&a, &b));
    }
}
