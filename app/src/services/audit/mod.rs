//! The audit log: the hash chain that records every event of checks and labels, sealed
//! with a key kept outside the database ([`chain`], [`key`]); the daily signed checkpoints
//! of its head, kept outside the database too ([`checkpoint`]); and a subject's entries in
//! words for the pages that show its history ([`history`]).

mod chain;
pub mod checkpoint;
pub mod history;
mod key;

pub use chain::*;
pub use key::{AuditKey, MIN_KEY_BYTES, install, installed};
