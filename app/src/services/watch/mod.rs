//! The partnership's watch of purchasing (veille partenariale): the purchase ledger fed by
//! buyers' purchases files (and, later, DECP), its suppliers matched to the directory, the
//! unmatched ones linked by the pôle. The indicators read the same table.

pub mod access;
pub mod demo;
pub mod files;
pub mod imports;
pub mod matching;
pub mod reports;
pub mod scan;
pub mod suppliers;
mod views;

pub use imports::{Upload, confirm, discard, list, map, page, upload};
pub use suppliers::{link, unmatched};
