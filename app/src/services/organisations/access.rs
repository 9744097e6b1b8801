use crate::{
    db::organisations,
    domain::{
        accounts::Acting,
        organisations::{MemberRole, OrganisationKind},
    },
    error::AppError,
    state::AppState,
};

/// The organisation's kind and the person's role in it (None: not a member).
pub async fn standing(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
) -> Result<(OrganisationKind, Option<MemberRole>), AppError> {
    let organisation = organisations::find(&state.db, organisation_id).await?;
    let kind = organisation.and_then(|o| o.kind()).ok_or(AppError::Forbidden)?;
    Ok((kind, user.role_in(organisation_id)))
}

/// Refuses anyone but the organisation's owners (and administrators).
pub async fn require_owner(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
) -> Result<OrganisationKind, AppError> {
    let (kind, role) = standing(state, user, organisation_id).await?;
    if role.is_some_and(MemberRole::manages_members) || user.is_admin {
        Ok(kind)
    } else {
        Err(AppError::Forbidden)
    }
}
