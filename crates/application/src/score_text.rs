//! A score as every page writes it.

use quiz_domain::Score;

/// "3 of 4 (75%)".
pub fn score_text(score: Score) -> String {
    format!(
        "{} of {} ({}%)",
        score.correct,
        score.total,
        score.percent()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_reads_right_of_asked_then_percent() {
        assert_eq!(
            score_text(Score {
                correct: 3,
                total: 4
            }),
            "3 of 4 (75%)"
        );
    }
}
