//! Pure types and rules of the Ecossol domain. No I/O: everything here compiles for the
//! server and for the browser.

pub mod accounts;
pub mod audit;
pub mod calendar;
pub mod code;
pub mod csv_cell;
pub mod directory;
pub mod field_errors;
pub mod figures;
pub mod files;
pub mod flash;
pub mod geo;
pub mod guide;
pub mod hqs;
pub mod label;
pub mod needs;
pub mod organisations;
pub mod outcome;
#[cfg(test)]
mod properties;
pub mod search;
pub mod watch;

pub use code::Code;
pub use field_errors::FieldErrors;
pub use figures::Figures;
pub use flash::Flash;
pub use outcome::Outcome;
