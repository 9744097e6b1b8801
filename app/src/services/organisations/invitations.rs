use crate::domain::Outcome;
use crate::{
    clock::DAY_MS,
    db::{invitations, memberships, organisations, users},
    domain::{
        FieldErrors,
        accounts::{Acting, Email},
        organisations::MemberRole,
    },
    error::AppError,
    services::{
        accounts::{hash_token, new_token},
        limits, mail,
    },
    state::AppState,
};

use super::access::require_owner;

const INVITATION_VALIDITY_MS: i64 = 14 * DAY_MS;

/// Invites an address into the organisation with a role. Owners only.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id))]
pub async fn invite(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    email: &str,
    role: &str,
) -> Result<Outcome<String>, AppError> {
    let kind = require_owner(state, user, organisation_id).await?;
    let mut errors = FieldErrors::new();
    let email = errors.check("email", Email::parse(email));
    let role = errors.check("role", MemberRole::parse(role));
    if let Some(role) = role
        && !role.fits(kind)
    {
        errors.add("role", "Ce rôle n'existe pas pour ce type d'organisation.");
    }
    let (Some(email), Some(role)) = (email, role) else {
        return Ok(Outcome::Invalid(errors));
    };
    if !errors.is_empty() {
        return Ok(Outcome::Invalid(errors));
    }
    let organisation =
        organisations::find(&state.db, organisation_id).await?.ok_or(AppError::Forbidden)?;
    let token = new_token();
    let now = state.clock.now_ms();
    let link = format!("{}/invitation?jeton={token}", state.public_url);
    let message = mail::invitation(
        email.as_str(),
        &user.display_name,
        &organisation.name,
        role.label(),
        &link,
    );
    // Beyond the account mails' limits the invitation stays (the link on the organisation's
    // page works) but no mail leaves: an organisation anyone can create must not serve to
    // flood an address or to send its free text from Ecossol's domain.
    let send = limits::mail_allowed(&state.db, email.as_str(), &user.id, now).await?;
    let mut tx = crate::db::begin(&state.db).await?;
    invitations::insert(
        &mut tx,
        &hash_token(&token),
        organisation_id,
        email.as_str(),
        role.as_str(),
        &user.id,
        now,
        now + INVITATION_VALIDITY_MS,
    )
    .await?;
    if send {
        mail::enqueue(&mut tx, &message, now).await?;
    }
    tx.commit().await?;
    Ok(Outcome::Done(organisation_id.to_owned()))
}

/// Joins the organisation of an invitation. The invitation must be for the signed-in
/// person's address.
#[tracing::instrument(skip_all, fields(user_id = %user.id))]
pub async fn accept_invitation(
    state: &AppState,
    user: &Acting,
    token: &str,
) -> Result<Outcome<String>, AppError> {
    let now = state.clock.now_ms();
    let hash = hash_token(token.trim());
    let mut tx = crate::db::begin(&state.db).await?;
    let Some((organisation_id, email, role, invited_by)) =
        invitations::pending(&mut tx, &hash, now).await?
    else {
        return Ok(Outcome::Refused(
            "Cette invitation n'est plus valable (déjà utilisée ou expirée).".to_owned(),
        ));
    };
    if email != user.email {
        return Ok(Outcome::Refused(format!(
            "Cette invitation a été envoyée à {email} : connectez-vous avec cette adresse pour l'accepter."
        )));
    }
    if !still_may_invite(state, &organisation_id, invited_by.as_deref()).await? {
        return Ok(Outcome::Refused(
            "Cette invitation n'est plus valable : la personne qui l'a envoyée n'est plus \
             responsable de l'organisation."
                .to_owned(),
        ));
    }
    if memberships::role_of(&state.db, &organisation_id, &user.id).await?.is_some() {
        invitations::mark_accepted(&mut tx, &hash, now).await?;
        tx.commit().await?;
        return Ok(Outcome::Done(organisation_id));
    }
    if !invitations::mark_accepted(&mut tx, &hash, now).await? {
        return Ok(Outcome::Refused("Cette invitation a déjà été utilisée.".to_owned()));
    }
    memberships::insert(&mut tx, &organisation_id, &user.id, &role, now).await?;
    tx.commit().await?;
    tracing::info!(organisation_id, "invitation accepted");
    Ok(Outcome::Done(organisation_id))
}

/// An invitation is only as good as its sender's rights: they must still be an owner of the
/// organisation (or an administrator) when it is accepted.
async fn still_may_invite(
    state: &AppState,
    organisation_id: &str,
    inviter: Option<&str>,
) -> Result<bool, AppError> {
    let Some(inviter) = inviter else { return Ok(false) };
    let role = memberships::role_of(&state.db, organisation_id, inviter).await?;
    if role.as_deref() == Some(MemberRole::Owner.as_str()) {
        return Ok(true);
    }
    let admin = users::find_by_id(&state.db, inviter).await?;
    Ok(admin.is_some_and(|u| u.platform_role.as_deref() == Some("admin")))
}
