use crate::{
    db::{sessions, users},
    domain::accounts::SessionUser,
    error::AppError,
    state::AppState,
};

use super::tokens::hash_token;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "ecossol_session";

/// The person behind a session token, if the session is live.
pub async fn current_user(state: &AppState, token: &str) -> Result<Option<SessionUser>, AppError> {
    let now = state.clock.now_ms();
    let Some(user_id) = sessions::user_of(&state.db, &hash_token(token), now).await? else {
        return Ok(None);
    };
    person(state, &user_id).await
}

/// The person with this id, if their account exists (not deleted, with an address).
pub async fn person(state: &AppState, user_id: &str) -> Result<Option<SessionUser>, AppError> {
    let user = users::find_by_id(&state.db, user_id).await?;
    Ok(user.and_then(|u| {
        Some(SessionUser {
            is_admin: u.platform_role.as_deref() == Some("admin"),
            email: u.email?,
            id: u.id,
            display_name: u.display_name,
        })
    }))
}

pub async fn sign_out(state: &AppState, token: &str) -> Result<(), AppError> {
    sessions::delete(&state.db, &hash_token(token)).await?;
    Ok(())
}

/// Closes every session of the person, on every device.
pub async fn sign_out_everywhere(state: &AppState, user_id: &str) -> Result<u64, AppError> {
    Ok(sessions::delete_all_of(&state.db, user_id).await?)
}
