use crate::{
    clock::MINUTE_MS,
    db::{login_failures, sessions, users},
    domain::accounts::Email,
    error::AppError,
    state::AppState,
};

use super::tokens::{hash_token, new_token};

/// Failed sign-ins allowed in the window, per account and per client address.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_IP: i64 = 20;
pub const WINDOW_MS: i64 = 15 * MINUTE_MS;
/// Sessions last 30 days.
pub const SESSION_MS: i64 = 30 * 24 * 60 * MINUTE_MS;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInOutcome {
    /// Signed in: the new session's token, for the cookie.
    SignedIn { session_token: String },
    /// Wrong address or password: the answer does not say which.
    WrongCredentials,
    /// The address has not been confirmed yet.
    EmailNotVerified,
    /// Too many failures lately.
    Throttled,
}

/// Checks the credentials and opens a new session. `previous_session` (the cookie the
/// browser came with, if any) is closed: the session id changes at every sign-in.
// No address in the span: logs must not become a list of who tried to sign in (and typos
// of passwords typed in the address field).
#[tracing::instrument(skip_all)]
pub async fn sign_in(
    state: &AppState,
    email_input: &str,
    password: &str,
    client_ip: &str,
    previous_session: Option<&str>,
) -> Result<SignInOutcome, AppError> {
    let now = state.clock.now_ms();
    let account_key = Email::parse(email_input)
        .map(String::from)
        .unwrap_or_else(|_| email_input.trim().to_lowercase());
    // The attempt counts as a failure until it succeeds, and is recorded before the slow
    // hash check: parallel guesses cannot all slip under the limit.
    let attempt = uuid::Uuid::new_v4().to_string();
    login_failures::record(&state.db, &attempt, &account_key, client_ip, now).await?;
    let (by_account, by_ip) =
        login_failures::count_since(&state.db, &account_key, client_ip, now - WINDOW_MS).await?;
    if by_account > MAX_FAILURES_PER_ACCOUNT || by_ip > MAX_FAILURES_PER_IP {
        tracing::warn!(by_account, by_ip, "sign-in throttled");
        return Ok(SignInOutcome::Throttled);
    }

    let user = users::find_by_email(&state.db, &account_key).await?;
    let hash = user.as_ref().and_then(|u| u.password_hash.as_deref());
    let matches = state.hashing.verify(password, hash).await?;
    let Some(user) = user.filter(|_| matches) else {
        return Ok(SignInOutcome::WrongCredentials);
    };
    if user.email_verified_at.is_none() {
        login_failures::forget(&state.db, &attempt).await?;
        return Ok(SignInOutcome::EmailNotVerified);
    }
    login_failures::clear_account(&state.db, &account_key).await?;
    if let Some(previous) = previous_session {
        sessions::delete(&state.db, &hash_token(previous)).await?;
    }
    let token = new_token();
    sessions::insert(&state.db, &hash_token(&token), &user.id, now, now + SESSION_MS).await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok(SignInOutcome::SignedIn { session_token: token })
}
