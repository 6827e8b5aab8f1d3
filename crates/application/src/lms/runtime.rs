//! The port to the SCORM run-time an LMS puts in the page: the same six
//! calls in both versions, which the browser adapter names as each one
//! spells them (`LMSInitialize` or `Initialize`, …).

use crate::lms::ScormVersion;

pub trait ScormRuntime {
    fn version(&self) -> ScormVersion;
    fn initialize(&self) -> bool;
    /// The value of a data model element; empty when it has none.
    fn get_value(&self, element: &str) -> String;
    fn set_value(&self, element: &str, value: &str) -> bool;
    fn commit(&self) -> bool;
    fn terminate(&self) -> bool;
    /// The code of the last call's error ("0" when there was none) and the
    /// LMS's words for it.
    fn last_error(&self) -> (String, String);
}
