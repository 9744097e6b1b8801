//! What the watch's pages show, as the server sends it, and the forms they post.

use serde::{Deserialize, Serialize};

/// An organisation the person may import purchases for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationChoice {
    pub id: String,
    pub name: String,
}

/// One import in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub id: String,
    pub organisation_name: String,
    pub file_name: String,
    /// pending, imported, replaced.
    pub state: String,
    pub state_label: String,
    pub line_count: i64,
    pub matched_count: i64,
    pub total: String,
    /// `27/11/2026`: when it was sent, or imported.
    pub on: String,
}

/// `/veille/imports`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportsPage {
    /// Where the person may send a file (verified buyers where they write).
    pub may_import_for: Vec<OrganisationChoice>,
    /// Buyers where they write but that the pôle has not verified yet.
    pub awaiting_verification: Vec<String>,
    pub imports: Vec<ImportSummary>,
    /// The pôle's view: every buyer's imports.
    pub everyone: bool,
}

/// A column of a pending file and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnView {
    /// 1-based, as the form's fields name it (`role_1`).
    pub number: u32,
    pub letter: String,
    pub header: String,
    pub samples: Vec<String>,
    /// The role's code, empty when ignored.
    pub role: String,
}

/// A role offered for a column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleChoice {
    pub code: String,
    pub label: String,
    pub required: bool,
}

/// A line as read (preview) or stored, with its supplier's match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineView {
    pub line: u64,
    pub supplier: String,
    pub identifier: String,
    pub amount: String,
    pub date: String,
    pub category: String,
    pub buying_entity: String,
    pub considerations: String,
    pub place: String,
    /// The directory's structure, with its kinds and families, when matched.
    pub structure: Option<String>,
}

/// An error of a file: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowErrorView {
    pub file: String,
    pub line: u64,
    pub column: String,
    pub message: String,
}

impl RowErrorView {
    /// `achats.csv, ligne 4, colonne C « Montant HT » : …`
    pub fn text(&self) -> String {
        format!("{}, ligne {}, colonne {} : {}", self.file, self.line, self.column, self.message)
    }
}

/// What the file would import with the current mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewView {
    pub lines: Vec<LineView>,
    pub line_count: u64,
    pub error_count: u64,
    /// The errors shown (the first ones when there are very many).
    pub errors: Vec<RowErrorView>,
    pub total: String,
    pub matched_count: u64,
}

/// `/veille/imports/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPage {
    pub summary: ImportSummary,
    /// The person may map, confirm or discard it (a writer of its verified buyer).
    pub may_change: bool,
    pub columns: Vec<ColumnView>,
    pub roles: Vec<RoleChoice>,
    /// Pending: what it would import; imported: its first lines as stored.
    pub preview: Option<PreviewView>,
    /// The file cannot be read at all (the French reason).
    pub unreadable: Option<String>,
}

/// A supplier of the ledger that no structure of the directory matches, with its spend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmatchedSupplier {
    /// siret, siren, name.
    pub key_kind: String,
    pub key: String,
    pub name: String,
    /// `SIRET 732 829 320 00074`, `SIREN …` or `sans numéro`.
    pub identifier: String,
    pub line_count: i64,
    pub spend: String,
    pub spend_cents: i64,
}

/// `/veille/fournisseurs-non-rapproches`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmatchedPage {
    pub suppliers: Vec<UnmatchedSupplier>,
    /// The pôle's animators link suppliers to structures.
    pub may_link: bool,
    pub everyone: bool,
    pub total: String,
}

/// The column mapping chosen on screen: one role code per column (`form[roles][]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MappingForm {
    pub roles: Vec<String>,
}

/// An animator links a supplier of the ledger to a structure: its SIRET, or its page's
/// address (`/structures/<slug>`) or slug.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkForm {
    pub key_kind: String,
    pub key: String,
    pub structure: String,
}
