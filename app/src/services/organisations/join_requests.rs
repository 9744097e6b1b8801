use crate::domain::Outcome;
use crate::{
    db::{join_requests, memberships, organisations, users},
    domain::{accounts::Acting, organisations::MemberRole},
    error::AppError,
    services::mail,
    state::AppState,
};

use super::access::{require_owner, standing};

/// Asks to join an organisation; its owners are told by e-mail.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id))]
pub async fn request_to_join(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
) -> Result<Outcome<String>, AppError> {
    let (kind, role) = standing(state, user, organisation_id).await?;
    if kind == crate::domain::organisations::OrganisationKind::Pole {
        return Err(AppError::Forbidden);
    }
    if role.is_some() {
        return Ok(Outcome::Refused("Vous êtes déjà membre de cette organisation.".to_owned()));
    }
    let organisation =
        organisations::find(&state.db, organisation_id).await?.ok_or(AppError::Forbidden)?;
    let now = state.clock.now_ms();
    let id = uuid::Uuid::new_v4().to_string();
    let link = format!("{}/organisations/{organisation_id}", state.public_url);
    // Check, request and e-mails in one transaction; a unique index backs the check.
    let mut tx = crate::db::begin(&state.db).await?;
    if join_requests::has_pending(&mut tx, organisation_id, &user.id).await? {
        return Ok(Outcome::Refused("Votre demande est déjà en attente.".to_owned()));
    }
    join_requests::insert(&mut tx, &id, organisation_id, &user.id, now).await?;
    for owner in memberships::owner_emails(&state.db, organisation_id).await? {
        let message = mail::join_request(&owner, &user.display_name, &organisation.name, &link);
        mail::enqueue(&mut tx, &message, now).await?;
    }
    tx.commit().await?;
    Ok(Outcome::Done(organisation_id.to_owned()))
}

/// Accepts (as a member) or refuses a request to join. Owners only.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id))]
pub async fn decide_join_request(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    request_id: &str,
    accept: bool,
) -> Result<Outcome<String>, AppError> {
    require_owner(state, user, organisation_id).await?;
    let organisation =
        organisations::find(&state.db, organisation_id).await?.ok_or(AppError::Forbidden)?;
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    let Some(requester) =
        join_requests::decide(&mut tx, request_id, organisation_id, accept, &user.id, now).await?
    else {
        return Ok(Outcome::Refused("Cette demande a déjà été traitée.".to_owned()));
    };
    let already_member =
        memberships::role_of(&mut *tx, organisation_id, &requester).await?.is_some();
    if accept && !already_member {
        memberships::insert(&mut tx, organisation_id, &requester, MemberRole::Member.as_str(), now)
            .await?;
    }
    if let Some(email) = users::find_by_id(&state.db, &requester).await?.and_then(|u| u.email) {
        mail::enqueue(&mut tx, &mail::join_decision(&email, &organisation.name, accept), now)
            .await?;
    }
    tx.commit().await?;
    Ok(Outcome::Done(organisation_id.to_owned()))
}
