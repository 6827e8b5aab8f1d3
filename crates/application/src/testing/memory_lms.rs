//! An in-memory SCORM run-time: it keeps what was set, and can refuse the
//! next calls of one kind, as a failing LMS does.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::lms::{ScormRuntime, ScormVersion};

pub struct MemoryLms {
    version: ScormVersion,
    values: RefCell<HashMap<String, String>>,
    /// Calls made, in order: `Initialize`, `SetValue`, `Commit`, …
    pub calls: RefCell<Vec<String>>,
    /// How many of the next calls of a kind to refuse.
    refusals: RefCell<HashMap<&'static str, usize>>,
}

impl MemoryLms {
    pub fn new(version: ScormVersion) -> MemoryLms {
        MemoryLms {
            version,
            values: RefCell::default(),
            calls: RefCell::default(),
            refusals: RefCell::default(),
        }
    }

    pub fn value(&self, element: &str) -> Option<String> {
        self.values.borrow().get(element).cloned()
    }

    pub fn with_value(self, element: &str, value: &str) -> MemoryLms {
        self.values
            .borrow_mut()
            .insert(element.into(), value.into());
        self
    }

    /// Refuses the next `times` calls named `call` (`Commit`, `SetValue`, …).
    pub fn refuse(&self, call: &'static str, times: usize) {
        self.refusals.borrow_mut().insert(call, times);
    }

    fn answer(&self, call: &'static str) -> bool {
        self.calls.borrow_mut().push(call.into());
        let mut refusals = self.refusals.borrow_mut();
        match refusals.get_mut(call) {
            Some(left) if *left > 0 => {
                *left -= 1;
                false
            }
            _ => true,
        }
    }
}

impl ScormRuntime for &MemoryLms {
    fn version(&self) -> ScormVersion {
        self.version
    }

    fn initialize(&self) -> bool {
        self.answer("Initialize")
    }

    fn get_value(&self, element: &str) -> String {
        self.value(element).unwrap_or_default()
    }

    fn set_value(&self, element: &str, value: &str) -> bool {
        let accepted = self.answer("SetValue");
        if accepted {
            self.values
                .borrow_mut()
                .insert(element.into(), value.into());
        }
        accepted
    }

    fn commit(&self) -> bool {
        self.answer("Commit")
    }

    fn terminate(&self) -> bool {
        self.answer("Terminate")
    }

    fn last_error(&self) -> (String, String) {
        ("391".into(), "General Commit Failure".into())
    }
}
