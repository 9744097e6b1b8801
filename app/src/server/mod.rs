//! Server functions, by area. Each is a thin adapter: session → parse → service → AppError.
//! Every one has an explicit, stable endpoint under `/api/`.

pub mod accounts;
pub mod directory;
pub mod home;
pub mod hqs;
pub mod label;
pub mod organisations;
#[cfg(feature = "ssr")]
pub mod request;
pub mod search;
