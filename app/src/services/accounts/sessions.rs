use crate::{
    clock::{HOUR_MS, MINUTE_MS},
    db::{sessions, users},
    domain::accounts::SessionUser,
    error::AppError,
    state::AppState,
};

use super::tokens::hash_token;

/// How long a session lasts without a request: two hours, the length of a meeting or a
/// lunch break, after which a browser left open on a shared desk (a town hall's office, a
/// structure's only computer) no longer opens decisions and private evidence to whoever sits
/// down. Longer forms are not lost: a plain form post keeps its values and the person signs
/// in again. The 30 days of `SESSION_MS` still end any session.
pub const SESSION_IDLE_MS: i64 = 2 * HOUR_MS;

/// How often a session's last request is written: reading a session stays a read between
/// two writes, and an idle session ends up to this much later than `SESSION_IDLE_MS`.
pub const SESSION_SEEN_EVERY_MS: i64 = 5 * MINUTE_MS;

/// The session cookie's name. Over HTTPS it bears the `__Host-` prefix: browsers then keep it
/// only if it is `Secure`, for `Path=/` and without `Domain`, so that neither a sibling
/// subdomain nor a page over plain HTTP can set or shadow it. Over plain HTTP (development,
/// tests) browsers refuse such a cookie, hence the plain name there; a server never reads the
/// other name.
pub fn session_cookie(secure: bool) -> &'static str {
    if secure { "__Host-ecossol_session" } else { "ecossol_session" }
}

/// The person behind a session token, if the session is live: younger than 30 days and
/// used within `SESSION_IDLE_MS`. A session found over either limit is deleted.
pub async fn current_user(state: &AppState, token: &str) -> Result<Option<SessionUser>, AppError> {
    let now = state.clock.now_ms();
    let hash = hash_token(token);
    let Some(session) = sessions::find(&state.db, &hash).await? else { return Ok(None) };
    if session.expires_at <= now || session.last_seen_at <= now - SESSION_IDLE_MS {
        sessions::delete(&state.db, &hash).await?;
        return Ok(None);
    }
    if session.last_seen_at <= now - SESSION_SEEN_EVERY_MS {
        sessions::seen(&state.db, &hash, now, now - SESSION_SEEN_EVERY_MS).await?;
    }
    person(state, &session.user_id).await
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
