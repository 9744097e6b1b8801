use leptos::prelude::*;

use crate::{domain::accounts::SessionUser, error::AppError};

/// The signed-in person, or `None` for a visitor.
#[server(endpoint = "me")]
pub async fn me() -> Result<Option<SessionUser>, AppError> {
    crate::server_fns::request::signed_in_person().await
}
