use leptos::prelude::*;

use crate::{domain::accounts::MailView, error::AppError};

/// The last 50 messages of the outbox (what the `.eml` files hold when no SMTP server is
/// configured). Administrators only.
#[server(endpoint = "admin-mails")]
pub async fn admin_mails() -> Result<Vec<MailView>, AppError> {
    use crate::{server_fns::request, services::mail};
    request::require_admin().await?;
    mail::latest(&request::state()?, 50).await
}
