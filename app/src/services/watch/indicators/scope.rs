//! Who sees which figures. A member of a buyer organisation sees its own purchases, every
//! line of them, without secret (« ma part d'achats solidaires »). The pôle's people
//! (animators, observers, owners) and administrators see the partnership's aggregates,
//! with the secret. Everybody else, visitors included, sees the public buyers' part with the
//! secret: public buyers' contracts are public (DECP open data), while private buyers gave
//! their files to the partnership, not to the public; the secret still applies because a
//! public buyer's own file holds purchases below the publication thresholds.

use super::snapshot::Lines;
use crate::{
    domain::{
        accounts::Acting,
        organisations::OrganisationKind,
        watch::indicators::{Choice, Filters, Scope, View},
    },
    error::AppError,
};

/// The pôle's people and administrators.
pub fn sees_partnership(viewer: Option<&Acting>) -> bool {
    viewer.is_some_and(|u| {
        u.moderates() || u.standings().iter().any(|s| s.kind == OrganisationKind::Pole)
    })
}

/// The buyer organisations the person belongs to.
pub fn own_buyers(viewer: Option<&Acting>) -> Vec<Choice> {
    viewer
        .map(|u| {
            u.standings()
                .iter()
                .filter(|s| matches!(s.kind, OrganisationKind::Buyer(_)))
                .map(|s| (s.organisation_id.clone(), s.organisation_name.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// The scope the filters ask for, as far as the person may see it.
pub fn resolve(viewer: Option<&Acting>, filters: &Filters) -> Result<(Scope, Lines), AppError> {
    let own = own_buyers(viewer);
    let pole = sees_partnership(viewer);
    let chosen = match &filters.organisation {
        Some(id) => Some(own.iter().find(|(o, _)| o == id).ok_or(if viewer.is_some() {
            AppError::Forbidden
        } else {
            AppError::Unauthenticated
        })?),
        None => own.first(),
    };
    let wants_own = match filters.view {
        Some(View::Own) => true,
        Some(View::Partnership) => false,
        None => filters.organisation.is_some() || (!own.is_empty() && !pole),
    };
    if wants_own {
        let Some((id, name)) = chosen else {
            return Err(if viewer.is_some() {
                AppError::Forbidden
            } else {
                AppError::Unauthenticated
            });
        };
        let scope = Scope::Organisation { id: id.clone(), name: name.clone() };
        return Ok((scope, Lines::Organisation(id.clone())));
    }
    Ok(if pole { (Scope::Partnership, Lines::All) } else { (Scope::PublicBuyers, Lines::Public) })
}
