//! The part of the stored record the home page's own Wasm reads without
//! the attempts: each book's best score, written with every save, and the
//! questions the review schedule has due.

use serde::{Deserialize, Serialize};

use quiz_domain::{ReviewCard, Score};

use crate::keyed_list::{self, KeyedList};

/// The part of the stored record only the home page reads.
#[derive(Serialize, Deserialize)]
pub(crate) struct StoredHome {
    pub(crate) best: KeyedList<Score>,
}

/// The questions of `book` in `reviews` due by `by_ms`, earliest first.
pub(crate) fn due_in(
    reviews: &KeyedList<KeyedList<ReviewCard>>,
    book: &str,
    by_ms: u64,
) -> Vec<String> {
    let mut due: Vec<(u64, &String)> = keyed_list::get(reviews, book)
        .into_iter()
        .flatten()
        .filter(|(_, card)| card.is_due(by_ms))
        .map(|(question, card)| (card.due_ms, question))
        .collect();
    due.sort_unstable();
    due.into_iter()
        .map(|(_, question)| question.clone())
        .collect()
}
