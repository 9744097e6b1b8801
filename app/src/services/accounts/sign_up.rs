use serde::Deserialize;

use crate::{
    clock::DAY_MS,
    db::{account_tokens, users},
    domain::Outcome,
    domain::{
        FieldErrors,
        accounts::{DisplayName, Email, Password},
    },
    error::AppError,
    services::{limits, mail},
    state::AppState,
};

use super::tokens::{hash_token, new_token};

/// What a person types to create an account.
#[derive(Clone, Deserialize)]
pub struct SignUpForm {
    pub name: String,
    pub email: String,
    pub password: String,
    pub password_confirm: String,
}

impl std::fmt::Debug for SignUpForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignUpForm").field("email", &self.email).finish_non_exhaustive()
    }
}

const VERIFY_VALIDITY_MS: i64 = 2 * DAY_MS;

/// Creates an account and sends the verification mail (or, for an address that has an
/// account, a mail saying so: the answer is the same).
///
/// Only a form that passes every cheap check is hashed, and the sign-ups of a client address
/// and of an address are limited; the mail obeys the account mails' limits (beyond them the
/// account is created without it: a reset link verifies the address later).
#[tracing::instrument(skip_all)]
pub async fn sign_up(
    state: &AppState,
    form: SignUpForm,
    client_ip: &str,
) -> Result<Outcome, AppError> {
    let mut errors = FieldErrors::new();
    let name = errors.check("name", DisplayName::parse(&form.name));
    let email = errors.check("email", Email::parse(&form.email));
    let password = errors.check("password", Password::parse(&form.password));
    if password.is_some() && form.password != form.password_confirm {
        errors.add("password_confirm", "Les deux mots de passe ne sont pas identiques.");
    }
    let (Some(name), Some(email), Some(password)) = (name, email, password) else {
        return Ok(Outcome::Invalid(errors));
    };
    if !errors.is_empty() {
        return Ok(Outcome::Invalid(errors));
    }

    let now = state.clock.now_ms();
    let by_ip = limits::within(&state.db, limits::SIGN_UPS_PER_IP, client_ip, now).await?;
    if !by_ip
        || !limits::within(&state.db, limits::SIGN_UPS_PER_ADDRESS, email.as_str(), now).await?
    {
        return Ok(Outcome::Refused(limits::TRY_LATER.to_owned()));
    }

    // Hash first so that a new and an existing address take the same time.
    let hash = state.hashing.hash(&password).await?;
    let existing = users::find_by_email(&state.db, email.as_str()).await?;
    let send = limits::mail_allowed(&state.db, email.as_str(), client_ip, now).await?;
    let mut tx = crate::db::begin(&state.db).await?;
    if existing.is_some() {
        if send {
            let sign_in = format!("{}/connexion", state.public_url);
            mail::enqueue(&mut tx, &mail::account_already_exists(email.as_str(), &sign_in), now)
                .await?;
        }
        tx.commit().await?;
        return Ok(Outcome::Done(()));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let new_user = users::NewUser {
        id: &id,
        email: email.as_str(),
        display_name: name.as_str(),
        password_hash: &hash,
        verified_at: None,
        platform_role: None,
        now,
    };
    users::insert(&mut tx, &new_user).await?;
    let token = new_token();
    account_tokens::insert(
        &mut tx,
        &hash_token(&token),
        &id,
        account_tokens::Purpose::VerifyEmail,
        now,
        now + VERIFY_VALIDITY_MS,
    )
    .await?;
    let link = format!("{}/verification-email?jeton={token}", state.public_url);
    if send {
        mail::enqueue(&mut tx, &mail::verify_address(email.as_str(), name.as_str(), &link), now)
            .await?;
    }
    tx.commit().await?;
    tracing::info!(user_id = id, "account created, awaiting verification");
    Ok(Outcome::Done(()))
}
