//! The directory of structures and the catalogue of offers. Every function a person calls
//! checks the person's rights itself; import, export and demo data are the pôle's tools.

mod access;
pub mod activities;
pub mod certifications;
mod csv_files;
pub mod demo;
mod demo_offers;
mod demo_vocabulary;
pub mod export;
pub mod import;
pub mod lifecycle;
pub mod offers;
pub mod profile;
pub mod read;
mod rows;
mod slugs;
mod store;
pub mod uploads;

pub use access::{StructureKey, can_edit, can_edit_structure, require_animator};
pub use csv_files::{OFFER_COLUMNS, STRUCTURE_COLUMNS};
