use crate::bank::Bank;
use crate::question::{Question, QuestionKind};

/// SplitMix64: a tiny, well-known generator, enough to make a draw
/// reproducible from a seed (not for anything secret).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

fn shuffle<T>(items: &mut [T], rng: &mut SplitMix64) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

/// The order to show a question's options in, as indices into
/// `question.options`: shuffled by `seed`, so a quiz link shows the same
/// order again, except that true/false questions and options marked
/// `fixed` (such as "none of these") keep their places. The steps of an
/// order question, written in their correct order, are never shown in it.
pub fn option_order(question: &Question, seed: u64) -> Vec<usize> {
    let count = question.options.len();
    if question.kind == QuestionKind::TrueFalse {
        return (0..count).collect();
    }
    let fixed = |i: usize| question.options[i].fixed;
    let mut movable: Vec<usize> = (0..count).filter(|&i| !fixed(i)).collect();
    shuffle(&mut movable, &mut SplitMix64(seed));
    if question.kind == QuestionKind::Order && movable.is_sorted() {
        movable.rotate_left(1);
    }
    let mut moved = movable.into_iter();
    (0..count)
        .map(|i| {
            if fixed(i) {
                i
            } else {
                moved.next().unwrap_or(i)
            }
        })
        .collect()
}

/// Draws an exam of `count` questions across `banks`, the same for the same
/// seed: books take turns, each book's chapters take turns, and each pick
/// takes the difficulty picked least so far among the chapter's questions,
/// so the exam covers books, chapters and difficulties as evenly as the
/// banks allow. Returns (bank index, question id) in the order to ask.
pub fn select_exam(banks: &[&Bank], count: usize, seed: u64) -> Vec<(usize, String)> {
    let mut rng = SplitMix64(seed);
    let mut pools: Vec<Vec<Vec<usize>>> = banks
        .iter()
        .map(|bank| {
            bank.chapters
                .iter()
                .map(|chapter| {
                    // Choice questions only: the exam page has no typing or
                    // ordering widget.
                    let asked = |q: &Question| {
                        q.chapter == chapter.id
                            && !matches!(q.kind, QuestionKind::Typed | QuestionKind::Order)
                    };
                    let mut pool: Vec<usize> = (0..bank.questions.len())
                        .filter(|&i| asked(&bank.questions[i]))
                        .collect();
                    shuffle(&mut pool, &mut rng);
                    pool
                })
                .collect()
        })
        .collect();
    let chapter_orders: Vec<Vec<usize>> = pools
        .iter()
        .map(|chapters| {
            let mut order: Vec<usize> = (0..chapters.len()).collect();
            shuffle(&mut order, &mut rng);
            order
        })
        .collect();
    let mut chapter_uses: Vec<Vec<usize>> = pools.iter().map(|c| vec![0; c.len()]).collect();
    let mut per_difficulty = [0usize; 4];
    let available: usize = pools.iter().flatten().map(Vec::len).sum();
    let wanted = count.min(available);
    let mut chosen: Vec<(usize, usize)> = Vec::with_capacity(wanted);
    while chosen.len() < wanted {
        for (book, bank) in banks.iter().enumerate() {
            if chosen.len() == wanted {
                break;
            }
            let level = |index: usize| usize::from(bank.questions[index].difficulty.min(3));
            let open = |c: usize| !pools[book][c].is_empty();
            let Some(fewest) = chapter_orders[book]
                .iter()
                .filter(|&&c| open(c))
                .map(|&c| chapter_uses[book][c])
                .min()
            else {
                continue;
            };
            // Among the least used chapters, the question of the difficulty
            // picked least so far; ties go to the shuffled order.
            let pick = chapter_orders[book]
                .iter()
                .filter(|&&c| open(c) && chapter_uses[book][c] == fewest)
                .flat_map(|&c| (0..pools[book][c].len()).map(move |k| (c, k)))
                .min_by_key(|&(c, k)| per_difficulty[level(pools[book][c][k])]);
            if let Some((chapter, k)) = pick {
                let index = pools[book][chapter].remove(k);
                chapter_uses[book][chapter] += 1;
                per_difficulty[level(index)] += 1;
                chosen.push((book, index));
            }
        }
    }
    shuffle(&mut chosen, &mut rng);
    chosen
        .into_iter()
        .map(|(book, index)| (book, banks[book].questions[index].id.clone()))
        .collect()
}

/// Draws `count` question ids from the given chapters of a bank (all of
/// them when `chapters` is empty) and, when `topics` is not empty, only
/// questions tagged with one of them; the same ones for the same seed.
/// Chapters take turns so a short quiz still spans them, and the quiz is
/// asked in book order (chapter by chapter) so it reads like the book.
pub fn select_questions(
    bank: &Bank,
    count: usize,
    seed: u64,
    chapters: &[String],
    topics: &[String],
) -> Vec<String> {
    let mut rng = SplitMix64(seed);
    let mut per_chapter: Vec<Vec<usize>> = bank
        .chapters
        .iter()
        .filter(|chapter| chapters.is_empty() || chapters.contains(&chapter.id))
        .map(|chapter| {
            let mut indices: Vec<usize> = (0..bank.questions.len())
                .filter(|&i| {
                    let question = &bank.questions[i];
                    question.chapter == chapter.id
                        && (topics.is_empty() || question.topics.iter().any(|t| topics.contains(t)))
                })
                .collect();
            shuffle(&mut indices, &mut rng);
            indices
        })
        .collect();
    let mut chapter_turns: Vec<usize> = (0..per_chapter.len()).collect();
    shuffle(&mut chapter_turns, &mut rng);
    let wanted = count.min(per_chapter.iter().map(Vec::len).sum());
    let mut chosen = Vec::with_capacity(wanted);
    while chosen.len() < wanted {
        let before = chosen.len();
        for &chapter in &chapter_turns {
            if chosen.len() == wanted {
                break;
            }
            if let Some(index) = per_chapter[chapter].pop() {
                chosen.push(index);
            }
        }
        if chosen.len() == before {
            break;
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|i| bank.questions[i].id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::question;
    use crate::question::{Question, QuestionKind};

    /// Twelve questions, four in each of three chapters.
    fn bank() -> Bank {
        let chapters = ["1", "2", "3"];
        let questions = (0..12)
            .map(|i| Question {
                chapter: chapters[i % 3].into(),
                ..question(&format!("q{i:02}"), QuestionKind::Single, &[0])
            })
            .collect();
        crate::fixtures::bank("b", &chapters, questions)
    }

    #[test]
    fn the_same_seed_draws_the_same_quiz() {
        let bank = bank();
        assert_eq!(
            select_questions(&bank, 5, 42, &[], &[]),
            select_questions(&bank, 5, 42, &[], &[])
        );
        let draws: std::collections::HashSet<Vec<String>> = (0..20)
            .map(|seed| select_questions(&bank, 5, seed, &[], &[]))
            .collect();
        assert!(
            draws.len() > 1,
            "different seeds should draw different quizzes"
        );
    }

    #[test]
    fn a_short_quiz_spans_every_chapter_without_repeats() {
        let bank = bank();
        for seed in 0..50 {
            let ids = select_questions(&bank, 3, seed, &[], &[]);
            let mut chapters: Vec<&str> = ids
                .iter()
                .map(|id| bank.question(id).unwrap().chapter.as_str())
                .collect();
            chapters.sort_unstable();
            assert_eq!(chapters, ["1", "2", "3"], "seed {seed}");
        }
        let mut all = select_questions(&bank, 99, 7, &[], &[]);
        assert_eq!(all.len(), 12);
        all.dedup();
        assert_eq!(all.len(), 12);
    }

    #[test]
    fn a_quiz_can_be_limited_to_some_chapters() {
        let bank = bank();
        let chosen = ["1".to_string(), "3".to_string()];
        let ids = select_questions(&bank, 99, 5, &chosen, &[]);
        assert_eq!(ids.len(), 8, "all four questions of each chosen chapter");
        assert!(ids
            .iter()
            .all(|id| chosen.contains(&bank.question(id).unwrap().chapter)));
    }

    /// A bank `id` with `chapters` chapters, each with one question of every
    /// difficulty.
    fn graded_bank(id: &str, chapters: usize) -> Bank {
        let names: Vec<String> = (1..=chapters).map(|c| c.to_string()).collect();
        let questions = (0..chapters * 3)
            .map(|i| Question {
                chapter: names[i / 3].clone(),
                difficulty: (i % 3) as u8 + 1,
                ..question(&format!("{id}-{i}"), QuestionKind::Single, &[0])
            })
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        crate::fixtures::bank(id, &names, questions)
    }

    #[test]
    fn an_exam_spreads_over_books_chapters_and_difficulties() {
        let (a, b) = (graded_bank("a", 4), graded_bank("b", 2));
        let banks = [&a, &b];
        for seed in 0..20 {
            let exam = select_exam(&banks, 6, seed);
            assert_eq!(exam.len(), 6);
            let in_a: Vec<&String> = exam
                .iter()
                .filter(|(b, _)| *b == 0)
                .map(|(_, id)| id)
                .collect();
            assert_eq!(in_a.len(), 3, "books take turns (seed {seed})");
            let mut chapters: Vec<&str> = in_a
                .iter()
                .map(|id| a.question(id).unwrap().chapter.as_str())
                .collect();
            chapters.sort_unstable();
            chapters.dedup();
            assert_eq!(chapters.len(), 3, "no chapter twice before each had one");
            let mut levels = [0; 4];
            for (book, id) in &exam {
                levels[usize::from(banks[*book].question(id).unwrap().difficulty)] += 1;
            }
            assert_eq!(levels, [0, 2, 2, 2], "difficulties even (seed {seed})");
        }
        assert_eq!(select_exam(&banks, 6, 9), select_exam(&banks, 6, 9));
        assert_ne!(select_exam(&banks, 6, 9), select_exam(&banks, 6, 10));
        assert_eq!(
            select_exam(&banks, 99, 1).len(),
            18,
            "at most every question"
        );
    }

    #[test]
    fn options_are_shuffled_by_seed_but_fixed_ones_stay() {
        let mut q = question("q", QuestionKind::Single, &[0]);
        q.options = (0..5)
            .map(|i| crate::question::AnswerOption {
                text: format!("o{i}"),
                correct: i == 0,
                why: "w".into(),
                fixed: i == 4,
            })
            .collect();
        let orders: std::collections::HashSet<Vec<usize>> =
            (0..30).map(|seed| option_order(&q, seed)).collect();
        assert!(orders.len() > 1, "different seeds, different orders");
        for order in &orders {
            assert_eq!(order[4], 4, "the fixed option keeps its place");
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, [0, 1, 2, 3, 4], "a permutation");
        }
        assert_eq!(option_order(&q, 7), option_order(&q, 7));
        let true_false = question("tf", QuestionKind::TrueFalse, &[1]);
        assert_eq!(option_order(&true_false, 3), [0, 1, 2]);
    }

    #[test]
    fn order_questions_are_never_shown_in_their_correct_order() {
        for steps in 2..=6 {
            let q = crate::fixtures::order_question("o", steps);
            let identity: Vec<usize> = (0..steps).collect();
            let orders: std::collections::HashSet<Vec<usize>> =
                (0..200).map(|seed| option_order(&q, seed)).collect();
            assert!(!orders.contains(&identity), "{steps} steps");
            assert!(steps == 2 || orders.len() > 2, "{steps} steps still vary");
            for order in &orders {
                let mut sorted = order.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, identity, "a permutation");
            }
        }
    }

    #[test]
    fn a_quiz_can_be_limited_to_some_topics() {
        let mut bank = bank();
        bank.questions[4].topics = vec!["closures".into()];
        bank.questions[7].topics = vec!["x".into(), "closures".into()];
        let ids = select_questions(&bank, 99, 5, &[], &["closures".into()]);
        assert_eq!(ids, ["q04", "q07"]);
    }
}
