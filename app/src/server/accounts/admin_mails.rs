use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A queued or sent message, for the administrators' mail page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailView {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub sent: bool,
}

/// The last 50 messages of the outbox (what the `.eml` files hold when no SMTP server is
/// configured). Administrators only.
#[server(endpoint = "admin-mails")]
pub async fn admin_mails() -> Result<Vec<MailView>, AppError> {
    use crate::server::request;
    request::require_admin().await?;
    let state = request::state()?;
    let rows = crate::db::email_outbox::latest(&state.db, 50).await?;
    Ok(rows
        .into_iter()
        .map(|(to, subject, body, sent_at)| MailView { to, subject, body, sent: sent_at.is_some() })
        .collect())
}
