//! What `/veille/decp` shows: the DECP files imported, with what each brought.

use serde::{Deserialize, Serialize};

/// One DECP import: its records read, the contracts kept (added or updated), those skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecpImportView {
    pub id: String,
    pub file_name: String,
    /// `02/12/2026`.
    pub on: String,
    pub read: i64,
    pub kept: i64,
    pub added: i64,
    pub updated: i64,
    /// Contracts outside the territory (buyer not listed, place outside the Métropole).
    pub outside: i64,
    pub concessions: i64,
    /// The ledger lines still carried by this import (a later import takes over the
    /// contracts it brings again), and those matched to the directory.
    pub lines: i64,
    pub matched: i64,
    pub total: String,
}

/// `/veille/decp`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecpPage {
    pub imports: Vec<DecpImportView>,
    /// The buyers' SIRETs whose contracts are kept wherever they are carried out.
    pub buyers: Vec<String>,
}
