use leptos::prelude::*;

use crate::{domain::accounts::LoginOutcome, error::AppError};

/// Signs in: sets a new session cookie (the previous session, if any, is closed). Public.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String) -> Result<LoginOutcome, AppError> {
    use crate::{
        domain::Code,
        server_fns::{cookies, request},
        services::accounts::{SESSION_MS, SignInOutcome, sign_in},
    };
    let state = request::state()?;
    let previous = request::session_token();
    let outcome =
        sign_in(&state, &email, &password, &request::client_ip(), previous.as_deref()).await?;
    let outcome = match outcome {
        SignInOutcome::SignedIn { session_token } => {
            cookies::set_session(Some(&session_token), SESSION_MS / 1000);
            LoginOutcome::SignedIn
        }
        SignInOutcome::WrongCredentials => LoginOutcome::WrongCredentials,
        SignInOutcome::EmailNotVerified => LoginOutcome::EmailNotVerified,
        SignInOutcome::Throttled => LoginOutcome::Throttled,
    };
    if outcome == LoginOutcome::SignedIn {
        leptos_axum::redirect("/");
    } else if request::is_plain_form() {
        leptos_axum::redirect(&format!("/connexion?erreur={}", outcome.code()));
    }
    Ok(outcome)
}
