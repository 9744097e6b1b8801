//! Needs' changes. Each checks the session's rights in its service; the form is parsed by
//! the service (French messages next to each field), the step is typed here.

use leptos::prelude::*;

use crate::{
    domain::{Outcome, needs, needs::NeedForm},
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, request},
    services::needs as service,
};

#[cfg(feature = "ssr")]
fn need_page(id: &str) -> String {
    format!("/besoins/{}", request::encode(id))
}

/// Drafts a need for a buyer organisation where the person writes needs.
#[server(endpoint = "need-create")]
pub async fn create_need(
    organisation_id: String,
    form: NeedForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let mut typed = form.typed_values();
    typed.push(("organisation_id".into(), organisation_id.clone()));
    let outcome = service::create(&request::state()?, &user, &organisation_id, form).await;
    let to = Redirect::to("/besoins/nouveau")
        .done_with(|id: &String| format!("{}?enregistre=1", need_page(id)));
    answer(outcome, to.navigate().keeping(typed)).await
}

/// Saves a draft, or a need returned for changes.
#[server(endpoint = "need-update")]
pub async fn update_need(need_id: String, form: NeedForm) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let typed = form.typed_values();
    let outcome = service::update(&request::state()?, &user, &need_id, form).await;
    let page = need_page(&need_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?enregistre=1")).keeping(typed)).await
}

/// Takes a step: submit or withdraw (the buyer), validate, return or refuse (the pôle).
#[server(endpoint = "need-step")]
pub async fn need_step(
    need_id: String,
    step: needs::NeedStep,
    #[server(default)] reason: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::take_step(&request::state()?, &user, &need_id, step, &reason).await;
    let page = need_page(&need_id);
    answer(
        outcome,
        Redirect::to(&page)
            .done(format!("{page}?etape=1"))
            .keeping(vec![("reason".into(), reason)]),
    )
    .await
}
