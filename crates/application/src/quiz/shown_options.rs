//! The options of a question as shown: their order on screen, and how
//! each one is marked while answering and once graded.

use quiz_domain::{option_order, Question};

/// How one option shows: while answering, whether it is chosen; once the
/// answer is graded, what it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionMark {
    Open,
    Chosen,
    PickedRight,
    PickedWrong,
    MissedRight,
    NotPicked,
}

impl OptionMark {
    pub fn graded(picked: bool, correct: bool) -> OptionMark {
        match (picked, correct) {
            (true, true) => OptionMark::PickedRight,
            (true, false) => OptionMark::PickedWrong,
            (false, true) => OptionMark::MissedRight,
            (false, false) => OptionMark::NotPicked,
        }
    }

    pub fn is_picked(self) -> bool {
        matches!(
            self,
            OptionMark::Chosen | OptionMark::PickedRight | OptionMark::PickedWrong
        )
    }
}

/// The questions of a quiz or exam as shown: each one's options in the order
/// drawn from the seed and its place, and that order (the bank index of the
/// option at each place on screen).
pub fn shown_options(questions: &[Question], seed: u64) -> (Vec<Question>, Vec<Vec<usize>>) {
    let orders: Vec<Vec<usize>> = questions
        .iter()
        .enumerate()
        .map(|(place, question)| {
            let place_seed = (place as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            option_order(question, seed ^ place_seed)
        })
        .collect();
    let shown = questions
        .iter()
        .zip(&orders)
        .map(|(question, order)| Question {
            options: order.iter().map(|&i| question.options[i].clone()).collect(),
            ..question.clone()
        })
        .collect();
    (shown, orders)
}
