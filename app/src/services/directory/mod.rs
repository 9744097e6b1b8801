//! The directory of structures and the catalogue of offers. Every function checks the acting
//! person's rights itself.

mod access;
pub mod activities;
pub mod lifecycle;
pub mod offers;
pub mod profile;
pub mod read;
mod slugs;

pub use access::{can_edit, is_animator};
