use leptos::prelude::*;

use crate::error::AppError;

/// Closes this browser's session. Needs a session.
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server_fns::request;
    let state = request::state()?;
    request::require_user().await?;
    let token = request::session_token().ok_or(AppError::Unauthenticated)?;
    crate::services::accounts::sign_out(&state, &token).await?;
    crate::server_fns::cookies::set_session(None, 0);
    leptos_axum::redirect("/");
    Ok(())
}

/// Closes every session of the signed-in person, on every device. Needs a session.
#[server(endpoint = "logout-everywhere")]
pub async fn logout_everywhere() -> Result<u64, AppError> {
    use crate::server_fns::request;
    let state = request::state()?;
    let user = request::require_user().await?;
    let closed = crate::services::accounts::sign_out_everywhere(&state, &user.id).await?;
    crate::server_fns::cookies::set_session(None, 0);
    leptos_axum::redirect("/");
    Ok(closed)
}
