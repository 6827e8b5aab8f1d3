use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub correct: u32,
    pub total: u32,
}

impl Score {
    /// Whole percent, rounded down so that 99.5% never shows as 100%.
    pub fn percent(self) -> u32 {
        (self.correct * 100).checked_div(self.total).unwrap_or(0)
    }

    /// The better of two scores by share of right answers; on a tie the one
    /// over more questions wins, since it says more.
    pub fn better(self, other: Score) -> Score {
        let ours = u64::from(self.correct) * u64::from(other.total);
        let theirs = u64::from(other.correct) * u64::from(self.total);
        if ours > theirs || (ours == theirs && self.total >= other.total) {
            self
        } else {
            other
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(correct: u32, total: u32) -> Score {
        Score { correct, total }
    }

    #[test]
    fn percent_rounds_down_and_survives_zero() {
        assert_eq!(score(2, 3).percent(), 66);
        assert_eq!(score(199, 200).percent(), 99);
        assert_eq!(score(0, 0).percent(), 0);
    }

    #[test]
    fn better_compares_shares_then_size() {
        assert_eq!(score(3, 5).better(score(4, 5)), score(4, 5));
        assert_eq!(score(5, 10).better(score(1, 2)), score(5, 10));
        assert_eq!(score(1, 2).better(score(5, 10)), score(5, 10));
        assert_eq!(score(9, 10).better(score(4, 5)), score(9, 10));
    }
}
