use serde::{Deserialize, Serialize};

use quiz_domain::{is_slug, AttemptResult, Grade, Mode, ReviewCard, Score};

use crate::exam::ExamSummary;
use crate::keyed_list::{self, KeyedList};
use crate::progress::Settings;
use crate::progress::{due_in, StoredHome};
use crate::progress::{ArchivedRuns, AttemptSummary, Run};

/// The version of the stored progress format. Every change of shape bumps it
/// and adds a migration from the version before, tested with stored samples.
/// 1: finished attempts only. 2: modes, the latest answer to every question,
/// its review schedule, compacted old attempts, reset markers and settings.
pub const PROGRESS_SCHEMA: u32 = 2;

/// How many answers the newest attempts keep in full. Older attempts keep
/// their figures only: their answers already count in `answered`, so every
/// reported figure stays the same, and 10,000 attempts stay well under 1 MB.
pub const DETAIL_BUDGET: usize = 2_000;

/// The reset marker that covers every book.
pub const ALL_BOOKS: &str = "*";

/// Everything the app remembers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub schema: u32,
    /// The newest finished attempts with every answer, oldest first.
    pub attempts: Vec<AttemptResult>,
    /// Older attempts, compacted to their figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub archive: Vec<ArchivedRuns>,
    /// Per book, the latest answer to each question. Keyed by question id,
    /// which stays stable when a question is reworded; a question removed
    /// from a bank simply stops being looked up.
    #[serde(default)]
    pub answered: KeyedList<KeyedList<LatestAnswer>>,
    /// Per book, when each question answered so far is due for review.
    #[serde(default)]
    pub reviews: KeyedList<KeyedList<ReviewCard>>,
    /// Per book (or `*` for all), when its progress was last reset: older
    /// attempts another tab still holds are dropped when merged in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resets: KeyedList<u64>,
    #[serde(default)]
    pub settings: Settings,
    /// Interview exams, oldest first; their answers are in `attempts`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exams: Vec<ExamSummary>,
}

impl Default for Progress {
    fn default() -> Progress {
        Progress {
            schema: PROGRESS_SCHEMA,
            attempts: Vec::new(),
            archive: Vec::new(),
            answered: Vec::new(),
            reviews: Vec::new(),
            resets: Vec::new(),
            settings: Settings::default(),
            exams: Vec::new(),
        }
    }
}

/// When a question was last answered (ms) and whether that answer was right.
pub type LatestAnswer = (u64, bool);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BookStats {
    pub best: Option<Score>,
    pub last: Option<Score>,
    /// The mean of the attempts' whole percents.
    pub average_percent: Option<u32>,
    pub attempts: usize,
}

/// Why stored progress could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Written by a newer release of the app: kept as it is, never rewritten.
    NewerSchema(u64),
    /// Not something this app wrote, or damaged.
    Corrupt(String),
}

impl Progress {
    /// Reads stored progress of this or any earlier schema.
    pub fn parse(raw: &str) -> Result<Progress, ParseError> {
        /// The version alone, read first so that data from a newer release
        /// is recognised even when its shape is unknown here.
        #[derive(Deserialize)]
        struct SchemaHeader {
            schema: u64,
        }
        let corrupt = |e: serde_json::Error| ParseError::Corrupt(e.to_string());
        let header: SchemaHeader = serde_json::from_str(raw).map_err(corrupt)?;
        let from_schema_1 = header.schema == 1;
        let progress: Progress = match header.schema {
            0 => return Err(ParseError::Corrupt("schema 0 was never written".into())),
            // Schema 1 is schema 2 without the new fields, whose defaults are
            // right for it; its answers are indexed below.
            1 | 2 => serde_json::from_str(raw).map_err(corrupt)?,
            newer => return Err(ParseError::NewerSchema(newer)),
        };
        progress.check().map_err(ParseError::Corrupt)?;
        // Rebuilt through the methods that keep every list sorted and free
        // of repeats, whatever order the stored lists were in.
        let mut normalised = Progress {
            settings: progress.settings,
            ..Progress::default()
        };
        normalised.merge_lists(
            progress.resets,
            progress.archive,
            progress.answered,
            progress.reviews,
        );
        for exam in progress.exams {
            normalised.add_exam(exam);
        }
        for attempt in progress.attempts {
            if from_schema_1 {
                normalised.schedule(&attempt);
            }
            normalised.insert(attempt);
        }
        normalised.tidy();
        Ok(normalised)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("progress always serialises")
    }

    /// The record as stored: the progress and the home page's summary of
    /// it, which `parse` ignores (`HomeSummary::read` reads it).
    pub fn to_stored_json(&self) -> String {
        #[derive(Serialize)]
        struct Stored<'a> {
            #[serde(flatten)]
            progress: &'a Progress,
            home: StoredHome,
        }
        let stored = Stored {
            progress: self,
            home: StoredHome {
                best: self.best_scores(),
            },
        };
        serde_json::to_string(&stored).expect("progress always serialises")
    }

    /// What no well-formed progress holds; the message names the attempt.
    fn check(&self) -> Result<(), String> {
        for attempt in &self.attempts {
            let problem = if !is_slug(&attempt.book) {
                Some("its book is not a book id")
            } else if attempt.score.total == 0 || attempt.score.correct > attempt.score.total {
                Some("its score is impossible")
            } else if attempt.responses.len() != attempt.score.total as usize {
                Some("its answers do not match its number of questions")
            } else if attempt.finished_at_ms < attempt.started_at_ms {
                Some("it finished before it started")
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(format!("attempt \"{}\": {problem}", attempt.id));
            }
        }
        for group in &self.archive {
            if let Some(run) = group.runs.iter().find(|run| run.3 == 0 || run.2 > run.3) {
                return Err(format!(
                    "a compacted {} attempt scores {} of {}",
                    group.book, run.2, run.3
                ));
            }
        }
        Ok(())
    }

    pub fn attempt(&self, id: &str) -> Option<&AttemptResult> {
        self.attempts.iter().find(|attempt| attempt.id == id)
    }

    /// Every finished attempt of a book, compacted or not, oldest first.
    pub fn history(&self, book: &str) -> Vec<AttemptSummary> {
        let mut history: Vec<AttemptSummary> = self
            .archive
            .iter()
            .filter(|group| group.book == book)
            .flat_map(|group| {
                group
                    .runs
                    .iter()
                    .map(|&run| AttemptSummary::archived(group.mode, run))
            })
            .chain(
                self.attempts
                    .iter()
                    .filter(|attempt| attempt.book == book)
                    .map(AttemptSummary::of),
            )
            .collect();
        history.sort_unstable_by_key(|summary| summary.finished_at_ms);
        history
    }

    /// Each book's best score, which the record carries for the home page.
    pub(crate) fn best_scores(&self) -> KeyedList<Score> {
        self.books()
            .into_iter()
            .filter_map(|book| Some((book.clone(), self.stats(&book).best?)))
            .collect()
    }

    pub fn stats(&self, book: &str) -> BookStats {
        let history = self.history(book);
        let percents: u64 = history.iter().map(|s| u64::from(s.score.percent())).sum();
        BookStats {
            best: history.iter().map(|s| s.score).reduce(Score::better),
            last: history.last().map(|s| s.score),
            average_percent: (!history.is_empty())
                .then(|| (percents / history.len() as u64) as u32),
            attempts: history.len(),
        }
    }

    /// The books with any history, in id order.
    pub fn books(&self) -> Vec<String> {
        let mut books: KeyedList<()> = Vec::new();
        let ids = self.attempts.iter().map(|a| &a.book);
        for book in ids
            .chain(self.archive.iter().map(|g| &g.book))
            .chain(self.answered.iter().map(|(book, _)| book))
            .chain(self.reviews.iter().map(|(book, _)| book))
        {
            keyed_list::entry(&mut books, book, || ());
        }
        books.into_iter().map(|(book, ())| book).collect()
    }

    pub fn latest_answer(&self, book: &str, question: &str) -> Option<LatestAnswer> {
        keyed_list::get(&self.answered, book)
            .and_then(|answers| keyed_list::get(answers, question))
            .copied()
    }

    /// An id that names the attempt in URLs: its book and finishing time,
    /// with a counter when two finish in the same millisecond.
    pub fn new_attempt_id(&self, book: &str, finished_at_ms: u64) -> String {
        let base = format!("{book}-{finished_at_ms}");
        let mut id = base.clone();
        let mut n = 1;
        while self.attempt(&id).is_some() {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }

    /// Adds a finished attempt; the same attempt twice is kept once.
    pub fn add(&mut self, attempt: AttemptResult) {
        if self.attempt(&attempt.id).is_none() {
            self.schedule(&attempt);
        }
        self.insert(attempt);
        self.tidy();
    }

    /// Moves each question of a finished attempt along its review schedule.
    fn schedule(&mut self, attempt: &AttemptResult) {
        let cards = keyed_list::entry(&mut self.reviews, &attempt.book, Vec::new);
        for response in &attempt.responses {
            let grade = Grade::of(response.correct, response.time_ms);
            let card = keyed_list::entry(cards, &response.question, || {
                ReviewCard::after(None, grade, attempt.finished_at_ms)
            });
            if card.last_ms < attempt.finished_at_ms {
                *card = ReviewCard::after(Some(*card), grade, attempt.finished_at_ms);
            }
        }
    }

    /// The questions of a book due for review by `by_ms`, soonest first.
    pub fn due(&self, book: &str, by_ms: u64) -> Vec<String> {
        due_in(&self.reviews, book, by_ms)
    }

    /// Adds an attempt and its answers, leaving `tidy` to the caller.
    fn insert(&mut self, attempt: AttemptResult) {
        if self.attempt(&attempt.id).is_some() || self.is_archived(&attempt) {
            return;
        }
        for response in &attempt.responses {
            self.note_answer(
                &attempt.book,
                &response.question,
                (attempt.finished_at_ms, response.correct),
            );
        }
        let at = self
            .attempts
            .partition_point(|kept| kept.finished_at_ms <= attempt.finished_at_ms);
        self.attempts.insert(at, attempt);
    }

    fn note_answer(&mut self, book: &str, question: &str, latest: LatestAnswer) {
        let answers = keyed_list::entry(&mut self.answered, book, Vec::new);
        let known = keyed_list::entry(answers, question, || latest);
        if latest.0 > known.0 {
            *known = latest;
        }
    }

    fn is_archived(&self, attempt: &AttemptResult) -> bool {
        let run = AttemptSummary::of(attempt).run();
        self.archive.iter().any(|g| {
            g.book == attempt.book && g.mode == attempt.mode && g.runs.binary_search(&run).is_ok()
        })
    }

    fn archive_run(&mut self, book: &str, mode: Mode, run: Run) {
        let group = match self
            .archive
            .iter()
            .position(|g| g.book == book && g.mode == mode)
        {
            Some(index) => &mut self.archive[index],
            None => {
                self.archive.push(ArchivedRuns {
                    book: book.to_owned(),
                    mode,
                    runs: Vec::new(),
                });
                self.archive.last_mut().expect("just pushed")
            }
        };
        if let Err(index) = group.runs.binary_search(&run) {
            group.runs.insert(index, run);
        }
    }

    /// Takes in everything of `other` this one lacks (another tab's saves
    /// or an imported file): attempts by id, the newer latest answer, the
    /// later reset and the newer settings.
    /// Keeps an exam's summary; the same exam twice is kept once.
    pub fn add_exam(&mut self, exam: ExamSummary) {
        if self.exam(&exam.id).is_none() {
            let at = self
                .exams
                .partition_point(|kept| kept.finished_at_ms <= exam.finished_at_ms);
            self.exams.insert(at, exam);
        }
    }

    pub fn exam(&self, id: &str) -> Option<&ExamSummary> {
        self.exams.iter().find(|exam| exam.id == id)
    }

    pub fn merge(&mut self, other: Progress) {
        for exam in other.exams {
            self.add_exam(exam);
        }
        self.merge_lists(other.resets, other.archive, other.answered, other.reviews);
        for attempt in other.attempts {
            self.insert(attempt);
        }
        if other.settings.changed_at_ms > self.settings.changed_at_ms {
            self.settings = other.settings;
        }
        self.tidy();
    }

    fn merge_lists(
        &mut self,
        resets: KeyedList<u64>,
        archive: Vec<ArchivedRuns>,
        answered: KeyedList<KeyedList<LatestAnswer>>,
        reviews: KeyedList<KeyedList<ReviewCard>>,
    ) {
        for (book, at) in resets {
            let known = keyed_list::entry(&mut self.resets, &book, || at);
            *known = (*known).max(at);
        }
        for group in archive {
            for run in group.runs {
                self.archive_run(&group.book, group.mode, run);
            }
        }
        for (book, answers) in answered {
            for (question, latest) in answers {
                self.note_answer(&book, &question, latest);
            }
        }
        // The card reviewed last wins: it has seen every answer before it.
        for (book, cards) in reviews {
            let known = keyed_list::entry(&mut self.reviews, &book, Vec::new);
            for (question, card) in cards {
                let kept = keyed_list::entry(known, &question, || card);
                if card.last_ms > kept.last_ms {
                    *kept = card;
                }
            }
        }
    }

    /// Forgets a book's progress (or every book's, with `None`).
    pub fn reset(&mut self, book: Option<&str>, now_ms: u64) {
        *keyed_list::entry(&mut self.resets, book.unwrap_or(ALL_BOOKS), || now_ms) = now_ms;
        self.tidy();
    }

    /// Lifts every reset marker: an imported file's attempts are wanted
    /// even when they are older than an earlier reset.
    pub fn forget_resets(&mut self) {
        self.resets.clear();
    }

    pub fn change_settings(&mut self, settings: Settings) {
        if settings.changed_at_ms >= self.settings.changed_at_ms {
            self.settings = settings;
        }
    }

    /// Applies reset markers, drops attempts already compacted elsewhere,
    /// orders history and compacts the oldest detail.
    fn tidy(&mut self) {
        let all = keyed_list::get(&self.resets, ALL_BOOKS)
            .copied()
            .unwrap_or(0);
        let cutoff = |resets: &[(String, u64)], book: &str| {
            keyed_list::get(resets, book).copied().unwrap_or(0).max(all)
        };
        if !self.resets.is_empty() {
            self.exams.retain(|exam| exam.finished_at_ms > all);
            let resets = &self.resets;
            self.attempts
                .retain(|a| a.finished_at_ms > cutoff(resets, &a.book));
            for group in &mut self.archive {
                let limit = cutoff(resets, &group.book);
                group.runs.retain(|run| run.0 > limit);
            }
            self.archive.retain(|group| !group.runs.is_empty());
            for (book, answers) in &mut self.answered {
                let limit = cutoff(resets, book);
                answers.retain(|(_, latest)| latest.0 > limit);
            }
            self.answered.retain(|(_, answers)| !answers.is_empty());
            for (book, cards) in &mut self.reviews {
                let limit = cutoff(resets, book);
                cards.retain(|(_, card)| card.last_ms > limit);
            }
            self.reviews.retain(|(_, cards)| !cards.is_empty());
        }
        let attempts = std::mem::take(&mut self.attempts);
        self.attempts = attempts
            .into_iter()
            .filter(|a| !self.is_archived(a))
            .collect();
        self.compact();
    }

    /// Moves the oldest attempts to the archive once the newest hold more
    /// than `DETAIL_BUDGET` answers; the newest attempt always stays whole.
    fn compact(&mut self) {
        let mut kept_answers = 0;
        let mut keep_from = self.attempts.len();
        for (index, attempt) in self.attempts.iter().enumerate().rev() {
            kept_answers += attempt.responses.len();
            if kept_answers > DETAIL_BUDGET && index + 1 < self.attempts.len() {
                break;
            }
            keep_from = index;
        }
        let older: Vec<AttemptResult> = self.attempts.drain(..keep_from).collect();
        for attempt in older {
            self.archive_run(
                &attempt.book,
                attempt.mode,
                AttemptSummary::of(&attempt).run(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::answered;
    use quiz_domain::Answer;

    /// A finished attempt of `total` questions `q0..`, the first `correct`
    /// of them right, finishing at `finished_at_ms` after one minute.
    pub fn attempt(id: &str, book: &str, correct: u32, total: u32) -> AttemptResult {
        finished(id, book, correct, total, 60_000)
    }

    fn finished(id: &str, book: &str, correct: u32, total: u32, at: u64) -> AttemptResult {
        let questions: Vec<String> = (0..total).map(|i| format!("q{i}")).collect();
        let responses: Vec<(&str, bool)> = questions
            .iter()
            .zip(0..)
            .map(|(question, i)| (question.as_str(), i < correct))
            .collect();
        AttemptResult {
            started_at_ms: at - 60_000,
            finished_at_ms: at,
            ..answered(id, book, Mode::Practice, &responses)
        }
    }

    fn score(correct: u32, total: u32) -> Score {
        Score { correct, total }
    }

    #[test]
    fn stats_give_best_last_average_and_count_per_book() {
        let mut progress = Progress::default();
        progress.add(finished("a", "fp", 3, 5, 100_000));
        progress.add(finished("b", "fp", 5, 5, 200_000));
        progress.add(finished("c", "fp", 1, 5, 300_000));
        progress.add(finished("d", "other", 0, 5, 400_000));
        let stats = progress.stats("fp");
        assert_eq!(stats.best, Some(score(5, 5)));
        assert_eq!(stats.last, Some(score(1, 5)));
        assert_eq!(stats.average_percent, Some(60));
        assert_eq!(stats.attempts, 3);
        assert_eq!(progress.stats("none"), BookStats::default());
    }

    #[test]
    fn progress_round_trips_and_keeps_its_schema() {
        let mut progress = Progress::default();
        progress.add(attempt("a", "fp", 3, 5));
        let json = progress.to_json();
        assert!(json.starts_with(r#"{"schema":2,"#), "{json}");
        assert_eq!(Progress::parse(&json), Ok(progress));
    }

    /// Exactly what the first release stored after one two-question quiz.
    const SCHEMA_1_SAMPLE: &str = r#"{"schema":1,"attempts":[{"id":"fluent-python-1764230400000","book":"fluent-python","responses":[{"question":"fp-closures-late-binding","answer":[2],"correct":true},{"question":"fp-dict-order","answer":[0,1],"correct":false}],"score":{"correct":1,"total":2},"started_at_ms":1764230340000,"finished_at_ms":1764230400000}]}"#;

    #[test]
    fn schema_1_is_migrated_with_its_answers_indexed() {
        let progress = Progress::parse(SCHEMA_1_SAMPLE).unwrap();
        assert_eq!(progress.schema, PROGRESS_SCHEMA);
        let attempt = &progress.attempts[0];
        assert_eq!(attempt.mode, Mode::Practice);
        assert_eq!(attempt.responses[1].answer, Answer::new([0, 1]));
        let latest = |q| progress.latest_answer("fluent-python", q);
        assert_eq!(
            latest("fp-closures-late-binding"),
            Some((1_764_230_400_000, true))
        );
        assert_eq!(latest("fp-dict-order"), Some((1_764_230_400_000, false)));
        assert_eq!(progress.stats("fluent-python").last, Some(score(1, 2)));
        let again = Progress::parse(&progress.to_json()).unwrap();
        assert_eq!(again, progress, "a migrated record reads back unchanged");
    }

    #[test]
    fn foreign_damaged_and_future_data_are_told_apart() {
        for corrupt in [
            "{\"schema\":1,\"attempts\":[{",
            "[1,2,3]",
            "{\"schema\":1,\"attempts\":7}",
            "{\"schema\":0,\"attempts\":[]}",
            "{\"schema\":\"2\",\"attempts\":[]}",
            "{\"theme\":\"dark\"}",
            "null",
            "",
        ] {
            assert!(
                matches!(Progress::parse(corrupt), Err(ParseError::Corrupt(_))),
                "{corrupt:?}"
            );
        }
        assert_eq!(
            Progress::parse("{\"schema\":9,\"anything\":true}"),
            Err(ParseError::NewerSchema(9))
        );
    }

    #[test]
    fn well_typed_but_impossible_attempts_are_refused_with_their_id() {
        let mut impossible = attempt("x", "fp", 2, 2);
        impossible.score.correct = 3;
        let mut progress = Progress::default();
        progress.attempts.push(impossible);
        assert_eq!(
            Progress::parse(&progress.to_json()),
            Err(ParseError::Corrupt(
                "attempt \"x\": its score is impossible".into()
            ))
        );
    }

    #[test]
    fn merging_keeps_every_attempt_once_in_finishing_order() {
        let mut ours = Progress::default();
        ours.add(finished("c", "fp", 1, 1, 300_000));
        ours.add(finished("a", "fp", 1, 1, 100_000));
        let mut theirs = Progress::default();
        theirs.add(finished("a", "fp", 1, 1, 100_000));
        theirs.add(finished("b", "fp", 0, 1, 200_000));
        ours.merge(theirs);
        let ids: Vec<&str> = ours.attempts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(
            ours.latest_answer("fp", "q0"),
            Some((300_000, true)),
            "the latest answer wins"
        );
    }

    #[test]
    fn a_reset_in_one_tab_is_not_undone_by_another() {
        let mut first = Progress::default();
        first.add(finished("a", "fp", 1, 1, 100_000));
        first.add(finished("k", "other", 1, 1, 100_000));
        let mut second = first.clone();
        first.reset(Some("fp"), 150_000);
        assert_eq!(first.stats("fp").attempts, 0);
        assert_eq!(first.latest_answer("fp", "q0"), None);
        second.add(finished("b", "fp", 0, 1, 200_000));
        second.merge(first.clone());
        let ids: Vec<&str> = second.attempts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["k", "b"], "only the attempt after the reset stays");
        second.reset(None, 250_000);
        assert!(second.attempts.is_empty() && second.answered.is_empty());
    }

    #[test]
    fn every_answer_moves_its_question_along_the_review_schedule() {
        const DAY: u64 = 24 * 60 * 60 * 1000;
        let mut progress = Progress::default();
        progress.add(finished("a", "fp", 1, 2, 10 * DAY));
        assert_eq!(progress.due("fp", 10 * DAY), Vec::<String>::new());
        assert_eq!(
            progress.due("fp", 11 * DAY),
            ["q1"],
            "the wrong answer comes back first"
        );
        let due_everything = progress.due("fp", 1_000 * DAY);
        assert_eq!(due_everything, ["q1", "q0"]);
        let mut other_tab = Progress::default();
        other_tab.add(finished("b", "fp", 2, 2, 12 * DAY));
        progress.merge(other_tab);
        assert_eq!(
            progress.due("fp", 13 * DAY),
            Vec::<String>::new(),
            "the later review of q1 wins"
        );
        progress.reset(Some("fp"), 20 * DAY);
        assert!(progress.due("fp", 1_000 * DAY).is_empty());
        let migrated = Progress::parse(SCHEMA_1_SAMPLE).unwrap();
        assert_eq!(
            migrated.due("fluent-python", u64::MAX),
            ["fp-dict-order", "fp-closures-late-binding"],
            "schema 1 answers are scheduled when migrated"
        );
    }

    #[test]
    fn newer_settings_win_either_way_round() {
        let older = Settings {
            quiz_length: Some(5),
            changed_at_ms: 1,
        };
        let newer = Settings {
            quiz_length: Some(20),
            changed_at_ms: 2,
        };
        let mut a = Progress::default();
        a.change_settings(newer.clone());
        let mut b = Progress::default();
        b.change_settings(older);
        b.merge(a.clone());
        assert_eq!(b.settings, newer);
        a.merge(b);
        assert_eq!(a.settings, newer);
    }

    #[test]
    fn attempt_ids_are_unique_and_repeats_are_ignored() {
        let mut progress = Progress::default();
        let first = progress.new_attempt_id("fp", 60_000);
        progress.add(attempt(&first, "fp", 1, 1));
        progress.add(attempt(&first, "fp", 0, 1));
        assert_eq!(progress.attempts.len(), 1);
        assert_eq!(progress.new_attempt_id("fp", 60_000), "fp-60000-2");
    }

    /// 10,000 ten-question attempts over five books, one every ten minutes.
    fn ten_thousand_attempts() -> Progress {
        let books = [
            "architecture-patterns",
            "clean-architecture",
            "fluent-python",
        ];
        let mut progress = Progress::default();
        for n in 0..10_000u64 {
            let book = books[(n % 3) as usize];
            let at = 1_700_000_000_000 + n * 600_000;
            let mut result = finished(&format!("{book}-{at}"), book, (n % 11) as u32, 10, at);
            for (i, response) in result.responses.iter_mut().enumerate() {
                response.question = format!("{book}-question-{}", (n as usize * 7 + i) % 90);
            }
            result.score.correct = result.responses.iter().filter(|r| r.correct).count() as u32;
            progress.add(result);
        }
        progress
    }

    #[test]
    fn ten_thousand_attempts_take_under_a_megabyte() {
        let progress = ten_thousand_attempts();
        let bytes = progress.to_json().len();
        assert!(bytes < 1_000_000, "{bytes} bytes");
        let detailed: usize = progress.attempts.iter().map(|a| a.responses.len()).sum();
        assert!(detailed <= DETAIL_BUDGET, "{detailed} answers kept whole");
        assert_eq!(progress.stats("fluent-python").attempts, 3_333);
    }

    #[test]
    fn compaction_changes_no_reported_figure() {
        let mut whole = Progress::default();
        let mut compacted = Progress::default();
        let mut all = Vec::new();
        for n in 0..400u64 {
            let at = 1_000_000 + n * 1_000;
            let mut result = finished(&format!("fp-{at}"), "fp", (n % 11) as u32, 10, at);
            result.started_at_ms = at - 1 - n;
            for (i, response) in result.responses.iter_mut().enumerate() {
                response.question = format!("q{}", (n as usize * 3 + i) % 37);
            }
            all.push(result);
        }
        // Without compaction: everything added to a record that never tidies.
        for result in &all {
            for response in &result.responses {
                whole.note_answer(
                    "fp",
                    &response.question,
                    (result.finished_at_ms, response.correct),
                );
            }
            whole.attempts.push(result.clone());
        }
        for result in all {
            compacted.add(result);
        }
        assert!(!compacted.archive.is_empty(), "old attempts were compacted");
        assert_eq!(compacted.stats("fp"), whole.stats("fp"));
        assert_eq!(compacted.history("fp").len(), 400);
        let runs = |p: &Progress| -> Vec<Run> {
            p.history("fp").iter().map(AttemptSummary::run).collect()
        };
        assert_eq!(runs(&compacted), runs(&whole));
        assert_eq!(compacted.answered, whole.answered);
        let reread = Progress::parse(&compacted.to_json()).unwrap();
        assert_eq!(reread, compacted);
    }

    #[test]
    fn a_tab_that_compacted_and_one_that_did_not_agree() {
        let full = ten_thousand_attempts();
        let mut recent = Progress::default();
        for attempt in full.attempts.iter().rev().take(3) {
            recent.add(attempt.clone());
        }
        let mut merged = full.clone();
        merged.merge(recent.clone());
        assert_eq!(merged, full);
        recent.merge(full.clone());
        assert_eq!(
            recent.history("fluent-python"),
            full.history("fluent-python")
        );
    }
}
