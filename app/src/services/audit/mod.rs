//! The audit log: the hash chain that records every event of checks and labels
//! ([`chain`]), and a subject's entries in words for the pages that show its history
//! ([`history`]).

mod chain;
pub mod history;

pub use chain::*;
