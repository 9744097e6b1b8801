//! Pure types and rules of the Ecossol domain. No I/O: everything here compiles for the
//! server and for the browser.

pub mod figures;

pub use figures::Figures;
