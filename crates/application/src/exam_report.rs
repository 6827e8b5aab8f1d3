//! The readiness report at the end of an interview exam.

use quiz_domain::{AttemptResult, Bank, Chapter, Response, Score};

use crate::keyed_list::{self, KeyedList};

/// A chapter scoring under this share (in percent) is one to reread.
pub const REREAD_BELOW_PERCENT: u32 = 60;
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
    /// Chapters scoring under `REREAD_BELOW_PERCENT`.
    pub reread: Vec<ChapterScore>,
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
        let reread = chapters
            .iter()
            .filter(|c| c.score.percent() < REREAD_BELOW_PERCENT)
            .cloned()
            .collect();
        ExamReport {
            chapters,
            strong_topics,
            weak_topics,
            answers,
            reread,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quiz_domain::fixtures::{bank, question};
    use quiz_domain::{Answer, Mode, Question, QuestionKind};

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
        let response = |question: &str, correct| Response {
            question: question.into(),
            answer: Answer::new([0]),
            correct,
            time_ms: Some(3_000),
        };
        let attempt = AttemptResult {
            id: "x-b".into(),
            book: "b".into(),
            mode: Mode::Interview,
            responses: vec![
                response("q1", true),
                response("q2", true),
                response("q3", false),
                response("gone", true),
            ],
            score: Score {
                correct: 3,
                total: 4,
            },
            started_at_ms: 0,
            finished_at_ms: 1,
        };
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
        assert_eq!(report.reread.len(), 1);
        assert_eq!(report.reread[0].chapter.id, "2");
        assert_eq!(
            report.answers.len(),
            4,
            "a removed question still shows with its time"
        );
    }
}
