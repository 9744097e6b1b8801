//! The watch's reads.

use leptos::prelude::*;

use crate::{
    domain::watch::views::{ImportPage, ImportsPage, UnmatchedPage},
    error::AppError,
};

/// `/veille/imports`: the buyers' imports the person reads, and where they may send a file.
#[server(endpoint = "purchase-imports")]
pub async fn get_purchase_imports() -> Result<ImportsPage, AppError> {
    use crate::{server_fns::request, services::watch};
    let user = request::require_user().await?;
    watch::list(&request::state()?, &user).await
}

/// `/veille/imports/{id}`: an import, its columns and what it would import (or did).
#[server(endpoint = "purchase-import")]
pub async fn get_purchase_import(id: String) -> Result<ImportPage, AppError> {
    use crate::{server_fns::request, services::watch};
    let user = request::require_user().await?;
    watch::page(&request::state()?, &user, &id).await
}

/// `/veille/fournisseurs-non-rapproches`: the suppliers no structure matches, with their spend.
#[server(endpoint = "unmatched-suppliers")]
pub async fn get_unmatched_suppliers() -> Result<UnmatchedPage, AppError> {
    use crate::{server_fns::request, services::watch};
    let user = request::require_user().await?;
    watch::unmatched(&request::state()?, &user).await
}

/// `/veille/abonnement`: the person's choice of scheduled report (`None`: none).
#[server(endpoint = "watch-report-subscription")]
pub async fn get_watch_report_subscription()
-> Result<Option<crate::domain::watch::reports::Frequency>, AppError> {
    use crate::{server_fns::request, services::watch};
    let user = request::require_user().await?;
    watch::reports::current(&request::state()?, &user).await
}
