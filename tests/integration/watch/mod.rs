//! The watch of purchasing: buyers' purchases files (CSV in Windows-1252 or UTF-8, XLSX)
//! mapped, previewed with French errors, imported all or nothing, replaced when sent again;
//! suppliers matched to the directory, the unmatched ones listed and linked by the pôle;
//! who may do what.

mod decp;
mod decp_demo;
mod decp_errors;
mod decp_page;
mod demo;
mod demo_ledger;
mod files;
mod indicators;
mod indicators_demo;
mod indicators_exports;
mod indicators_ledger;
mod indicators_spaser;
mod insertion;
mod mapping;
mod open_data;
mod reports;
mod rights;
mod streamed;
mod suppliers;
