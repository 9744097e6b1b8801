//! `/veille/decp`'s read: the DECP files imported. The files arrive by a plain multipart
//! form (`POST /veille/decp/envoi`, in the server).

use leptos::prelude::*;

use crate::{domain::watch::decp_views::DecpPage, error::AppError};

/// The DECP imports, for the pôle's animators and administrators.
#[server(endpoint = "decp-imports")]
pub async fn get_decp_imports() -> Result<DecpPage, AppError> {
    use crate::{server_fns::request, services::watch::decp};
    let user = request::require_user().await?;
    decp::page(&request::state()?, &user).await
}
