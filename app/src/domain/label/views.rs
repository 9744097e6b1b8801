//! What the label's pages show.

use serde::{Deserialize, Serialize};

use super::{LabelState, Level, Recommendation};
use crate::domain::hqs::{Requirements, views::HistoryEntry};

/// What the viewer may do on a label file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LabelRole {
    /// The structure's people: complete, submit, answer a suspension, renew.
    Holder,
    /// The pôle's animators: return, prepare, decide (not what they prepared), sanction.
    Animator,
}

/// A label file, as its page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelView {
    pub id: String,
    pub role: LabelRole,
    pub state: LabelState,
    pub structure_id: String,
    pub structure_name: String,
    pub structure_slug: String,
    /// The file's check: criteria, evidence, reviews.
    pub check_id: String,
    pub label_version: i64,
    pub number: Option<String>,
    pub level: Option<Level>,
    pub score: Option<i64>,
    /// `AAAA-MM-JJ`.
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub preparer_name: Option<String>,
    pub recommendation: Option<Recommendation>,
    pub reason: Option<String>,
    pub response: Option<String>,
    pub renewal_of: Option<String>,
    /// Whether this viewer may decide (an animator who did not prepare a prepared file).
    pub may_decide: bool,
    pub history: Vec<HistoryEntry>,
}

/// A label file in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelSummary {
    pub id: String,
    pub structure_name: String,
    pub state: LabelState,
    pub number: Option<String>,
    pub level: Option<Level>,
    pub valid_until: Option<String>,
    pub updated_at: i64,
}

/// A label held now, as the registry, badges and the verification page show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeldCertification {
    pub number: String,
    pub level: Option<Level>,
    /// `AAAA-MM-JJ`.
    pub valid_until: String,
    pub structure_name: String,
    pub structure_slug: String,
    pub commune_name: Option<String>,
}

/// What a number's verification finds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Verification {
    /// The number is not one Ecossol gave (or was mistyped).
    Unknown,
    /// A label granted once; `state` tells whether it holds now.
    Found { state: LabelState, label: HeldCertification },
}

/// The label profile's versions, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelProfileVersion {
    pub version: i64,
    pub referential_version: i64,
    pub requirements: Requirements,
    pub note: String,
    pub published_at: i64,
}
