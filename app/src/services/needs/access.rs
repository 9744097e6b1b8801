//! Who may do what with a need, read from the person acting: members of the buying
//! organisation read it; its owners and procurement officers change it; only a verified
//! buyer sends it to the pôle; the pôle's animators moderate every need.

use crate::{
    db::needs::NeedRow,
    domain::{accounts::Acting, needs::views::NeedRights, organisations::MemberRole},
};

/// The roles that write a buyer's needs.
pub const WRITERS: &[MemberRole] = &[MemberRole::Owner, MemberRole::ProcurementOfficer];

/// The buyer organisations where the person may write needs.
pub fn writes_for(user: &Acting, organisation_id: &str) -> bool {
    user.buyers_where(WRITERS).any(|s| s.organisation_id == organisation_id)
}

pub fn rights(user: Option<&Acting>, row: &NeedRow) -> NeedRights {
    let Some(user) = user else {
        return NeedRights {
            buyer: false,
            manages: false,
            moderates: false,
            verified: false,
            member: false,
        };
    };
    NeedRights {
        buyer: user.is_member_of(&row.organisation_id),
        manages: writes_for(user, &row.organisation_id),
        moderates: user.moderates(),
        verified: user.in_verified_buyer(&row.organisation_id),
        // Read with the need's group purchase, by those who load it.
        member: false,
    }
}

/// Whether the need's page may be shown: public once published; before that, to its buyer
/// and the animators only.
pub fn can_read(rights: NeedRights, row: &NeedRow) -> bool {
    row.state.is_public() || rights.buyer || rights.moderates || rights.member
}

/// Whether the buyer's name may be shown: to the buyer, the animators, or when the need is
/// not anonymous.
pub fn shows_buyer(rights: NeedRights, row: &NeedRow) -> bool {
    row.anonymous == 0 || rights.buyer || rights.moderates || rights.member
}
