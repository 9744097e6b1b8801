use leptos::prelude::*;

use crate::{domain::accounts::AccountOutcome, error::AppError};

#[cfg(feature = "ssr")]
use crate::{server::request, services::accounts as service};

/// Sends a password reset link. Public; the answer does not tell whether the address has
/// an account.
#[server(endpoint = "password-reset-request")]
pub async fn request_password_reset(email: String) -> Result<AccountOutcome, AppError> {
    let outcome = service::request_password_reset(&request::state()?, &email).await?;
    request::answer_form(&outcome, "/mot-de-passe-oublie?envoye=1", "/mot-de-passe-oublie", false);
    Ok(outcome)
}

/// Sets a new password with the token of a reset link. Public.
#[server(endpoint = "password-reset")]
pub async fn reset_password(
    token: String,
    password: String,
    password_confirm: String,
) -> Result<AccountOutcome, AppError> {
    let outcome =
        service::reset_password(&request::state()?, &token, &password, &password_confirm).await?;
    let back = format!("/mot-de-passe/nouveau?jeton={}", request::encode(&token));
    request::answer_form(&outcome, "/connexion?mot-de-passe=change", &back, false);
    Ok(outcome)
}

/// Changes the signed-in person's password; their other sessions are closed.
#[server(endpoint = "password-change")]
pub async fn change_password(
    current_password: String,
    password: String,
    password_confirm: String,
) -> Result<AccountOutcome, AppError> {
    let user = request::require_user().await?;
    let token = request::session_token().ok_or(AppError::Unauthenticated)?;
    let outcome = service::change_password(
        &request::state()?,
        &user,
        &token,
        &current_password,
        &password,
        &password_confirm,
    )
    .await?;
    request::answer_form(&outcome, "/compte?mot-de-passe=change", "/compte", false);
    Ok(outcome)
}

/// Deletes the signed-in person's account (personal data removed, organisations kept).
#[server(endpoint = "account-delete")]
pub async fn delete_account(password: String) -> Result<AccountOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::delete_account(&request::state()?, &user, &password).await?;
    if outcome == AccountOutcome::Done {
        request::set_session_cookie(None, 0);
    }
    request::answer_form(&outcome, "/?compte=supprime", "/compte", true);
    Ok(outcome)
}
