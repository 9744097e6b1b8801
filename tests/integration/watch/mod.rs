//! The watch of purchasing: buyers' purchases files (CSV in Windows-1252 or UTF-8, XLSX)
//! mapped, previewed with French errors, imported all or nothing, replaced when sent again;
//! suppliers matched to the directory, the unmatched ones listed and linked by the pôle;
//! who may do what.

mod demo;
mod files;
mod mapping;
mod reports;
mod rights;
mod suppliers;
