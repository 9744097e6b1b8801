//! The Ecossol server: configuration, the HTTP application, the supervised Meilisearch, and
//! the command-line tools. `main.rs` only parses the command line and calls in here.

pub mod admin;
pub mod audit;
pub mod cli;
pub mod config;
pub mod http;
pub mod meili;
pub mod offline;
pub mod startup;
pub mod telemetry;
pub mod workers;

pub use config::Settings;
pub use startup::Application;
