//! Spaced repetition: when each question seen should be asked again. The
//! schedule is FSRS (the `fsrs` crate, the scheduler Anki uses), graded from
//! the answer itself so the person never rates their own recall: wrong is
//! "again", right is "good", and right after more than `SLOW_AFTER_MS` is
//! "hard". As in Anki's relearning steps, a question answered wrong comes
//! back after `RELEARN_AFTER_MS`, the same day, whatever FSRS's interval.

use fsrs::{MemoryState, FSRS};
use serde::{Deserialize, Serialize};

/// The share of reviews meant to be answered right, FSRS's usual target.
pub const DESIRED_RETENTION: f32 = 0.9;
/// An answer slower than this counts as recalled with difficulty.
pub const SLOW_AFTER_MS: u64 = 45_000;
/// A question answered wrong is due again this long after.
pub const RELEARN_AFTER_MS: u64 = 10 * 60 * 1000;
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    Again,
    Hard,
    Good,
}

impl Grade {
    pub fn of(correct: bool, time_ms: Option<u64>) -> Grade {
        match (correct, time_ms) {
            (false, _) => Grade::Again,
            (true, Some(time)) if time > SLOW_AFTER_MS => Grade::Hard,
            (true, _) => Grade::Good,
        }
    }
}

/// One question's place in the schedule. FSRS's stability (days) and
/// difficulty are kept in thousandths, so stored progress holds no floats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCard {
    pub due_ms: u64,
    pub last_ms: u64,
    pub stability: u32,
    pub difficulty: u32,
}

impl ReviewCard {
    /// The card after an answer graded `grade` at `now_ms`; `None` for a
    /// question never scheduled before.
    pub fn after(card: Option<ReviewCard>, grade: Grade, now_ms: u64) -> ReviewCard {
        let scheduler = FSRS::new(&[]).expect("the default parameters are valid");
        let memory = card.map(|card| MemoryState {
            stability: card.stability as f32 / 1000.0,
            difficulty: card.difficulty as f32 / 1000.0,
        });
        let days_elapsed = card.map_or(0, |card| now_ms.saturating_sub(card.last_ms) / DAY_MS);
        let states = scheduler
            .next_states(memory, DESIRED_RETENTION, days_elapsed as u32)
            .expect("FSRS clamps any finite memory state, even a damaged one");
        let state = match grade {
            Grade::Again => states.again,
            Grade::Hard => states.hard,
            Grade::Good => states.good,
        };
        let wait_ms = match grade {
            Grade::Again => RELEARN_AFTER_MS,
            Grade::Hard | Grade::Good => (state.interval.max(0.0) * DAY_MS as f32) as u64,
        };
        ReviewCard {
            due_ms: now_ms + wait_ms,
            last_ms: now_ms,
            stability: (state.memory.stability * 1000.0).round() as u32,
            difficulty: (state.memory.difficulty * 1000.0).round() as u32,
        }
    }

    pub fn is_due(&self, by_ms: u64) -> bool {
        self.due_ms <= by_ms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_800_000_000_000;

    fn days(card: &ReviewCard) -> f64 {
        (card.due_ms - card.last_ms) as f64 / DAY_MS as f64
    }

    #[test]
    fn answers_are_graded_without_self_rating() {
        assert_eq!(Grade::of(false, Some(1_000)), Grade::Again);
        assert_eq!(Grade::of(true, Some(1_000)), Grade::Good);
        assert_eq!(Grade::of(true, None), Grade::Good);
        assert_eq!(Grade::of(true, Some(SLOW_AFTER_MS + 1)), Grade::Hard);
    }

    #[test]
    fn a_damaged_stored_state_still_gets_a_next_review() {
        let damaged = ReviewCard {
            due_ms: NOW,
            last_ms: NOW - DAY_MS,
            stability: 0,
            difficulty: 0,
        };
        let next = ReviewCard::after(Some(damaged), Grade::Good, NOW);
        assert!(next.due_ms > NOW && next.stability > 0, "{next:?}");
    }

    #[test]
    fn right_answers_space_reviews_out_and_wrong_ones_bring_them_back() {
        let first = ReviewCard::after(None, Grade::Good, NOW);
        let wrong_first = ReviewCard::after(None, Grade::Again, NOW);
        assert_eq!(
            wrong_first.due_ms,
            NOW + RELEARN_AFTER_MS,
            "back the same day"
        );
        assert!(
            days(&wrong_first) < days(&first),
            "{wrong_first:?} {first:?}"
        );
        assert!(!first.is_due(NOW) && first.is_due(first.due_ms));
        let later = first.due_ms;
        let second = ReviewCard::after(Some(first), Grade::Good, later);
        assert!(days(&second) > days(&first), "{first:?} then {second:?}");
        let hard = ReviewCard::after(Some(first), Grade::Hard, later);
        assert!(days(&hard) < days(&second), "hard {hard:?} good {second:?}");
        let lapse = ReviewCard::after(Some(second), Grade::Again, second.due_ms);
        assert!(days(&lapse) < days(&second));
        assert!(lapse.stability < second.stability);
    }
}
