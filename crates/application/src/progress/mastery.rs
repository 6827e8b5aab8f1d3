//! How well a person knows each chapter and topic of a book.
//!
//! A question counts by its latest answer only. Answered right today it
//! counts 100%; that weight halves every `HALF_LIFE_DAYS` days after the
//! answer (falling in a straight line within each half-life), so a question
//! answered right recently counts more than one answered right a month ago.
//! A wrong latest answer, or no answer yet, counts 0%. The mastery of a
//! chapter or topic is the mean over its questions in the current bank, so a
//! question removed from the bank leaves mastery but stays in history.

use quiz_domain::{Bank, Chapter};

use crate::keyed_list::{self, KeyedList};
use crate::progress::Progress;

pub const HALF_LIFE_DAYS: u64 = 30;
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mastery {
    /// Whole percent, 0 to 100.
    pub percent: u32,
    /// Questions answered at least once.
    pub seen: usize,
    pub questions: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookMastery {
    pub book: String,
    pub chapters: Vec<(Chapter, Mastery)>,
    /// Topics in alphabetical order.
    pub topics: KeyedList<Mastery>,
    /// Questions whose latest answer was wrong, in bank order.
    pub mistakes: Vec<String>,
}

/// The weight of a right answer given `age_ms` ago, in thousandths.
fn recency_weight(age_ms: u64) -> u64 {
    let days = age_ms / DAY_MS;
    let halvings = days / HALF_LIFE_DAYS;
    if halvings >= 10 {
        return 0;
    }
    let start = 1000 >> halvings;
    start - (start / 2) * (days % HALF_LIFE_DAYS) / HALF_LIFE_DAYS
}

impl BookMastery {
    pub fn of(progress: &Progress, bank: &Bank, now_ms: u64) -> BookMastery {
        // Each question's (weight in thousandths, seen), in bank order.
        let strengths: Vec<(u64, bool)> = bank
            .questions
            .iter()
            .map(
                |question| match progress.latest_answer(&bank.book.id, &question.id) {
                    Some((at, true)) => (recency_weight(now_ms.saturating_sub(at)), true),
                    Some(_) => (0, true),
                    None => (0, false),
                },
            )
            .collect();
        let mastery_of = |belongs: &dyn Fn(usize) -> bool| {
            let (mut total, mut seen, mut questions) = (0, 0, 0);
            for (index, &(weight, was_seen)) in strengths.iter().enumerate() {
                if belongs(index) {
                    total += weight;
                    seen += usize::from(was_seen);
                    questions += 1;
                }
            }
            Mastery {
                percent: (total / 10).checked_div(questions as u64).unwrap_or(0) as u32,
                seen,
                questions,
            }
        };
        let chapters = bank
            .chapters
            .iter()
            .map(|chapter| {
                let mastery = mastery_of(&|i| bank.questions[i].chapter == chapter.id);
                (chapter.clone(), mastery)
            })
            .collect();
        let mut topics: KeyedList<Mastery> = Vec::new();
        for topic in bank.questions.iter().flat_map(|q| &q.topics) {
            keyed_list::entry(&mut topics, topic, || {
                mastery_of(&|i| bank.questions[i].topics.contains(topic))
            });
        }
        let mistakes = bank
            .questions
            .iter()
            .filter(|q| {
                progress
                    .latest_answer(&bank.book.id, &q.id)
                    .is_some_and(|(_, right)| !right)
            })
            .map(|q| q.id.clone())
            .collect();
        BookMastery {
            book: bank.book.id.clone(),
            chapters,
            topics,
            mistakes,
        }
    }

    pub fn overall(&self) -> u32 {
        let (weighted, questions) = self.chapters.iter().fold((0, 0), |(w, n), (_, m)| {
            (w + m.percent as usize * m.questions, n + m.questions)
        });
        weighted.checked_div(questions).unwrap_or(0) as u32
    }

    /// The topics most in need of practice: answered at least once, lowest
    /// mastery first, the broader topic first on a tie.
    pub fn weakest_topics(&self, how_many: usize) -> Vec<(String, Mastery)> {
        let mut left: Vec<&(String, Mastery)> =
            self.topics.iter().filter(|(_, m)| m.seen > 0).collect();
        let mut weakest = Vec::new();
        // A few picks among at most a few hundred topics: a selection adds
        // less code to the Wasm than a sort.
        while weakest.len() < how_many {
            let Some(index) = (0..left.len())
                .min_by_key(|&i| (left[i].1.percent, std::cmp::Reverse(left[i].1.questions)))
            else {
                break;
            };
            weakest.push(left.remove(index).clone());
        }
        weakest
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quiz_domain::fixtures::{bank, question};
    use quiz_domain::{Question, QuestionKind};

    const NOW: u64 = 1_800_000_000_000;

    fn tagged(id: &str, chapter: &str, topics: &[&str]) -> Question {
        Question {
            chapter: chapter.into(),
            topics: topics.iter().map(|t| t.to_string()).collect(),
            ..question(id, QuestionKind::Single, &[0])
        }
    }

    fn answered(answers: &[(&str, u64, bool)]) -> Progress {
        let mut progress = Progress::default();
        for &(question, days_ago, right) in answers {
            progress.merge(Progress {
                answered: vec![(
                    "b".into(),
                    vec![(question.into(), (NOW - days_ago * DAY_MS, right))],
                )],
                ..Progress::default()
            });
        }
        progress
    }

    fn sample_bank() -> Bank {
        bank(
            "b",
            &["1", "2"],
            vec![
                tagged("a", "1", &["closures"]),
                tagged("b", "1", &["closures", "scope"]),
                tagged("c", "2", &["decorators"]),
                tagged("d", "2", &["decorators"]),
            ],
        )
    }

    #[test]
    fn a_right_answer_counts_less_as_it_ages() {
        assert_eq!(recency_weight(0), 1000);
        assert_eq!(recency_weight(15 * DAY_MS), 750);
        assert_eq!(recency_weight(30 * DAY_MS), 500);
        assert_eq!(recency_weight(60 * DAY_MS), 250);
        assert_eq!(recency_weight(400 * DAY_MS), 0);
        let today = BookMastery::of(&answered(&[("a", 0, true)]), &sample_bank(), NOW);
        let last_month = BookMastery::of(&answered(&[("a", 30, true)]), &sample_bank(), NOW);
        assert_eq!(today.chapters[0].1.percent, 50);
        assert_eq!(last_month.chapters[0].1.percent, 25);
    }

    #[test]
    fn wrong_and_unseen_questions_count_nothing() {
        let mastery = BookMastery::of(
            &answered(&[("a", 0, true), ("b", 0, false), ("c", 0, true)]),
            &sample_bank(),
            NOW,
        );
        assert_eq!(
            mastery.chapters[0].1,
            Mastery {
                percent: 50,
                seen: 2,
                questions: 2
            }
        );
        assert_eq!(
            mastery.chapters[1].1,
            Mastery {
                percent: 50,
                seen: 1,
                questions: 2
            }
        );
        assert_eq!(mastery.overall(), 50);
        let topics: Vec<(&str, u32)> = mastery
            .topics
            .iter()
            .map(|(t, m)| (t.as_str(), m.percent))
            .collect();
        assert_eq!(topics, [("closures", 50), ("decorators", 50), ("scope", 0)]);
        assert_eq!(mastery.mistakes, ["b"]);
    }

    #[test]
    fn weakest_topics_are_seen_ones_lowest_first() {
        let mastery = BookMastery::of(
            &answered(&[
                ("a", 0, true),
                ("b", 0, false),
                ("c", 0, true),
                ("d", 0, true),
            ]),
            &sample_bank(),
            NOW,
        );
        let weakest: Vec<String> = mastery
            .weakest_topics(2)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(weakest, ["scope", "closures"]);
    }

    #[test]
    fn a_question_removed_from_the_bank_leaves_mastery_but_not_history() {
        let mut progress = answered(&[("gone", 0, true), ("a", 0, true)]);
        progress.attempts.clear();
        let mastery = BookMastery::of(&progress, &sample_bank(), NOW);
        assert_eq!(mastery.chapters[0].1.seen, 1);
        assert_eq!(
            mastery
                .chapters
                .iter()
                .map(|(_, m)| m.questions)
                .sum::<usize>(),
            4
        );
        assert!(progress.latest_answer("b", "gone").is_some());
    }
}
