//! Ecossol's shared crate: domain rules, server functions and the Leptos UI.
//!
//! Compiled twice: with `ssr` for the axum server (database, search, services) and with
//! `hydrate` for the browser bundle. The two features are never enabled together.

// Leptos views of whole pages are deeply nested types.
#![recursion_limit = "256"]

pub mod domain;
pub mod error;
pub mod server_fns;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod state;

pub use ui::{App, shell};

#[cfg(test)]
mod layering;
