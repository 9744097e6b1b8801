use serde::{Deserialize, Serialize};

/// A queued or sent message, for the administrators' mail page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailView {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub sent: bool,
}
