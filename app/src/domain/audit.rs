//! The audit log's checkpoints: the chain's head (its last entry's number and hash) on a day,
//! signed with the audit key and kept outside the database. The signature is computed and
//! checked by `services::audit`; here is what a checkpoint file holds and what the animators
//! see of the last one.

use serde::{Deserialize, Serialize};

/// What a checkpoint file holds (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// The day it was taken, in Paris (`2026-12-01`): one checkpoint a day.
    pub day: String,
    /// The chain's last entry then (0: the chain was empty).
    pub seq: i64,
    /// Its hash (the genesis hash for an empty chain).
    pub hash: String,
    /// When it was taken (Unix milliseconds).
    pub at: i64,
    /// HMAC-SHA256 of the fields above with the audit key, in hexadecimal.
    pub signature: String,
}

impl Checkpoint {
    /// `audit-checkpoint-2026-12-01.json`
    pub fn file_name(&self) -> String {
        file_name(&self.day)
    }
}

/// The file of `day`'s checkpoint.
pub fn file_name(day: &str) -> String {
    format!("audit-checkpoint-{day}.json")
}

/// The last checkpoint, as the animators' desk shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// `01/12/2026`
    pub day: String,
    pub seq: i64,
    pub hash: String,
    /// Whether its signature holds with this server's key.
    pub signature_holds: bool,
}
