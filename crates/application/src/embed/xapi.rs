use quiz_domain::Score;
use serde::Serialize;

/// The xAPI verb of a finished quiz.
pub const XAPI_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";

/// Share of right answers from which a quiz counts as a success.
pub const PASS_PERCENT: u32 = 50;

/// An xAPI ("Tin Can") statement of a finished quiz, for hosts that forward
/// results to a learning record store. The actor is left out: the frame
/// does not know who the person is; the host adds it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct XapiStatement {
    pub verb: XapiVerb,
    pub object: XapiActivity,
    pub result: XapiResult,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct XapiVerb {
    pub id: &'static str,
    pub display: LanguageMap,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LanguageMap {
    #[serde(rename = "en-US")]
    pub en_us: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct XapiActivity {
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    pub id: String,
    pub definition: XapiDefinition,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct XapiDefinition {
    pub name: LanguageMap,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct XapiResult {
    pub score: XapiScore,
    pub success: bool,
    pub completion: bool,
    /// ISO 8601, such as `PT1M5.2S`.
    pub duration: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct XapiScore {
    pub raw: u32,
    pub min: u32,
    pub max: u32,
    pub scaled: f64,
}

impl XapiStatement {
    /// "Someone completed the quiz at `quiz_url`, named `name`."
    pub fn completed(
        quiz_url: String,
        name: String,
        score: Score,
        duration_ms: u64,
    ) -> XapiStatement {
        XapiStatement {
            verb: XapiVerb {
                id: XAPI_COMPLETED,
                display: LanguageMap {
                    en_us: "completed".into(),
                },
            },
            object: XapiActivity {
                object_type: "Activity",
                id: quiz_url,
                definition: XapiDefinition {
                    name: LanguageMap { en_us: name },
                },
            },
            result: XapiResult {
                score: XapiScore {
                    raw: score.correct,
                    min: 0,
                    max: score.total,
                    scaled: f64::from(score.correct) / f64::from(score.total.max(1)),
                },
                success: score.percent() >= PASS_PERCENT,
                completion: true,
                duration: iso_duration(duration_ms),
            },
        }
    }
}

/// Milliseconds as an ISO 8601 duration: `PT1H2M3.004S`, `PT0S`.
fn iso_duration(ms: u64) -> String {
    let (hours, minutes) = (ms / 3_600_000, ms / 60_000 % 60);
    let (seconds, millis) = (ms / 1000 % 60, ms % 1000);
    let mut text = String::from("PT");
    if hours > 0 {
        text.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        text.push_str(&format!("{minutes}M"));
    }
    if millis > 0 {
        let fraction = format!("{millis:03}");
        text.push_str(&format!("{seconds}.{}S", fraction.trim_end_matches('0')));
    } else if seconds > 0 || text == "PT" {
        text.push_str(&format!("{seconds}S"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_written_in_iso_8601() {
        assert_eq!(iso_duration(0), "PT0S");
        assert_eq!(iso_duration(5_000), "PT5S");
        assert_eq!(iso_duration(65_200), "PT1M5.2S");
        assert_eq!(iso_duration(120_000), "PT2M");
        assert_eq!(iso_duration(3_723_004), "PT1H2M3.004S");
        assert_eq!(iso_duration(999), "PT0.999S");
    }

    #[test]
    fn half_right_is_a_success_and_less_is_not() {
        let success = |correct, total| {
            XapiStatement::completed(String::new(), String::new(), Score { correct, total }, 0)
                .result
                .success
        };
        assert!(success(5, 10));
        assert!(!success(4, 10));
        assert!(!success(1, 3));
    }

    #[test]
    fn the_statement_has_the_xapi_shape() {
        let statement = XapiStatement::completed(
            "https://quiz.example/#/book/fp/quiz?count=5&seed=1".into(),
            "Fluent Python quiz".into(),
            Score {
                correct: 3,
                total: 5,
            },
            65_200,
        );
        assert_eq!(
            serde_json::to_value(&statement).unwrap(),
            serde_json::json!({
                "verb": {
                    "id": "http://adlnet.gov/expapi/verbs/completed",
                    "display": { "en-US": "completed" }
                },
                "object": {
                    "objectType": "Activity",
                    "id": "https://quiz.example/#/book/fp/quiz?count=5&seed=1",
                    "definition": { "name": { "en-US": "Fluent Python quiz" } }
                },
                "result": {
                    "score": { "raw": 3, "min": 0, "max": 5, "scaled": 0.6 },
                    "success": true,
                    "completion": true,
                    "duration": "PT1M5.2S"
                }
            })
        );
    }
}
