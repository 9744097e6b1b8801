//! Forgotten passwords (reset by a single-use expiring link) and password changes.

use crate::domain::Outcome;
use crate::{
    clock::HOUR_MS,
    db::{self, account_tokens, memberships, sessions, users},
    domain::{
        FieldErrors,
        accounts::{Email, Password, SessionUser},
    },
    error::AppError,
    services::{limits, mail},
    state::AppState,
};

use super::tokens::{hash_token, new_token};

const RESET_VALIDITY_MS: i64 = HOUR_MS;

/// Sends a reset link if the address has an account. The answer is the same either way.
///
/// Throttled per client address; the mail itself obeys the account mails' limits (beyond
/// them it is not sent, and the answer is the same).
#[tracing::instrument(skip_all)]
pub async fn request_password_reset(
    state: &AppState,
    email: &str,
    client_ip: &str,
) -> Result<Outcome, AppError> {
    let mut errors = FieldErrors::new();
    let Some(email) = errors.check("email", Email::parse(email)) else {
        return Ok(Outcome::Invalid(errors));
    };
    let now = state.clock.now_ms();
    if !limits::within(&state.db, limits::RESET_REQUESTS_PER_IP, client_ip, now).await? {
        return Ok(Outcome::Refused(limits::TRY_LATER.to_owned()));
    }
    let Some(user) = users::find_by_email(&state.db, email.as_str()).await? else {
        return Ok(Outcome::Done(()));
    };
    if !limits::mail_allowed(&state.db, email.as_str(), client_ip, now).await? {
        return Ok(Outcome::Done(()));
    }
    let token = new_token();
    let link = format!("{}/mot-de-passe/nouveau?jeton={token}", state.public_url);
    let mut tx = db::begin(&state.db).await?;
    account_tokens::insert(
        &mut tx,
        &hash_token(&token),
        &user.id,
        account_tokens::Purpose::ResetPassword,
        now,
        now + RESET_VALIDITY_MS,
    )
    .await?;
    mail::enqueue(&mut tx, &mail::password_reset(email.as_str(), &user.display_name, &link), now)
        .await?;
    tx.commit().await?;
    Ok(Outcome::Done(()))
}

fn new_password(errors: &mut FieldErrors, password: &str, confirm: &str) -> Option<Password> {
    let password = errors.check("password", Password::parse(password))?;
    if password.expose() != confirm {
        errors.add("password_confirm", "Les deux mots de passe ne sont pas identiques.");
        return None;
    }
    Some(password)
}

/// Sets a new password with a reset link's token; every session of the account is closed.
///
/// The token is checked before the password is hashed: a bad token costs no hashing, and the
/// attempts of a client address are limited ([`limits::RESETS_PER_IP`]).
#[tracing::instrument(skip_all)]
pub async fn reset_password(
    state: &AppState,
    token: &str,
    password: &str,
    confirm: &str,
    client_ip: &str,
) -> Result<Outcome, AppError> {
    let now = state.clock.now_ms();
    if !limits::within(&state.db, limits::RESETS_PER_IP, client_ip, now).await? {
        return Ok(Outcome::Refused(limits::TRY_LATER.to_owned()));
    }
    let mut errors = FieldErrors::new();
    let Some(password) = new_password(&mut errors, password, confirm) else {
        return Ok(Outcome::Invalid(errors));
    };
    let token_hash = hash_token(token.trim());
    let purpose = account_tokens::Purpose::ResetPassword;
    if let Some(refusal) =
        refusal(account_tokens::check(&state.db, &token_hash, purpose, now).await?)
    {
        return Ok(refusal);
    }
    let hash = state.hashing.hash(&password).await?;
    let mut tx = db::begin(&state.db).await?;
    let redeemed = account_tokens::redeem(&mut tx, &token_hash, purpose, now).await?;
    let user_id = match redeemed {
        account_tokens::Redeemed::User(user_id) => user_id,
        // Used meanwhile by a parallel request.
        other => return Ok(refusal(other).unwrap_or(Outcome::Done(()))),
    };
    users::set_password(&mut tx, &user_id, &hash, now).await?;
    // Following the link proves the address.
    users::mark_verified(&mut tx, &user_id, now).await?;
    account_tokens::use_all(&mut tx, &user_id, account_tokens::Purpose::ResetPassword, now).await?;
    sessions::delete_all_of(&mut *tx, &user_id).await?;
    tx.commit().await?;
    tracing::info!(user_id, "password reset");
    Ok(Outcome::Done(()))
}

/// Why a reset token does not give a new password, if it does not.
fn refusal(redeemed: account_tokens::Redeemed) -> Option<Outcome> {
    let why = match redeemed {
        account_tokens::Redeemed::User(_) => return None,
        account_tokens::Redeemed::Expired => {
            "Ce lien a expiré (il vaut une heure) : demandez-en un nouveau."
        }
        account_tokens::Redeemed::AlreadyUsed => {
            "Ce lien a déjà servi : demandez-en un nouveau si besoin."
        }
        account_tokens::Redeemed::Unknown => "Ce lien n'est pas valide.",
    };
    Some(Outcome::Refused(why.to_owned()))
}

/// Changes the signed-in person's password; their other sessions are closed.
#[tracing::instrument(skip_all, fields(user_id = %user.id))]
pub async fn change_password(
    state: &AppState,
    user: &SessionUser,
    session_token: &str,
    current: &str,
    password: &str,
    confirm: &str,
) -> Result<Outcome, AppError> {
    let mut errors = FieldErrors::new();
    let stored = users::find_by_id(&state.db, &user.id).await?.and_then(|u| u.password_hash);
    if !state.hashing.verify(current, stored.as_deref()).await? {
        errors.add("current_password", "Le mot de passe actuel est incorrect.");
    }
    let password = new_password(&mut errors, password, confirm);
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        return Ok(Outcome::Invalid(errors));
    };
    let hash = state.hashing.hash(&password).await?;
    let now = state.clock.now_ms();
    let mut tx = db::begin(&state.db).await?;
    users::set_password(&mut tx, &user.id, &hash, now).await?;
    account_tokens::use_all(&mut tx, &user.id, account_tokens::Purpose::ResetPassword, now).await?;
    sessions::delete_others_of(&mut *tx, &user.id, &hash_token(session_token)).await?;
    tx.commit().await?;
    Ok(Outcome::Done(()))
}

/// Deletes the signed-in person's account: personal data removed, the organisations and
/// what they recorded kept.
#[tracing::instrument(skip_all, fields(user_id = %user.id))]
pub async fn delete_account(
    state: &AppState,
    user: &SessionUser,
    password: &str,
) -> Result<Outcome, AppError> {
    let stored = users::find_by_id(&state.db, &user.id).await?.and_then(|u| u.password_hash);
    if !state.hashing.verify(password, stored.as_deref()).await? {
        let mut errors = FieldErrors::new();
        errors.add("password", "Le mot de passe est incorrect.");
        return Ok(Outcome::Invalid(errors));
    }
    if let Some(name) = memberships::sole_owner_of_shared(&state.db, &user.id).await?.first() {
        return Ok(Outcome::Refused(format!(
            "Vous êtes le seul responsable de « {name} », qui a d'autres membres : nommez \
             d'abord un autre responsable."
        )));
    }
    let mut tx = db::begin(&state.db).await?;
    users::delete_personal_links(&mut tx, &user.id, &user.email).await?;
    users::anonymise(&mut tx, &user.id, state.clock.now_ms()).await?;
    tx.commit().await?;
    tracing::info!("account deleted");
    Ok(Outcome::Done(()))
}
