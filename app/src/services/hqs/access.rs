//! Who may do what with HQS profiles. A buyer organisation's owners and procurement officers
//! manage its profiles; its members read them; shared profiles are read by every signed-in
//! person; the pôle's animators and the administrators read everything. Everything here is
//! read from the person acting ([`Acting`]): no query.

use crate::{
    db::hqs_profiles::ProfileRow,
    domain::{accounts::Acting, hqs::views::BuyerChoice, organisations::MemberRole},
};

/// The buyer organisations where the person holds one of `roles`.
fn buyers_where(user: &Acting, roles: &[MemberRole]) -> Vec<BuyerChoice> {
    user.buyers_where(roles)
        .map(|s| BuyerChoice { id: s.organisation_id.clone(), name: s.organisation_name.clone() })
        .collect()
}

/// The buyer organisations where the person manages profiles.
pub fn managed_buyers(user: &Acting) -> Vec<BuyerChoice> {
    buyers_where(user, &[MemberRole::Owner, MemberRole::ProcurementOfficer])
}

/// The buyer organisations where the person runs compliance checks (procurement officers).
pub fn officer_of(user: &Acting) -> Vec<BuyerChoice> {
    buyers_where(user, &[MemberRole::ProcurementOfficer])
}

/// Every organisation the person belongs to.
pub fn member_of(user: &Acting) -> Vec<String> {
    user.standings().iter().map(|s| s.organisation_id.clone()).collect()
}

pub fn can_manage(user: &Acting, organisation_id: &str) -> bool {
    user.is_admin || managed_buyers(user).iter().any(|b| b.id == organisation_id)
}

pub fn can_read(user: &Acting, profile: &ProfileRow) -> bool {
    profile.shared == 1 || user.is_member_of(&profile.organisation_id) || user.moderates()
}
