//! Who may do what with the purchase ledger: the owners and procurement officers of a buyer
//! the pôle verified send its files; the buyer's members read its imports; the pôle's
//! animators read every import and link suppliers to structures.

use crate::{
    domain::{Outcome, accounts::Acting, organisations::OrganisationKind},
    error::AppError,
    services::needs::access::WRITERS,
};

/// The person writes for the buyer (owner or procurement officer).
pub fn writes_for(user: &Acting, organisation_id: &str) -> bool {
    user.buyers_where(WRITERS).any(|s| s.organisation_id == organisation_id)
}

/// The person may send the buyer's files: `Ok(None)`; a writer of a buyer the pôle has not
/// verified yet gets the French refusal; anybody else is forbidden.
pub fn may_import<T>(user: &Acting, organisation_id: &str) -> Result<Option<Outcome<T>>, AppError> {
    if !writes_for(user, organisation_id) {
        return Err(AppError::Forbidden);
    }
    if !user.in_verified_buyer(organisation_id) {
        return Ok(Some(Outcome::refused(
            "Le pôle doit d'abord vérifier votre organisation : demandez la vérification depuis \
             la page de l'organisation, puis importez vos achats.",
        )));
    }
    Ok(None)
}

/// The person reads the buyer's imports and unmatched suppliers.
pub fn reads(user: &Acting, organisation_id: &str) -> bool {
    user.moderates() || user.is_member_of(organisation_id)
}

/// The buyers whose ledger the person reads as a member (for the pôle: every buyer, `None`).
pub fn readable_buyers(user: &Acting) -> Option<Vec<String>> {
    if user.moderates() {
        return None;
    }
    Some(
        user.standings()
            .iter()
            .filter(|s| matches!(s.kind, OrganisationKind::Buyer(_)))
            .map(|s| s.organisation_id.clone())
            .collect(),
    )
}
