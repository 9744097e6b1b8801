//! The directory of structures and the catalogue of offers.

pub mod change;
pub mod read;

pub use change::*;
pub use read::*;
