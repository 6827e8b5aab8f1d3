//! The postMessage protocol between an embedded quiz and its host page,
//! version 1 (EMBEDDING.md). Every message is a JSON object carrying
//! `protocol`, `version` and `type`.

use quiz_domain::{AttemptResult, Response};
use serde::{Deserialize, Serialize};

use crate::embed::XapiStatement;
use crate::theme::Theme;

pub const PROTOCOL: &str = "python-architect-quiz";
pub const PROTOCOL_VERSION: u32 = 1;

/// What the frame tells the host page.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum FrameMessage {
    /// The quiz has started and listens for commands.
    Ready,
    /// The document's height in CSS pixels, so the host can size the frame.
    Height {
        height: u32,
    },
    Answer(QuestionResult),
    Complete(Completion),
}

/// One answered question: which options (0-based, in the bank's order)
/// were chosen, or for a typed question the text typed, or for an ordering
/// the steps in the order given.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionResult {
    pub question: String,
    pub chosen: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<usize>>,
    pub correct: bool,
}

impl From<&Response> for QuestionResult {
    fn from(response: &Response) -> QuestionResult {
        QuestionResult {
            question: response.question.clone(),
            chosen: response.answer.choices().to_vec(),
            typed: response.answer.typed_text().map(str::to_owned),
            order: response.answer.steps().map(<[usize]>::to_vec),
            correct: response.correct,
        }
    }
}

/// A finished quiz, in the protocol's own terms and as an xAPI statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Completion {
    pub score: u32,
    pub maximum: u32,
    pub duration_ms: u64,
    pub results: Vec<QuestionResult>,
    pub statement: XapiStatement,
}

impl Completion {
    /// `quiz_url` and `name` identify the quiz in the statement.
    pub fn of(result: &AttemptResult, quiz_url: String, name: String) -> Completion {
        let duration_ms = result.finished_at_ms.saturating_sub(result.started_at_ms);
        Completion {
            score: result.score.correct,
            maximum: result.score.total,
            duration_ms,
            results: result.responses.iter().map(QuestionResult::from).collect(),
            statement: XapiStatement::completed(quiz_url, name, result.score, duration_ms),
        }
    }
}

#[derive(Serialize)]
struct Envelope<'a> {
    protocol: &'static str,
    version: u32,
    #[serde(flatten)]
    message: &'a FrameMessage,
}

impl FrameMessage {
    pub fn to_json(&self) -> String {
        serde_json::to_string(&Envelope {
            protocol: PROTOCOL,
            version: PROTOCOL_VERSION,
            message: self,
        })
        .expect("messages are plain data")
    }
}

/// What the host page may ask of the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostCommand {
    /// Start the quiz again from its first question.
    Reset,
    SetTheme(Theme),
}

#[derive(Deserialize)]
struct IncomingMessage {
    protocol: String,
    version: u32,
    #[serde(rename = "type")]
    kind: String,
    theme: Option<String>,
}

impl HostCommand {
    /// Reads a command; anything else (another protocol or version, an
    /// unknown type, a bad theme) is None, to be ignored silently.
    pub fn read(json: &str) -> Option<HostCommand> {
        let message: IncomingMessage = serde_json::from_str(json).ok()?;
        if message.protocol != PROTOCOL || message.version != PROTOCOL_VERSION {
            return None;
        }
        match message.kind.as_str() {
            "reset" => Some(HostCommand::Reset),
            "set-theme" => Theme::parse(&message.theme?).map(HostCommand::SetTheme),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::answered;
    use quiz_domain::{Answer, Mode};
    use serde_json::{json, Value};

    fn parsed(message: &FrameMessage) -> Value {
        serde_json::from_str(&message.to_json()).unwrap()
    }

    #[test]
    fn ready_and_height_carry_the_envelope() {
        assert_eq!(
            parsed(&FrameMessage::Ready),
            json!({ "protocol": "python-architect-quiz", "version": 1, "type": "ready" })
        );
        assert_eq!(
            parsed(&FrameMessage::Height { height: 812 }),
            json!({ "protocol": "python-architect-quiz", "version": 1, "type": "height", "height": 812 })
        );
    }

    #[test]
    fn an_answer_names_the_question_the_options_and_the_verdict() {
        let response = Response {
            question: "fp-closures-1".into(),
            answer: Answer::new([0, 2]),
            correct: false,
            time_ms: None,
        };
        assert_eq!(
            parsed(&FrameMessage::Answer(QuestionResult::from(&response))),
            json!({
                "protocol": "python-architect-quiz", "version": 1, "type": "answer",
                "question": "fp-closures-1", "chosen": [0, 2], "correct": false
            })
        );
    }

    #[test]
    fn a_typed_or_ordered_answer_carries_what_was_given() {
        let typed = Response {
            question: "fp-typed".into(),
            answer: Answer::typed("[1, 2]"),
            correct: true,
            time_ms: None,
        };
        assert_eq!(
            parsed(&FrameMessage::Answer(QuestionResult::from(&typed))),
            json!({
                "protocol": "python-architect-quiz", "version": 1, "type": "answer",
                "question": "fp-typed", "chosen": [], "typed": "[1, 2]", "correct": true
            })
        );
        let ordered = Response {
            answer: Answer::order([2, 0, 1]),
            ..typed
        };
        assert_eq!(
            parsed(&FrameMessage::Answer(QuestionResult::from(&ordered)))["order"],
            json!([2, 0, 1])
        );
    }

    #[test]
    fn completion_carries_score_duration_results_and_statement() {
        let mut result = AttemptResult {
            started_at_ms: 1_000,
            finished_at_ms: 31_500,
            ..answered(
                "fp-1",
                "fp",
                Mode::default(),
                &[("q1", true), ("q2", false)],
            )
        };
        result.responses[0].answer = Answer::new([1]);
        let completion = Completion::of(
            &result,
            "https://quiz.example/#/book/fp/quiz?count=2&seed=7".into(),
            "FP quiz".into(),
        );
        let message = parsed(&FrameMessage::Complete(completion));
        assert_eq!(message["type"], "complete");
        assert_eq!(message["protocol"], "python-architect-quiz");
        assert_eq!(message["version"], 1);
        assert_eq!(message["score"], 1);
        assert_eq!(message["maximum"], 2);
        assert_eq!(message["duration_ms"], 30_500);
        assert_eq!(
            message["results"],
            json!([
                { "question": "q1", "chosen": [1], "correct": true },
                { "question": "q2", "chosen": [0], "correct": false }
            ])
        );
        assert_eq!(
            message["statement"]["verb"]["id"],
            "http://adlnet.gov/expapi/verbs/completed"
        );
        assert_eq!(
            message["statement"]["object"]["id"],
            "https://quiz.example/#/book/fp/quiz?count=2&seed=7"
        );
        assert_eq!(
            message["statement"]["result"],
            json!({
                "score": { "raw": 1, "min": 0, "max": 2, "scaled": 0.5 },
                "success": true,
                "completion": true,
                "duration": "PT30.5S"
            })
        );
        assert!(
            message["statement"].get("actor").is_none(),
            "no actor: the frame does not know the person"
        );
    }

    #[test]
    fn host_commands_are_read() {
        assert_eq!(
            HostCommand::read(r#"{"protocol":"python-architect-quiz","version":1,"type":"reset"}"#),
            Some(HostCommand::Reset)
        );
        assert_eq!(
            HostCommand::read(
                r#"{"protocol":"python-architect-quiz","version":1,"type":"set-theme","theme":"dark"}"#
            ),
            Some(HostCommand::SetTheme(Theme::Dark))
        );
    }

    #[test]
    fn anything_else_is_not_a_command() {
        for json in [
            "",
            "\"reset\"",
            "null",
            r#"{"type":"reset"}"#,
            r#"{"protocol":"other","version":1,"type":"reset"}"#,
            r#"{"protocol":"python-architect-quiz","version":2,"type":"reset"}"#,
            r#"{"protocol":"python-architect-quiz","version":1,"type":"complete"}"#,
            r#"{"protocol":"python-architect-quiz","version":1,"type":"set-theme"}"#,
            r#"{"protocol":"python-architect-quiz","version":1,"type":"set-theme","theme":"blue"}"#,
        ] {
            assert_eq!(HostCommand::read(json), None, "{json}");
        }
    }
}
