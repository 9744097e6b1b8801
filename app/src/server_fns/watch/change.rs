//! The watch's changes. Each checks the person's rights in its service.

use leptos::prelude::*;

use crate::{
    domain::{
        Outcome,
        watch::{LinkForm, MappingForm, reports::SubscriptionForm},
    },
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, request},
    services::watch as service,
};

#[cfg(feature = "ssr")]
fn import_page(id: &str) -> String {
    format!("/veille/imports/{}", request::encode(id))
}

/// Saves the role of each column of a pending import (and remembers it for this header).
#[server(endpoint = "purchase-import-map")]
pub async fn map_purchase_import(
    import_id: String,
    form: MappingForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let typed: Vec<(String, String)> = form
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| (format!("role_{}", i + 1), r.clone()))
        .collect();
    let outcome = service::map(&request::state()?, &user, &import_id, form).await;
    answer(outcome, Redirect::to(import_page(&import_id)).keeping(typed)).await
}

/// Imports the file's lines, all or nothing.
#[server(endpoint = "purchase-import-confirm")]
pub async fn confirm_purchase_import(import_id: String) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::confirm(&request::state()?, &user, &import_id).await;
    let page = import_page(&import_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?importe=1"))).await
}

/// Abandons a pending import.
#[server(endpoint = "purchase-import-discard")]
pub async fn discard_purchase_import(import_id: String) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::discard(&request::state()?, &user, &import_id).await;
    let to = Redirect::to(import_page(&import_id)).done("/veille/imports?abandonne=1");
    answer(outcome, to.navigate()).await
}

/// An animator links an unmatched supplier to a structure of the directory.
#[server(endpoint = "supplier-link")]
pub async fn link_supplier(form: LinkForm) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let typed = vec![("structure".to_owned(), form.structure.clone())];
    let outcome = service::link(&request::state()?, &user, form).await;
    let page = "/veille/fournisseurs-non-rapproches";
    answer(outcome, Redirect::to(page).done(format!("{page}?rapproche=1")).keeping(typed)).await
}

/// Chooses the watch's scheduled report: each month, each quarter, or none.
#[server(endpoint = "watch-report-subscribe")]
pub async fn subscribe_watch_report(form: SubscriptionForm) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::reports::subscribe(&request::state()?, &user, form).await;
    let page = "/veille/abonnement";
    answer(outcome, Redirect::to(page).done(format!("{page}?enregistre=1"))).await
}
