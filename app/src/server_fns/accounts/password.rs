use leptos::prelude::*;

use crate::{domain::Outcome, error::AppError};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, cookies, request},
    services::accounts as service,
};

/// Sends a password reset link. Public; the answer does not tell whether the address has
/// an account.
#[server(endpoint = "password-reset-request")]
pub async fn request_password_reset(email: String) -> Result<Outcome, AppError> {
    let outcome =
        service::request_password_reset(&request::state()?, &email, &request::client_ip()).await;
    let to = Redirect::to("/mot-de-passe-oublie").done("/mot-de-passe-oublie?envoye=1");
    answer(outcome, to).await
}

/// Sets a new password with the token of a reset link. Public.
#[server(endpoint = "password-reset")]
pub async fn reset_password(
    token: String,
    password: String,
    password_confirm: String,
) -> Result<Outcome, AppError> {
    let outcome = service::reset_password(
        &request::state()?,
        &token,
        &password,
        &password_confirm,
        &request::client_ip(),
    )
    .await;
    let back = format!("/mot-de-passe/nouveau?jeton={}", request::encode(&token));
    answer(outcome, Redirect::to(back).done("/connexion?mot-de-passe=change")).await
}

/// Changes the signed-in person's password; their other sessions are closed.
#[server(endpoint = "password-change")]
pub async fn change_password(
    current_password: String,
    password: String,
    password_confirm: String,
) -> Result<Outcome, AppError> {
    let user = request::require_user().await?;
    let token = request::session_token().ok_or(AppError::Unauthenticated)?;
    let state = request::state()?;
    let outcome = service::change_password(
        &state,
        &user,
        &token,
        &current_password,
        &password,
        &password_confirm,
    )
    .await;
    answer(outcome, Redirect::to("/compte").done("/compte?mot-de-passe=change")).await
}

/// Deletes the signed-in person's account (personal data removed, organisations kept).
#[server(endpoint = "account-delete")]
pub async fn delete_account(password: String) -> Result<Outcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::delete_account(&request::state()?, &user, &password).await;
    if matches!(outcome, Ok(Outcome::Done(()))) {
        cookies::set_session(None, 0);
    }
    answer(outcome, Redirect::to("/compte").done("/?compte=supprime").navigate()).await
}
