use crate::{
    db::{memberships, organisations},
    domain::{
        accounts::SessionUser,
        organisations::{MemberRole, OrganisationKind},
    },
    error::AppError,
    state::AppState,
};

/// The organisation's kind and the person's role in it (None: not a member).
pub async fn standing(
    state: &AppState,
    user: &SessionUser,
    organisation_id: &str,
) -> Result<(OrganisationKind, Option<MemberRole>), AppError> {
    let organisation = organisations::find(&state.db, organisation_id).await?;
    let kind = organisation.and_then(|o| o.kind()).ok_or(AppError::Forbidden)?;
    let role = memberships::role_of(&state.db, organisation_id, &user.id)
        .await?
        .and_then(|r| MemberRole::parse(&r).ok());
    Ok((kind, role))
}

/// Refuses anyone but the organisation's owners (and administrators).
pub async fn require_owner(
    state: &AppState,
    user: &SessionUser,
    organisation_id: &str,
) -> Result<OrganisationKind, AppError> {
    let (kind, role) = standing(state, user, organisation_id).await?;
    if role.is_some_and(MemberRole::manages_members) || user.is_admin {
        Ok(kind)
    } else {
        Err(AppError::Forbidden)
    }
}
