//! What the LMS is told of a finished quiz: the score, passed or failed,
//! the time of this session, and each answer as an interaction, in the
//! order the data model takes them (an interaction's id and type first).

use quiz_domain::{Answer, AttemptResult, Bank, Question, QuestionKind, Response};

use crate::lms::ScormVersion;

/// The elements to set, with their values.
pub type Values = Vec<(String, String)>;

/// The values for `result`, whose questions `bank` holds; `session_ms` is
/// how long this launch lasted (a resumed quiz's earlier sessions were
/// reported by those launches).
pub fn finished_values(
    version: ScormVersion,
    result: &AttemptResult,
    bank: &Bank,
    pass_percent: u32,
    session_ms: u64,
) -> Values {
    let percent = result.score.percent();
    let passed = percent >= pass_percent;
    let score = version.score();
    let mut values: Values = vec![
        (format!("{score}.raw"), percent.to_string()),
        (format!("{score}.min"), "0".into()),
        (format!("{score}.max"), "100".into()),
    ];
    let status = if passed { "passed" } else { "failed" };
    match version {
        ScormVersion::Scorm12 => values.push(("cmi.core.lesson_status".into(), status.into())),
        ScormVersion::Scorm2004 => values.extend([
            (
                "cmi.score.scaled".into(),
                format!("{:.4}", f64::from(percent) / 100.0),
            ),
            ("cmi.completion_status".into(), "completed".into()),
            ("cmi.success_status".into(), status.into()),
        ]),
    }
    values.push((version.session_time().into(), version.duration(session_ms)));
    values.push((version.exit().into(), version.normal_exit().into()));
    for (n, response) in result.responses.iter().enumerate() {
        if let Some(question) = bank.questions.iter().find(|q| q.id == response.question) {
            values.extend(interaction(version, n, question, response));
        }
    }
    values
}

fn interaction(
    version: ScormVersion,
    n: usize,
    question: &Question,
    response: &Response,
) -> Values {
    let element = |name: &str| format!("cmi.interactions.{n}.{name}");
    let kind = match question.kind {
        QuestionKind::Single | QuestionKind::Multiple | QuestionKind::Output => "choice",
        QuestionKind::TrueFalse => "true-false",
        QuestionKind::Typed => "fill-in",
        QuestionKind::Order => "sequencing",
    };
    let mut values = vec![
        (element("id"), question.id.clone()),
        (element("type"), kind.into()),
        (
            element(version.learner_response()),
            learner_response(version, question, &response.answer),
        ),
        (element("result"), version.result(response.correct).into()),
    ];
    if let Some(ms) = response.time_ms {
        values.push((element("latency"), version.duration(ms)));
    }
    values
}

/// An answer in the data model's words: options as letters (`a` is the
/// bank's first), a true-false answer as the truth it picked, a typed
/// answer cut to what the element keeps.
fn learner_response(version: ScormVersion, question: &Question, answer: &Answer) -> String {
    let letters = |indices: &[usize]| -> String {
        indices
            .iter()
            .map(|&i| char::from(b'a' + (i % 26) as u8).to_string())
            .collect::<Vec<_>>()
            .join(version.separator())
    };
    match question.kind {
        QuestionKind::TrueFalse => {
            let picked_true = answer
                .choices()
                .first()
                .and_then(|&i| question.options.get(i))
                .is_some_and(|option| option.text.trim().eq_ignore_ascii_case("true"));
            version.truth(picked_true).into()
        }
        QuestionKind::Typed => answer
            .typed_text()
            .unwrap_or_default()
            .replace("[,]", "[ ,]")
            // The data model's strings are one line: LMSs refuse a break.
            .replace(['\r', '\n'], " ")
            .chars()
            .take(version.fill_in_limit())
            .collect(),
        QuestionKind::Order => letters(answer.steps().unwrap_or_default()),
        _ => letters(answer.choices()),
    }
}

#[cfg(test)]
mod tests {
    use quiz_domain::fixtures::{bank, question};
    use quiz_domain::{Mode, Score};

    use super::*;

    fn quiz_bank() -> Bank {
        let mut true_false = question("tf", QuestionKind::TrueFalse, &[1]);
        true_false.options[0].text = "False".into();
        true_false.options[1].text = "True".into();
        true_false.options.truncate(2);
        let mut typed = question("typed", QuestionKind::Typed, &[]);
        typed.options.clear();
        bank(
            "fp",
            &["1"],
            vec![
                question("single", QuestionKind::Single, &[0]),
                question("several", QuestionKind::Multiple, &[0, 2]),
                true_false,
                typed,
                question("steps", QuestionKind::Order, &[]),
            ],
        )
    }

    fn result() -> AttemptResult {
        let response = |question: &str, answer: Answer, correct: bool, time_ms| Response {
            question: question.into(),
            answer,
            correct,
            time_ms,
        };
        AttemptResult {
            id: "fp-1".into(),
            book: "fp".into(),
            mode: Mode::Practice,
            responses: vec![
                response("single", Answer::new([0]), true, Some(4_500)),
                response("several", Answer::new([0, 2]), true, None),
                response("tf", Answer::new([1]), true, Some(1_000)),
                response("typed", Answer::typed("a, b [,] c\nd"), false, None),
                response("steps", Answer::order([2, 0, 1]), false, None),
            ],
            score: Score {
                correct: 3,
                total: 5,
            },
            started_at_ms: 0,
            finished_at_ms: 60_000,
        }
    }

    fn value<'a>(values: &'a Values, element: &str) -> Option<&'a str> {
        values
            .iter()
            .find(|(e, _)| e == element)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn scorm_12_gets_the_score_status_time_and_each_answer() {
        let values = finished_values(ScormVersion::Scorm12, &result(), &quiz_bank(), 60, 61_230);
        let expected = [
            ("cmi.core.score.raw", "60"),
            ("cmi.core.score.min", "0"),
            ("cmi.core.score.max", "100"),
            ("cmi.core.lesson_status", "passed"),
            ("cmi.core.session_time", "0000:01:01.23"),
            ("cmi.core.exit", ""),
            ("cmi.interactions.0.id", "single"),
            ("cmi.interactions.0.type", "choice"),
            ("cmi.interactions.0.student_response", "a"),
            ("cmi.interactions.0.result", "correct"),
            ("cmi.interactions.0.latency", "0000:00:04.50"),
            ("cmi.interactions.1.id", "several"),
            ("cmi.interactions.1.type", "choice"),
            ("cmi.interactions.1.student_response", "a,c"),
            ("cmi.interactions.1.result", "correct"),
            ("cmi.interactions.2.id", "tf"),
            ("cmi.interactions.2.type", "true-false"),
            ("cmi.interactions.2.student_response", "t"),
            ("cmi.interactions.2.result", "correct"),
            ("cmi.interactions.2.latency", "0000:00:01.00"),
            ("cmi.interactions.3.id", "typed"),
            ("cmi.interactions.3.type", "fill-in"),
            ("cmi.interactions.3.student_response", "a, b [ ,] c d"),
            ("cmi.interactions.3.result", "wrong"),
            ("cmi.interactions.4.id", "steps"),
            ("cmi.interactions.4.type", "sequencing"),
            ("cmi.interactions.4.student_response", "c,a,b"),
            ("cmi.interactions.4.result", "wrong"),
        ];
        let values: Vec<(&str, &str)> = values
            .iter()
            .map(|(e, v)| (e.as_str(), v.as_str()))
            .collect();
        assert_eq!(values, expected);
    }

    #[test]
    fn scorm_2004_gets_the_scaled_score_both_statuses_and_its_own_formats() {
        let values = finished_values(ScormVersion::Scorm2004, &result(), &quiz_bank(), 80, 61_230);
        for (element, expected) in [
            ("cmi.score.raw", "60"),
            ("cmi.score.scaled", "0.6000"),
            ("cmi.completion_status", "completed"),
            ("cmi.success_status", "failed"),
            ("cmi.session_time", "PT0H1M1.23S"),
            ("cmi.exit", "normal"),
            ("cmi.interactions.1.learner_response", "a[,]c"),
            ("cmi.interactions.2.learner_response", "true"),
            ("cmi.interactions.4.learner_response", "c[,]a[,]b"),
            ("cmi.interactions.4.result", "incorrect"),
            ("cmi.interactions.0.latency", "PT0H0M4.50S"),
        ] {
            assert_eq!(value(&values, element), Some(expected), "{element}");
        }
        let position = |element: &str| values.iter().position(|(e, _)| e == element);
        assert!(
            position("cmi.interactions.3.type") < position("cmi.interactions.3.learner_response"),
            "a response is checked against its type, so the type goes first"
        );
    }

    #[test]
    fn a_typed_answer_is_cut_to_what_the_element_keeps() {
        let mut long = result();
        long.responses[3].answer = Answer::typed("x".repeat(300));
        let values = finished_values(ScormVersion::Scorm12, &long, &quiz_bank(), 50, 0);
        let kept = value(&values, "cmi.interactions.3.student_response").unwrap();
        assert_eq!(kept.len(), 255);
    }
}
