use serde::{Deserialize, Serialize};

use crate::question::{AnswerOption, Question};
use crate::where_to_read::WhereToRead;

/// The version of the compiled bank format; bump it with a migration note in
/// content/AUTHORING.md when the shape changes.
pub const BANK_FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Book {
    pub id: String,
    pub title: String,
    pub authors: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    pub id: String,
    pub title: String,
}

/// One book's questions, as the app reads them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bank {
    pub format: u32,
    pub book: Book,
    /// The book's page shows it. Kept beside the book rather than in it so
    /// that the catalog, which the home page's Wasm reads, has no reader of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub where_to_read: Option<WhereToRead>,
    pub chapters: Vec<Chapter>,
    pub questions: Vec<Question>,
}

impl Bank {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|question| question.id == id)
    }

    pub fn chapter(&self, id: &str) -> Option<&Chapter> {
        self.chapters.iter().find(|chapter| chapter.id == id)
    }

    /// The bank as a quiz's first question needs it: every question, but
    /// none of what only its feedback shows (the explanation, what to
    /// reread, the reading links, each option's why), which is most of a
    /// bank's bytes.
    pub fn questions_only(&self) -> Bank {
        let questions = self
            .questions
            .iter()
            .map(|question| Question {
                explanation: None,
                reread: None,
                read: Vec::new(),
                options: question
                    .options
                    .iter()
                    .map(|option| AnswerOption {
                        why: String::new(),
                        ..option.clone()
                    })
                    .collect(),
                ..question.clone()
            })
            .collect();
        Bank {
            where_to_read: None,
            questions,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::fixtures::{bank, question};
    use crate::reading::ReadingLink;
    use crate::QuestionKind;

    #[test]
    fn questions_only_keep_what_asks_and_grades_and_drop_what_explains() {
        let mut asked = question("q", QuestionKind::Single, &[1]);
        asked.explanation = Some("e".into());
        asked.reread = Some("r".into());
        asked.read = vec![ReadingLink {
            url: "https://docs.python.org/3/".into(),
            label: "l".into(),
        }];
        asked.options[2].fixed = true;
        let full = bank("b", &["1"], vec![asked.clone()]);
        let only = full.questions_only();
        let kept = &only.questions[0];
        assert_eq!(
            (kept.explanation.as_ref(), kept.reread.as_ref()),
            (None, None)
        );
        assert!(kept.read.is_empty());
        assert!(kept.options.iter().all(|option| option.why.is_empty()));
        assert_eq!(kept.correct_answer(), asked.correct_answer());
        assert!(kept.options[2].fixed);
        assert_eq!(
            (&kept.id, &kept.prompt, &kept.chapter, &kept.topics),
            (&asked.id, &asked.prompt, &asked.chapter, &asked.topics)
        );
        assert_eq!((only.book, only.chapters), (full.book, full.chapters));
    }
}
