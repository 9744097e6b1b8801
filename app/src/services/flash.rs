//! Flashes: what a plain form post that came back with errors leaves for the page it returns
//! to, read once within a few minutes (see [`crate::domain::Flash`]).

use crate::{
    db::form_flashes, domain::Flash, error::AppError, services::accounts::tokens, state::AppState,
};

/// The cookie that carries a flash's token to the next page.
pub const COOKIE: &str = "ecossol_flash";

/// How long a flash waits for its page.
pub const LIFETIME_S: i64 = 300;

/// Keeps `flash` and returns the token its cookie carries.
pub async fn keep(state: &AppState, flash: &Flash) -> Result<String, AppError> {
    let token = tokens::new_token();
    let payload = serde_json::to_string(flash).map_err(AppError::internal)?;
    let now = state.clock.now_ms();
    form_flashes::insert(
        &state.db,
        &tokens::hash_token(&token),
        &payload,
        now,
        now - LIFETIME_S * 1000,
    )
    .await?;
    Ok(token)
}

/// Takes the flash of `token`, if it is still there (a second reading finds nothing).
pub async fn take(state: &AppState, token: &str) -> Result<Option<Flash>, AppError> {
    let expired_before = state.clock.now_ms() - LIFETIME_S * 1000;
    let payload = form_flashes::take(&state.db, &tokens::hash_token(token), expired_before).await?;
    Ok(payload.and_then(|p| serde_json::from_str(&p).ok()))
}
