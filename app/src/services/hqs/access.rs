//! Who may do what with HQS profiles. A buyer organisation's owners and procurement officers
//! manage its profiles; its members read them; shared profiles are read by every signed-in
//! person; the pôle's animators and the administrators read everything.

use crate::{
    db::{hqs_profiles::ProfileRow, memberships},
    domain::{
        accounts::SessionUser,
        hqs::views::BuyerChoice,
        organisations::{MemberRole, OrganisationKind},
    },
    error::AppError,
    services::directory::is_animator,
    state::AppState,
};

/// The buyer organisations where the person holds one of `roles`.
async fn buyers_where(
    state: &AppState,
    user: &SessionUser,
    roles: &[MemberRole],
) -> Result<Vec<BuyerChoice>, AppError> {
    Ok(memberships::of_user(&state.db, &user.id)
        .await?
        .into_iter()
        .filter(|m| {
            matches!(
                OrganisationKind::from_columns(&m.kind, m.buyer_kind.as_deref()),
                Some(OrganisationKind::Buyer(_))
            ) && MemberRole::parse(&m.role).is_ok_and(|r| roles.contains(&r))
        })
        .map(|m| BuyerChoice { id: m.id, name: m.name })
        .collect())
}

/// The buyer organisations where the person manages profiles.
pub async fn managed_buyers(
    state: &AppState,
    user: &SessionUser,
) -> Result<Vec<BuyerChoice>, AppError> {
    buyers_where(state, user, &[MemberRole::Owner, MemberRole::ProcurementOfficer]).await
}

/// The buyer organisations where the person runs compliance checks (procurement officers).
pub async fn officer_of(
    state: &AppState,
    user: &SessionUser,
) -> Result<Vec<BuyerChoice>, AppError> {
    buyers_where(state, user, &[MemberRole::ProcurementOfficer]).await
}

/// Every organisation the person belongs to.
pub async fn member_of(state: &AppState, user: &SessionUser) -> Result<Vec<String>, AppError> {
    Ok(memberships::of_user(&state.db, &user.id).await?.into_iter().map(|m| m.id).collect())
}

pub async fn can_manage(
    state: &AppState,
    user: &SessionUser,
    organisation_id: &str,
) -> Result<bool, AppError> {
    if user.is_admin {
        return Ok(true);
    }
    Ok(managed_buyers(state, user).await?.iter().any(|b| b.id == organisation_id))
}

pub async fn can_read(
    state: &AppState,
    user: &SessionUser,
    profile: &ProfileRow,
) -> Result<bool, AppError> {
    Ok(profile.shared == 1
        || member_of(state, user).await?.contains(&profile.organisation_id)
        || is_animator(state, user).await?)
}
