//! Whether a bank can be passed by test-taking cues instead of knowledge.
//!
//! A test-wise solver answers every choice question without reading the
//! prompt's meaning, by the cues item-writing guides warn about: the longest
//! option, the option that repeats the prompt's words, avoiding absolute
//! words, and (multiple select) marking the longer half. A bank fails when a
//! cue beats chance by more than [`CUE_MARGIN`] on its single-choice or
//! multiple-select questions, when a right option is much longer than every
//! wrong one, when its true/false keys lean one way, or when absolute words
//! mark the wrong options.

use std::collections::BTreeSet;

use quiz_domain::{Bank, Question, QuestionKind};

/// How far (as a share, 0.10 = ten points) a cue may beat chance.
pub const CUE_MARGIN: f64 = 0.10;
/// The right option may be at most this many times the longest wrong one.
pub const LENGTH_RATIO: f64 = 1.5;
/// The share of true/false questions whose key is "True", inclusive.
pub const TRUE_SHARE: (f64, f64) = (0.40, 0.60);
/// How much more often wrong options may hold an absolute word than right ones.
pub const ABSOLUTE_GAP: f64 = 0.10;

/// Words that test-wise readers learn to distrust in an option.
pub const ABSOLUTE_WORDS: [&str; 9] = [
    "always",
    "never",
    "only",
    "cannot",
    "can't",
    "must",
    "any",
    "every",
    "impossible",
];

/// Short words that say nothing about an option's content, left out when
/// counting the prompt's words an option repeats.
const FILLER_WORDS: [&str; 40] = [
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "is",
    "are", "was", "be", "it", "its", "as", "that", "this", "which", "what", "does", "do", "not",
    "no", "if", "so", "than", "then", "when", "into", "each", "one", "they", "their", "has",
];

/// The questions a cue is scored on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// `single` questions: one right option among several statements.
    SingleChoice,
    /// `multiple` questions: all or nothing.
    MultipleSelect,
}

impl Group {
    pub fn name(self) -> &'static str {
        match self {
            Group::SingleChoice => "single choice",
            Group::MultipleSelect => "multiple select",
        }
    }

    fn of(kind: QuestionKind) -> Option<Group> {
        match kind {
            QuestionKind::Single => Some(Group::SingleChoice),
            QuestionKind::Multiple => Some(Group::MultipleSelect),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// Single choice: the longest option. Multiple select: every option
    /// longer than the question's median option.
    Longest,
    /// Single choice: the option that repeats most of the prompt's words.
    /// Multiple select: the options that repeat more than the median.
    PromptWords,
    /// Avoid options with an absolute word; guess among the rest.
    /// Multiple select: mark exactly the options without one.
    AvoidAbsolutes,
}

impl Cue {
    pub const ALL: [Cue; 3] = [Cue::Longest, Cue::PromptWords, Cue::AvoidAbsolutes];

    pub fn name(self) -> &'static str {
        match self {
            Cue::Longest => "longest option",
            Cue::PromptWords => "repeats the prompt",
            Cue::AvoidAbsolutes => "avoids absolute words",
        }
    }
}

/// One cue's expected score over one group of a bank's questions.
#[derive(Clone, Debug)]
pub struct CueScore {
    pub group: Group,
    pub questions: usize,
    pub chance: f64,
    pub cue: Cue,
    pub score: f64,
}

impl CueScore {
    pub fn beats_chance(&self) -> bool {
        self.score - self.chance > CUE_MARGIN + 1e-9
    }
}

/// A right option much longer than the longest wrong one.
#[derive(Clone, Debug)]
pub struct LengthCue {
    pub question: String,
    pub right: usize,
    pub longest_wrong: usize,
    /// The author's reason for keeping it, from `length_cue_ok`.
    pub allowed_because: Option<String>,
}

/// Everything the solver found in one bank.
#[derive(Clone, Debug)]
pub struct Fairness {
    pub book: String,
    pub cues: Vec<CueScore>,
    pub length_cues: Vec<LengthCue>,
    /// True keys and true/false questions.
    pub true_keys: (usize, usize),
    /// Share of wrong options and of right options holding an absolute word.
    pub absolutes: (f64, f64),
}

impl Fairness {
    /// What makes the bank a giveaway, one line each.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for cue in self.cues.iter().filter(|c| c.beats_chance()) {
            problems.push(format!(
                "{} questions: the cue \"{}\" scores {} against chance {} (more than {} points above)",
                cue.group.name(),
                cue.cue.name(),
                percent(cue.score),
                percent(cue.chance),
                points(CUE_MARGIN)
            ));
        }
        for cue in self
            .length_cues
            .iter()
            .filter(|c| c.allowed_because.is_none())
        {
            problems.push(format!(
                "question {}: the right option is {} characters, more than {LENGTH_RATIO} times the longest wrong one ({}); shorten it, or give length_cue_ok = \"reason\"",
                cue.question, cue.right, cue.longest_wrong
            ));
        }
        let (trues, total) = self.true_keys;
        if total > 0 {
            let share = trues as f64 / total as f64;
            if share < TRUE_SHARE.0 - 1e-9 || share > TRUE_SHARE.1 + 1e-9 {
                problems.push(format!(
                    "true/false questions: {trues} of {total} are true ({}), outside {} to {}",
                    percent(share),
                    percent(TRUE_SHARE.0),
                    percent(TRUE_SHARE.1)
                ));
            }
        }
        let (wrong, right) = self.absolutes;
        if wrong - right > ABSOLUTE_GAP + 1e-9 {
            problems.push(format!(
                "absolute words ({}) stand in {} of wrong options but {} of right ones (more than {} points apart)",
                ABSOLUTE_WORDS.join(", "),
                percent(wrong),
                percent(right),
                points(ABSOLUTE_GAP)
            ));
        }
        problems
    }
}

/// Judges one bank. `allowed_length_cues` pairs question ids with the
/// author's reason for a right option that is long on purpose.
pub fn judge(bank: &Bank, allowed_length_cues: &[(String, String)]) -> Fairness {
    let mut cues = Vec::new();
    for group in [Group::SingleChoice, Group::MultipleSelect] {
        let questions: Vec<&Question> = bank
            .questions
            .iter()
            .filter(|q| Group::of(q.kind) == Some(group))
            .collect();
        if questions.is_empty() {
            continue;
        }
        let mean = |f: &dyn Fn(&Question) -> f64| {
            questions.iter().map(|q| f(q)).sum::<f64>() / questions.len() as f64
        };
        let chance = mean(&|q| chance(q, group));
        for cue in Cue::ALL {
            cues.push(CueScore {
                group,
                questions: questions.len(),
                chance,
                cue,
                score: mean(&|q| solve(q, group, cue)),
            });
        }
    }
    Fairness {
        book: bank.book.id.clone(),
        cues,
        length_cues: length_cues(bank, allowed_length_cues),
        true_keys: true_keys(bank),
        absolutes: absolutes(bank),
    }
}

fn chance(question: &Question, group: Group) -> f64 {
    let options = question.options.len() as f64;
    match group {
        Group::SingleChoice => 1.0 / options,
        Group::MultipleSelect => 0.5f64.powf(options),
    }
}

/// The expected score of the cue on one question (ties are split).
fn solve(question: &Question, group: Group, cue: Cue) -> f64 {
    let prompt = words(&plain_text(&question.prompt));
    let measure = |text: &str| -> f64 {
        match cue {
            Cue::Longest => text.chars().count() as f64,
            Cue::PromptWords => repeated_words(text, &prompt) as f64,
            Cue::AvoidAbsolutes => {
                if has_absolute(text) {
                    0.0
                } else {
                    1.0
                }
            }
        }
    };
    let values: Vec<f64> = question
        .options
        .iter()
        .map(|o| measure(&option_text(question, &o.text)))
        .collect();
    match group {
        Group::SingleChoice => {
            let best = values.iter().cloned().fold(f64::MIN, f64::max);
            let picked: Vec<usize> = (0..values.len()).filter(|&i| values[i] == best).collect();
            let right = picked
                .iter()
                .filter(|&&i| question.options[i].correct)
                .count();
            right as f64 / picked.len() as f64
        }
        Group::MultipleSelect => {
            let threshold = match cue {
                Cue::AvoidAbsolutes => 0.5,
                Cue::Longest | Cue::PromptWords => median(&values),
            };
            let all_right = question
                .options
                .iter()
                .zip(&values)
                .all(|(option, value)| (*value > threshold) == option.correct);
            if all_right {
                1.0
            } else {
                0.0
            }
        }
    }
}

fn length_cues(bank: &Bank, allowed: &[(String, String)]) -> Vec<LengthCue> {
    bank.questions
        .iter()
        .filter(|q| Group::of(q.kind).is_some() || q.kind == QuestionKind::Output)
        .filter_map(|q| {
            let length = |correct: bool| {
                q.options
                    .iter()
                    .filter(|o| o.correct == correct)
                    .map(|o| option_text(q, &o.text).chars().count())
                    .max()
            };
            let (right, longest_wrong) = (length(true)?, length(false)?);
            (right as f64 > LENGTH_RATIO * longest_wrong as f64).then(|| LengthCue {
                question: q.id.clone(),
                right,
                longest_wrong,
                allowed_because: allowed
                    .iter()
                    .find(|(id, _)| *id == q.id)
                    .map(|(_, reason)| reason.clone()),
            })
        })
        .collect()
}

fn true_keys(bank: &Bank) -> (usize, usize) {
    let questions: Vec<&Question> = bank
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::TrueFalse)
        .collect();
    let trues = questions
        .iter()
        .filter(|q| {
            q.options
                .iter()
                .any(|o| o.correct && plain_text(&o.text).trim().eq_ignore_ascii_case("true"))
        })
        .count();
    (trues, questions.len())
}

fn absolutes(bank: &Bank) -> (f64, f64) {
    let mut counts = [(0usize, 0usize); 2];
    for question in bank
        .questions
        .iter()
        .filter(|q| Group::of(q.kind).is_some())
    {
        for option in &question.options {
            let slot = &mut counts[usize::from(option.correct)];
            slot.1 += 1;
            if has_absolute(&option_text(question, &option.text)) {
                slot.0 += 1;
            }
        }
    }
    let share = |(with, all): (usize, usize)| {
        if all == 0 {
            0.0
        } else {
            with as f64 / all as f64
        }
    };
    (share(counts[0]), share(counts[1]))
}

/// What a reader sees of an option: the literal output, or its HTML's text.
fn option_text(question: &Question, text: &str) -> String {
    if question.kind == QuestionKind::Output {
        text.to_owned()
    } else {
        plain_text(text)
    }
}

/// The text of an HTML fragment: tags dropped, the entities the Markdown
/// renderer writes decoded.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\''))
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn repeated_words(option: &str, prompt: &BTreeSet<String>) -> usize {
    words(option)
        .iter()
        .filter(|w| !FILLER_WORDS.contains(&w.as_str()) && prompt.contains(*w))
        .count()
}

fn has_absolute(text: &str) -> bool {
    words(text)
        .iter()
        .any(|w| ABSOLUTE_WORDS.contains(&w.as_str()))
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    }
}

pub fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

fn points(share: f64) -> String {
    format!("{:.0}", share * 100.0)
}

/// The solver's scores per bank, cue and group, next to chance, and the
/// other rules' figures, as `check` prints them.
pub fn table(reports: &[Fairness]) -> String {
    let mut lines = vec![format!(
        "{:<26} {:<16} {:>9} {:>7}  {:>15} {:>19} {:>22}",
        "test-wise solver",
        "questions",
        "count",
        "chance",
        "longest option",
        "repeats the prompt",
        "avoids absolute words"
    )];
    for report in reports {
        for group in [Group::SingleChoice, Group::MultipleSelect] {
            let scores: Vec<&CueScore> = report.cues.iter().filter(|c| c.group == group).collect();
            let Some(first) = scores.first() else {
                continue;
            };
            let cell = |cue: Cue| {
                scores
                    .iter()
                    .find(|c| c.cue == cue)
                    .map(|c| {
                        format!(
                            "{}{}",
                            percent(c.score),
                            if c.beats_chance() { " !" } else { "" }
                        )
                    })
                    .unwrap_or_default()
            };
            lines.push(format!(
                "{:<26} {:<16} {:>9} {:>7}  {:>15} {:>19} {:>22}",
                report.book,
                group.name(),
                first.questions,
                percent(first.chance),
                cell(Cue::Longest),
                cell(Cue::PromptWords),
                cell(Cue::AvoidAbsolutes)
            ));
        }
        let (trues, total) = report.true_keys;
        let (wrong, right) = report.absolutes;
        lines.push(format!(
            "{:<26} true/false keys {trues} true of {total}; absolute words in {} of wrong options, {} of right ones",
            "",
            percent(wrong),
            percent(right)
        ));
        for cue in report
            .length_cues
            .iter()
            .filter(|c| c.allowed_because.is_some())
        {
            lines.push(format!(
                "{:<26} length_cue_ok {} ({} against {} characters): {}",
                "",
                cue.question,
                cue.right,
                cue.longest_wrong,
                cue.allowed_because.as_deref().unwrap_or_default()
            ));
        }
    }
    lines.push(format!(
        "(\"!\": more than {} points above chance; single choice chance is the mean of 1/options, multiple select marks each option at random, all or nothing)",
        points(CUE_MARGIN)
    ));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use quiz_domain::{AnswerOption, Book, BANK_FORMAT};

    fn question(id: &str, kind: QuestionKind, prompt: &str, options: &[(&str, bool)]) -> Question {
        Question {
            id: id.into(),
            chapter: "1".into(),
            topics: vec!["t".into()],
            difficulty: 1,
            kind,
            prompt: format!("<p>{prompt}</p>"),
            code: None,
            explanation: None,
            reread: None,
            read: Vec::new(),
            accept: Vec::new(),
            options: options
                .iter()
                .map(|(text, correct)| AnswerOption {
                    text: text.to_string(),
                    correct: *correct,
                    why: "w".into(),
                    fixed: false,
                })
                .collect(),
        }
    }

    fn bank(questions: Vec<Question>) -> Bank {
        Bank {
            format: BANK_FORMAT,
            book: Book {
                id: "b".into(),
                title: "T".into(),
                authors: "A".into(),
                edition: None,
                summary: "S".into(),
            },
            where_to_read: None,
            chapters: Vec::new(),
            questions,
        }
    }

    /// Four-option single questions; `right` is the key's text.
    fn single(n: usize, right: &str, wrong: [&str; 3]) -> Question {
        question(
            &format!("q{n}"),
            QuestionKind::Single,
            "Which store keeps the queue?",
            &[
                (right, true),
                (wrong[0], false),
                (wrong[1], false),
                (wrong[2], false),
            ],
        )
    }

    fn score(fairness: &Fairness, group: Group, cue: Cue) -> f64 {
        fairness
            .cues
            .iter()
            .find(|c| c.group == group && c.cue == cue)
            .map(|c| c.score)
            .expect("scored")
    }

    fn fair_singles() -> Vec<Question> {
        // The key is never the longest, never the most prompt-like, and as
        // often absolute as the wrong options.
        vec![
            single(
                1,
                "A red table",
                ["A blue table", "A green table", "Tables always"],
            ),
            single(
                2,
                "Only a list",
                ["A long tuple", "A long string", "A long bytes"],
            ),
            single(
                3,
                "A short one",
                ["A longer one", "A short two", "Another one"],
            ),
            single(4, "The set", ["The dict", "The list", "The deque"]),
        ]
    }

    #[test]
    fn a_bank_whose_keys_are_the_longest_options_is_refused() {
        let questions = (0..4)
            .map(|n| {
                single(
                    n,
                    "The one with a lot more words in it",
                    ["Short", "Brief", "Terse"],
                )
            })
            .collect();
        let fairness = judge(&bank(questions), &[]);
        assert_eq!(score(&fairness, Group::SingleChoice, Cue::Longest), 1.0);
        let problems = fairness.problems();
        assert!(
            problems
                .iter()
                .any(|p| p.contains("\"longest option\" scores 100 %")),
            "{problems:?}"
        );
        assert!(problems
            .iter()
            .any(|p| p.contains("question q0: the right option is 35 characters")));
    }

    #[test]
    fn a_bank_whose_keys_repeat_the_prompt_is_refused() {
        let questions = (0..4)
            .map(|n| single(n, "The queue store", ["A disk", "A file", "A row"]))
            .collect();
        let fairness = judge(&bank(questions), &[]);
        assert_eq!(score(&fairness, Group::SingleChoice, Cue::PromptWords), 1.0);
        assert!(fairness
            .problems()
            .iter()
            .any(|p| p.contains("\"repeats the prompt\" scores 100 %")));
    }

    #[test]
    fn a_bank_whose_wrong_options_hold_the_absolutes_is_refused_twice() {
        let questions = (0..4)
            .map(|n| {
                single(
                    n,
                    "A queue",
                    ["Never a queue", "Always a row", "Every file"],
                )
            })
            .collect();
        let fairness = judge(&bank(questions), &[]);
        assert_eq!(
            score(&fairness, Group::SingleChoice, Cue::AvoidAbsolutes),
            1.0
        );
        assert_eq!(fairness.absolutes, (1.0, 0.0));
        let problems = fairness.problems();
        assert!(problems
            .iter()
            .any(|p| p.contains("\"avoids absolute words\"")));
        assert!(problems
            .iter()
            .any(|p| p.contains("stand in 100 % of wrong options but 0 % of right ones")));
    }

    #[test]
    fn a_fair_bank_passes_and_ties_are_split() {
        let fairness = judge(&bank(fair_singles()), &[]);
        assert_eq!(fairness.problems(), Vec::<String>::new());
        assert_eq!(score(&fairness, Group::SingleChoice, Cue::Longest), 0.0);
        // Four options of four characters: the longest-option cue guesses.
        let tied = judge(
            &bank(vec![single(1, "Same", ["Also", "Four", "Char"])]),
            &[],
        );
        assert_eq!(score(&tied, Group::SingleChoice, Cue::Longest), 0.25);
    }

    #[test]
    fn multiple_select_keyed_on_the_longer_half_is_refused() {
        let gamed = question(
            "m",
            QuestionKind::Multiple,
            "Which hold?",
            &[
                ("A rather long right option", true),
                ("Another long right option", true),
                ("Short", false),
                ("Brief", false),
            ],
        );
        let fairness = judge(&bank(vec![gamed]), &[]);
        assert_eq!(score(&fairness, Group::MultipleSelect, Cue::Longest), 1.0);
        assert!(fairness
            .problems()
            .iter()
            .any(|p| p.starts_with("multiple select questions: the cue \"longest option\"")));
        let mixed = question(
            "m",
            QuestionKind::Multiple,
            "Which hold?",
            &[
                ("A rather long right option", true),
                ("Right", true),
                ("A rather long wrong option", false),
                ("Wrong", false),
            ],
        );
        assert_eq!(
            score(
                &judge(&bank(vec![mixed]), &[]),
                Group::MultipleSelect,
                Cue::Longest
            ),
            0.0
        );
    }

    #[test]
    fn a_long_key_passes_only_with_its_reason() {
        let long = vec![single(
            1,
            "A key of forty characters, give or take.",
            ["Wrong one", "Wrong two", "Wrong six"],
        )];
        let refused = judge(&bank(long.clone()), &[]);
        assert!(refused.problems().iter().any(|p| p.contains("question q1")));
        let allowed = judge(&bank(long), &[("q1".into(), "the output is long".into())]);
        assert!(!allowed.problems().iter().any(|p| p.contains("question q1")));
        assert!(table(&[allowed])
            .contains("length_cue_ok q1 (40 against 9 characters): the output is long"));
    }

    #[test]
    fn true_false_keys_must_be_balanced() {
        let statement = |n: usize, true_key: bool| {
            question(
                &format!("t{n}"),
                QuestionKind::TrueFalse,
                &format!("Statement {n}"),
                &[("True", true_key), ("False", !true_key)],
            )
        };
        let leaning = judge(&bank((0..5).map(|n| statement(n, n == 0)).collect()), &[]);
        assert!(leaning
            .problems()
            .iter()
            .any(|p| p.contains("1 of 5 are true (20 %), outside 40 % to 60 %")));
        let balanced = judge(&bank((0..5).map(|n| statement(n, n < 2)).collect()), &[]);
        assert_eq!(balanced.problems(), Vec::<String>::new());
    }

    #[test]
    fn option_text_is_read_without_markup() {
        assert_eq!(plain_text("<code>a &lt; b</code> &amp; c"), "a < b & c");
        assert!(has_absolute("It <em>never</em> does"));
        assert!(!has_absolute("Nevertheless"));
    }
}
