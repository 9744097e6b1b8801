//! Server functions, by area. Each is a thin adapter: extract (session) → parse → call the
//! service → answer ([`answer::answer`] for changes). Every one has an explicit, stable
//! endpoint under `/api/`.

pub mod accounts;
#[cfg(feature = "ssr")]
pub mod answer;
#[cfg(feature = "ssr")]
pub mod cookies;
pub mod directory;
pub mod guide;
pub mod home;
pub mod hqs;
pub mod label;
pub mod needs;
pub mod organisations;
#[cfg(feature = "ssr")]
pub mod request;
pub mod search;
pub mod watch;
