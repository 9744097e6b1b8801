//! Group purchases: the lead pools and invites; other buyers join, change their share or
//! leave. Rights and the consultation's start are checked by the service.

use leptos::prelude::*;

use crate::{
    domain::{
        Outcome,
        needs::group::{InviteForm, PoolForm, ShareForm},
    },
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, request},
    services::needs::group as service,
};

#[cfg(feature = "ssr")]
fn need_page(id: &str) -> String {
    format!("/besoins/{}", request::encode(id))
}

/// Makes a need a group purchase, or changes its joining day and openness (the lead).
#[server(endpoint = "need-pool")]
pub async fn pool_need(need_id: String, form: PoolForm) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let typed = vec![
        ("join_until".into(), form.join_until.clone()),
        ("open_to_all".into(), form.open_to_all.clone()),
    ];
    let outcome = service::pool(&request::state()?, &user, &need_id, &form).await;
    let page = need_page(&need_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?groupe=ouvert")).keeping(typed)).await
}

/// Invites a verified buyer by its SIRET (the lead).
#[server(endpoint = "need-pool-invite")]
pub async fn invite_to_pool(
    need_id: String,
    form: InviteForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let typed = vec![("siret".into(), form.siret.clone())];
    let outcome = service::invite(&request::state()?, &user, &need_id, &form).await;
    let page = need_page(&need_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?groupe=invite")).keeping(typed)).await
}

/// Joins a group purchase with a share, or changes it (a buyer's owner or officer).
#[server(endpoint = "need-pool-join")]
pub async fn join_pool(
    need_id: String,
    organisation_id: String,
    form: ShareForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let mut typed: Vec<(String, String)> = form
        .quantity
        .iter()
        .enumerate()
        .map(|(i, q)| (format!("quantity_{}", i + 1), q.clone()))
        .collect();
    typed.push(("sites".into(), form.sites.clone()));
    typed.push(("budget_share".into(), form.budget_share.clone()));
    let state = request::state()?;
    let outcome = service::join(&state, &user, &need_id, &organisation_id, &form).await;
    let page = need_page(&need_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?groupe=rejoint")).keeping(typed)).await
}

/// Leaves a group purchase, or declines its invitation, before the consultation.
#[server(endpoint = "need-pool-leave")]
pub async fn leave_pool(
    need_id: String,
    organisation_id: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::leave(&request::state()?, &user, &need_id, &organisation_id).await;
    answer(outcome, Redirect::to(need_page(&need_id))).await
}
