use quiz_domain::Score;

pub fn score_text(score: Score) -> String {
    format!(
        "{} of {} ({}%)",
        score.correct,
        score.total,
        score.percent()
    )
}
