//! A quiz inside another site's page: the embed link, the messages the
//! frame and its host page exchange (checked against the host's origin),
//! and the xAPI statement sent on completion.

mod channel;
mod host_origin;
mod protocol;
mod request;
mod xapi;

pub use channel::EmbedChannel;
pub use host_origin::HostOrigin;
pub use protocol::{
    Completion, FrameMessage, HostCommand, QuestionResult, PROTOCOL, PROTOCOL_VERSION,
};
pub use request::{EmbedRequest, EMBED_PARAMETERS};
pub use xapi::{XapiStatement, PASS_PERCENT, XAPI_COMPLETED};
