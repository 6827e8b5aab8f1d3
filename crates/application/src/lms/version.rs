//! What differs between SCORM 1.2 and SCORM 2004 (4th edition) in the data
//! model this app writes: element names, vocabularies and time formats.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScormVersion {
    Scorm12,
    Scorm2004,
}

/// SCORM 1.2 keeps at most this many characters of suspend data.
pub const SCORM12_SUSPEND_LIMIT: usize = 4_096;
/// SCORM 2004's smallest permitted maximum for suspend data.
pub const SCORM2004_SUSPEND_LIMIT: usize = 64_000;

impl ScormVersion {
    pub fn suspend_limit(self) -> usize {
        match self {
            ScormVersion::Scorm12 => SCORM12_SUSPEND_LIMIT,
            ScormVersion::Scorm2004 => SCORM2004_SUSPEND_LIMIT,
        }
    }

    /// A duration as the data model writes it: SCORM 1.2's CMITimespan
    /// (`HHHH:MM:SS.SS`), SCORM 2004's ISO 8601 interval (`PT1H2M3.45S`).
    pub fn duration(self, ms: u64) -> String {
        let hundredths = ms / 10;
        let (hours, minutes) = (hundredths / 360_000, hundredths / 6_000 % 60);
        let (seconds, fraction) = (hundredths / 100 % 60, hundredths % 100);
        match self {
            ScormVersion::Scorm12 => {
                format!(
                    "{:04}:{minutes:02}:{seconds:02}.{fraction:02}",
                    hours.min(9_999)
                )
            }
            ScormVersion::Scorm2004 => {
                format!("PT{hours}H{minutes}M{seconds}.{fraction:02}S")
            }
        }
    }

    pub fn suspend_data(self) -> &'static str {
        "cmi.suspend_data"
    }

    pub fn exit(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => "cmi.core.exit",
            ScormVersion::Scorm2004 => "cmi.exit",
        }
    }

    /// How an attempt that ends now is left: SCORM 1.2's vocabulary has no
    /// "normal", and an empty value is its normal end.
    pub fn normal_exit(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => "",
            ScormVersion::Scorm2004 => "normal",
        }
    }

    pub fn session_time(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => "cmi.core.session_time",
            ScormVersion::Scorm2004 => "cmi.session_time",
        }
    }

    /// The elements that say an attempt is still going, and their value.
    pub fn incomplete(self) -> (&'static str, &'static str) {
        match self {
            ScormVersion::Scorm12 => ("cmi.core.lesson_status", "incomplete"),
            ScormVersion::Scorm2004 => ("cmi.completion_status", "incomplete"),
        }
    }

    /// The prefix of the score's elements (`…raw`, `…min`, `…max`).
    pub fn score(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => "cmi.core.score",
            ScormVersion::Scorm2004 => "cmi.score",
        }
    }

    pub fn learner_response(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => "student_response",
            ScormVersion::Scorm2004 => "learner_response",
        }
    }

    pub fn result(self, correct: bool) -> &'static str {
        match (self, correct) {
            (_, true) => "correct",
            (ScormVersion::Scorm12, false) => "wrong",
            (ScormVersion::Scorm2004, false) => "incorrect",
        }
    }

    /// Between the parts of a response: SCORM 1.2 separates with commas,
    /// SCORM 2004 with `[,]`.
    pub fn separator(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => ",",
            ScormVersion::Scorm2004 => "[,]",
        }
    }

    /// A true-false answer: `t`/`f` in SCORM 1.2, `true`/`false` in 2004.
    pub fn truth(self, value: bool) -> &'static str {
        match (self, value) {
            (ScormVersion::Scorm12, true) => "t",
            (ScormVersion::Scorm12, false) => "f",
            (ScormVersion::Scorm2004, true) => "true",
            (ScormVersion::Scorm2004, false) => "false",
        }
    }

    /// How many characters of a typed answer the data model keeps.
    pub fn fill_in_limit(self) -> usize {
        match self {
            ScormVersion::Scorm12 => 255,
            ScormVersion::Scorm2004 => 250,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_written_in_each_version_s_format() {
        let ms = 3_600_000 + 2 * 60_000 + 5_250;
        assert_eq!(ScormVersion::Scorm12.duration(ms), "0001:02:05.25");
        assert_eq!(ScormVersion::Scorm2004.duration(ms), "PT1H2M5.25S");
        assert_eq!(ScormVersion::Scorm12.duration(0), "0000:00:00.00");
        assert_eq!(ScormVersion::Scorm2004.duration(999), "PT0H0M0.99S");
        assert_eq!(
            ScormVersion::Scorm12.duration(20_000 * 3_600_000),
            "9999:00:00.00",
            "CMITimespan has four digits of hours at most"
        );
    }
}
