use serde::{Deserialize, Serialize};

use super::{BuyerCategory, MemberRole, OrganisationKind, Verification};

/// An organisation as listed to a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationSummary {
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    /// The viewer's role, when they are a member.
    pub my_role: Option<MemberRole>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub user_id: String,
    pub display_name: String,
    pub email: String,
    pub role: MemberRole,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequestView {
    pub id: String,
    pub display_name: String,
    pub email: String,
}

/// An organisation's page, as its members see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationDetails {
    pub summary: OrganisationSummary,
    pub members: Vec<MemberView>,
    /// Pending requests to join; shown to owners only (empty otherwise).
    pub join_requests: Vec<JoinRequestView>,
    /// Roles this organisation can give.
    pub role_choices: Vec<MemberRole>,
    /// For buyers: where the pôle's verification stands (`None` for other kinds).
    pub verification: Option<VerificationView>,
}

/// A buyer's verification by the pôle, as its members see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerificationView {
    pub state: Verification,
    pub siret: Option<String>,
    pub category: Option<BuyerCategory>,
    /// The animator's reason for the last decision.
    pub reason: Option<String>,
    pub decided_at: Option<i64>,
}

/// A buyer on the animators' desk: waiting for a decision, or verified (to withdraw).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerToVerify {
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub state: Verification,
    pub siret: Option<String>,
    pub category: Option<BuyerCategory>,
    /// Who asked: name and address (empty once their account is gone).
    pub requester: String,
    pub requested_at: Option<i64>,
}

/// What an owner decides on a request to join.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JoinDecision {
    Accept,
    Refuse,
}
