//! The readiness report at the end of an interview exam.

use quiz_domain::{AttemptResult, Bank, Chapter, ReadingLink, Response, Score};

use crate::keyed_list::{self, KeyedList};

const TOPICS_SHOWN: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChapterScore {
    pub book: String,
    pub chapter: Chapter,
    pub score: Score,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExamReport {
    pub chapters: Vec<ChapterScore>,
    /// Topics answered right every time, the most asked first.
    pub strong_topics: Vec<(String, Score)>,
    /// Topics answered right less than half the time, the weakest first.
    pub weak_topics: Vec<(String, Score)>,
    /// Every answer, book by book, with the time it took.
    pub answers: Vec<(String, Response)>,
    /// The reading list: each chapter with a missed question, in the
    /// order first asked, with the sections behind its missed questions.
    pub reading_list: Vec<ReadingGroup>,
}

/// A chapter with missed questions and the places to read about them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadingGroup {
    pub chapter: ChapterScore,
    /// Each section once, with how many missed questions point to it, the
    /// most first.
    pub sections: Vec<(ReadingLink, u32)>,
}

fn tally(score: &mut Score, correct: bool) {
    score.total += 1;
    score.correct += u32::from(correct);
}

impl ExamReport {
    /// The report of an exam's attempts (one per book), read against the
    /// books' banks; questions since removed from a bank count only in the
    /// scores.
    pub fn of(attempts: &[AttemptResult], banks: &[&Bank]) -> ExamReport {
        let mut chapters: Vec<ChapterScore> = Vec::new();
        let mut topics: KeyedList<Score> = Vec::new();
        let mut answers = Vec::new();
        // Per chapter (by its index in `chapters`), the links of its misses.
        let mut missed_links: Vec<(usize, ReadingLink)> = Vec::new();
        for attempt in attempts {
            let bank = banks.iter().find(|b| b.book.id == attempt.book);
            for response in &attempt.responses {
                answers.push((attempt.book.clone(), response.clone()));
                let Some(question) = bank.and_then(|b| b.question(&response.question)) else {
                    continue;
                };
                for topic in &question.topics {
                    tally(
                        keyed_list::entry(&mut topics, topic, Score::default),
                        response.correct,
                    );
                }
                let chapter = bank.and_then(|b| b.chapter(&question.chapter));
                let Some(chapter) = chapter else { continue };
                let known = chapters
                    .iter()
                    .position(|c| c.book == attempt.book && c.chapter.id == chapter.id);
                let index = known.unwrap_or_else(|| {
                    chapters.push(ChapterScore {
                        book: attempt.book.clone(),
                        chapter: chapter.clone(),
                        score: Score::default(),
                    });
                    chapters.len() - 1
                });
                tally(&mut chapters[index].score, response.correct);
                if !response.correct {
                    missed_links.extend(question.read.iter().map(|link| (index, link.clone())));
                }
            }
        }
        let pick = |keep: &dyn Fn(&Score) -> bool, rank: &dyn Fn(&Score) -> (u32, u32)| {
            let mut left: Vec<&(String, Score)> = topics.iter().filter(|(_, s)| keep(s)).collect();
            let mut picked = Vec::new();
            while picked.len() < TOPICS_SHOWN {
                let Some(index) = (0..left.len()).min_by_key(|&i| rank(&left[i].1)) else {
                    break;
                };
                picked.push(left.remove(index).clone());
            }
            picked
        };
        let strong_topics = pick(&|s| s.correct == s.total, &|s| (u32::MAX - s.total, 0));
        let weak_topics = pick(&|s| s.percent() < 50, &|s| {
            (s.percent(), u32::MAX - s.total)
        });
        let reading_list = reading_list(&chapters, &missed_links);
        ExamReport {
            chapters,
            strong_topics,
            weak_topics,
            answers,
            reading_list,
        }
    }
}

fn reading_list(chapters: &[ChapterScore], missed: &[(usize, ReadingLink)]) -> Vec<ReadingGroup> {
    chapters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.score.correct < c.score.total)
        .map(|(index, chapter)| {
            let mut sections: Vec<(ReadingLink, u32)> = Vec::new();
            for (_, link) in missed.iter().filter(|(i, _)| *i == index) {
                match sections.iter_mut().find(|(known, _)| known.url == link.url) {
                    Some((_, count)) => *count += 1,
                    None => sections.push((link.clone(), 1)),
                }
            }
            // Stable: sections as often pointed to keep the order asked.
            sections.sort_by_key(|(_, count)| u32::MAX - count);
            ReadingGroup {
                chapter: chapter.clone(),
                sections,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::answered;
    use quiz_domain::fixtures::{bank, question};
    use quiz_domain::{Mode, Question, QuestionKind};

    fn tagged(id: &str, chapter: &str, topic: &str) -> Question {
        Question {
            chapter: chapter.into(),
            topics: vec![topic.into()],
            ..question(id, QuestionKind::Single, &[0])
        }
    }

    #[test]
    fn the_report_scores_chapters_and_topics_and_names_what_to_reread() {
        let b = bank(
            "b",
            &["1", "2"],
            vec![
                tagged("q1", "1", "closures"),
                tagged("q2", "1", "closures"),
                tagged("q3", "2", "gil"),
            ],
        );
        let mut attempt = answered(
            "x-b",
            "b",
            Mode::Interview,
            &[("q1", true), ("q2", true), ("q3", false), ("gone", true)],
        );
        for response in &mut attempt.responses {
            response.time_ms = Some(3_000);
        }
        let report = ExamReport::of(&[attempt], &[&b]);
        let chapters: Vec<(&str, Score)> = report
            .chapters
            .iter()
            .map(|c| (c.chapter.id.as_str(), c.score))
            .collect();
        assert_eq!(
            chapters,
            [
                (
                    "1",
                    Score {
                        correct: 2,
                        total: 2
                    }
                ),
                (
                    "2",
                    Score {
                        correct: 0,
                        total: 1
                    }
                )
            ]
        );
        assert_eq!(
            report.strong_topics,
            [(
                "closures".to_owned(),
                Score {
                    correct: 2,
                    total: 2
                }
            )]
        );
        assert_eq!(
            report.weak_topics,
            [(
                "gil".to_owned(),
                Score {
                    correct: 0,
                    total: 1
                }
            )]
        );
        assert_eq!(report.reading_list.len(), 1);
        assert_eq!(report.reading_list[0].chapter.chapter.id, "2");
        assert_eq!(
            report.answers.len(),
            4,
            "a removed question still shows with its time"
        );
    }

    #[test]
    fn the_reading_list_names_each_section_behind_the_misses_once_with_its_count() {
        let link = |n: u32| ReadingLink {
            url: format!("https://docs.python.org/3/library/s{n}.html"),
            label: format!("Section {n}"),
        };
        let linked = |id: &str, chapter: &str, links: Vec<ReadingLink>| Question {
            read: links,
            ..tagged(id, chapter, "t")
        };
        let b = bank(
            "b",
            &["1", "2"],
            vec![
                linked("q1", "1", vec![link(1), link(2)]),
                linked("q2", "1", vec![link(2)]),
                linked("q3", "1", vec![link(3)]),
                linked("q4", "2", vec![link(4)]),
                linked("q5", "2", vec![]),
            ],
        );
        let attempt = answered(
            "x-b",
            "b",
            Mode::Interview,
            &[
                ("q1", false),
                ("q2", false),
                ("q3", true),
                ("q4", true),
                ("q5", false),
            ],
        );
        let report = ExamReport::of(&[attempt], &[&b]);
        let groups: Vec<(&str, Vec<(&str, u32)>)> = report
            .reading_list
            .iter()
            .map(|g| {
                (
                    g.chapter.chapter.id.as_str(),
                    g.sections
                        .iter()
                        .map(|(l, n)| (l.label.as_str(), *n))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            [
                ("1", vec![("Section 2", 2), ("Section 1", 1)]),
                // A missed question without links still names its chapter.
                ("2", vec![]),
            ]
        );
    }
}
