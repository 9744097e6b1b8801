//! What the HQS pages show and what their changes answer.

use serde::{Deserialize, Serialize};

use super::{harmonise::Comparison, profile_form::RequirementForm, referential::Referential};

/// A published version of the référentiel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferentialVersion {
    pub version: i64,
    pub note: String,
    pub published_at: i64,
    pub referential: Referential,
}

/// A profile in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileSummary {
    pub id: String,
    pub name: String,
    pub organisation_name: String,
    pub shared: bool,
    /// The viewer's organisation owns it (and the viewer may edit it).
    pub editable: bool,
    pub referential_version: i64,
    pub updated_at: i64,
}

/// The buyer organisations where the person manages profiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerChoice {
    pub id: String,
    pub name: String,
}

/// `/hqs/profils`: the profiles the person may use, and where they may create one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfilesPage {
    pub profiles: Vec<ProfileSummary>,
    pub buyers: Vec<BuyerChoice>,
}

/// A profile's page: what it requires, and its form when the viewer may edit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileView {
    pub summary: ProfileSummary,
    pub description: String,
    pub requirements: super::profile::Requirements,
    pub form: RequirementForm,
    /// The version of the référentiel the form offers (the latest).
    pub latest: ReferentialVersion,
}

/// `/hqs/harmonisation`: profiles side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Harmonisation {
    pub profiles: Vec<ProfileSummary>,
    pub comparison: Comparison,
}

/// A check in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSummary {
    pub id: String,
    pub profile_name: String,
    pub buyer_name: String,
    pub structure_name: String,
    pub offer_title: Option<String>,
    pub state: super::check::CheckState,
    pub decision: Option<super::check::Decision>,
    pub updated_at: i64,
}

/// A piece of evidence sent for a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceView {
    pub id: String,
    pub kind: super::criteria::EvidenceKind,
    pub file_name: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub valid_until: Option<String>,
    pub review: super::facts::Review,
    pub review_reason: Option<String>,
    pub uploaded_at: i64,
}

/// One event of a check's audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub seq: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub details: String,
    pub hash: String,
}

impl CheckView {
    /// Whether the viewer may take `step` now: whether they are who takes it, and whether the
    /// check's state machine leads anywhere with it (the service applies the same rule).
    pub fn allows(&self, step: super::check::CheckStep) -> bool {
        self.role == step.taker() && step.from(self.state).is_ok()
    }
}

/// What the viewer may do on a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckRole {
    /// A procurement officer of the buyer (or an administrator): every step and review.
    Officer,
    /// The supplier's people: send evidence, say it is there.
    Supplier,
    /// The buyer's other people and the pôle's animators: read only.
    Reader,
    /// The buyer's people while the pôle does not vouch for the buyer (never verified, or no
    /// longer): the check without the supplier's files, and no step.
    Frozen,
}

/// A check's page and printable report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckView {
    pub id: String,
    pub role: CheckRole,
    pub state: super::check::CheckState,
    pub profile_name: String,
    pub referential_version: i64,
    pub buyer_id: String,
    pub buyer_name: String,
    pub structure_name: String,
    pub structure_slug: String,
    pub offer_title: Option<String>,
    pub requirements: super::profile::Requirements,
    pub evaluation: super::evaluate::Evaluation,
    pub decision: Option<super::check::Decision>,
    pub decision_comment: Option<String>,
    pub decided_at: Option<i64>,
    pub opened_at: i64,
    pub evidence: Vec<EvidenceView>,
    pub history: Vec<HistoryEntry>,
    /// The label file this check belongs to, when it is one (its steps are the file's).
    pub label_id: Option<String>,
}

/// What an officer may open a check with, from a structure's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckOpening {
    /// The officer's buyers the pôle verified: those a check may be opened for.
    pub buyers: Vec<BuyerChoice>,
    /// The officer's buyers the pôle has not verified (yet, or any longer).
    pub unverified: Vec<BuyerChoice>,
    pub profiles: Vec<ProfileSummary>,
    /// (id, title) of the structure's public offers.
    pub offers: Vec<(String, String)>,
}
