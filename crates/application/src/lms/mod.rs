//! A quiz inside a learning management system, as a SCORM package
//! (`cargo xtask scorm`): the launch link, the SCORM run-time as a port,
//! what the LMS is told of a result in each version's data model, and one
//! launch's session with it. The LMS is the backend; the app stays static.

mod launch;
mod record;
mod runtime;
mod session;
mod suspend;
mod version;

pub use launch::{LmsLaunch, Packaged, DEFAULT_PASS_PERCENT};
pub use record::{finished_values, Values};
pub use runtime::ScormRuntime;
pub use session::LmsSession;
pub(crate) use suspend::{resumed, suspend_data};
pub use version::{ScormVersion, SCORM12_SUSPEND_LIMIT, SCORM2004_SUSPEND_LIMIT};
