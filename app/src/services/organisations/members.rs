use crate::domain::Outcome;
use crate::{
    db::memberships,
    domain::{accounts::Acting, organisations::MemberRole},
    error::AppError,
    state::AppState,
};

use super::access::{require_owner, standing};

const LAST_OWNER: &str =
    "L'organisation doit garder au moins un responsable : nommez-en un autre d'abord.";

/// Gives a member another role. Owners only; the last owner stays an owner.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id, member_id))]
pub async fn change_role(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    member_id: &str,
    role: &str,
) -> Result<Outcome<String>, AppError> {
    let kind = require_owner(state, user, organisation_id).await?;
    let role = match MemberRole::parse(role) {
        Ok(role) if role.fits(kind) => role,
        _ => {
            return Ok(Outcome::Refused(
                "Ce rôle n'existe pas pour ce type d'organisation.".to_owned(),
            ));
        }
    };
    let mut tx = crate::db::begin(&state.db).await?;
    memberships::lock_organisation(&mut tx, organisation_id, state.clock.now_ms()).await?;
    let current = memberships::role_of(&mut *tx, organisation_id, member_id).await?;
    let Some(current) = current.and_then(|r| MemberRole::parse(&r).ok()) else {
        return Ok(Outcome::Refused("Cette personne n'est pas membre.".to_owned()));
    };
    if current == MemberRole::Owner
        && role != MemberRole::Owner
        && memberships::owner_count(&mut tx, organisation_id).await? <= 1
    {
        return Ok(Outcome::Refused(LAST_OWNER.to_owned()));
    }
    memberships::set_role(&mut tx, organisation_id, member_id, role.as_str()).await?;
    tx.commit().await?;
    Ok(Outcome::Done(organisation_id.to_owned()))
}

/// Leaves an organisation; the last owner cannot.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id))]
pub async fn leave(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
) -> Result<Outcome<String>, AppError> {
    standing(state, user, organisation_id).await?;
    let mut tx = crate::db::begin(&state.db).await?;
    memberships::lock_organisation(&mut tx, organisation_id, state.clock.now_ms()).await?;
    let role = memberships::role_of(&mut *tx, organisation_id, &user.id).await?;
    let Some(role) = role.and_then(|r| MemberRole::parse(&r).ok()) else {
        return Ok(Outcome::Refused("Vous n'êtes pas membre de cette organisation.".to_owned()));
    };
    if role == MemberRole::Owner && memberships::owner_count(&mut tx, organisation_id).await? <= 1 {
        return Ok(Outcome::Refused(LAST_OWNER.to_owned()));
    }
    memberships::delete(&mut tx, organisation_id, &user.id).await?;
    tx.commit().await?;
    Ok(Outcome::Done(organisation_id.to_owned()))
}
