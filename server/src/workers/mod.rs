//! Background workers. Each runs until the server's shutdown signal and keeps its state in
//! the database, so that several servers can run side by side.

pub mod audit_checkpoints;
pub mod labels;
pub mod mail;
pub mod needs;
pub mod search;
pub mod watch_reports;
