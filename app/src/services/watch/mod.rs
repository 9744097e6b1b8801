//! The partnership's watch of purchasing (veille partenariale): the purchase ledger fed by
//! buyers' purchases files (and, later, DECP), its suppliers matched to the directory, the
//! unmatched ones linked by the pôle. The indicators read the same table.

pub mod access;
pub mod decp;
pub mod demo;
pub mod demo_decp;
pub mod demo_ledger;
pub mod files;
pub mod imports;
pub mod indicators;
pub mod indicators_demo;
pub mod insertion;
pub mod matching;
pub mod open_data;
pub mod reports;
pub mod scan;
pub mod suppliers;
mod views;

pub use imports::{Keeper, Upload, confirm, discard, list, map, page, upload};
pub use suppliers::{link, unmatched};
