//! HQS changes. Each checks the session's rights in its service.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::{
    domain::{Outcome, hqs::RequirementForm},
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, request},
    services::hqs as service,
};

#[cfg(feature = "ssr")]
fn profile_page(id: &str) -> String {
    format!("/hqs/profils/{}", request::encode(id))
}

/// Publishes a new version of the référentiel; animators only. `values`: `<criterion>.keep`
/// for each criterion kept, `<criterion>.min` for percent thresholds.
#[server(endpoint = "hqs-referential-publish")]
pub async fn publish_referential(
    #[server(default)] values: BTreeMap<String, String>,
    #[server(default)] note: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let kept: Vec<String> = values
        .iter()
        .filter(|(k, v)| k.ends_with(".keep") && !v.is_empty())
        .map(|(k, _)| k.trim_end_matches(".keep").to_owned())
        .collect();
    let percents: Vec<(String, String)> = values
        .iter()
        .filter(|(k, _)| k.ends_with(".min"))
        .map(|(k, v)| (k.trim_end_matches(".min").to_owned(), v.clone()))
        .collect();
    let state = request::state()?;
    let outcome = service::referential::publish(&state, &user, &kept, &percents, &note).await;
    answer(outcome, Redirect::to("/hqs").done("/hqs?publie=1")).await
}

/// Creates a profile for a buyer organisation; its owners and procurement officers. Without
/// JavaScript, a form with errors comes back with the values typed.
#[server(endpoint = "hqs-profile-create")]
pub async fn create_profile(
    organisation_id: String,
    form: RequirementForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome = service::profiles::create(&state, &user, &organisation_id, &form).await;
    let back = request::with_query("/hqs/profils/nouveau", "organisation", &organisation_id);
    let to = Redirect::to(back).done_with(|id: &String| profile_page(id)).navigate();
    answer(outcome, to.keeping(form.typed_values())).await
}

/// Saves a profile; its organisation's owners and procurement officers.
#[server(endpoint = "hqs-profile-update")]
pub async fn update_profile(
    profile_id: String,
    form: RequirementForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::profiles::update(&request::state()?, &user, &profile_id, &form).await;
    let page = profile_page(&profile_id);
    let to = Redirect::to(&page).done(format!("{page}?enregistre=1"));
    answer(outcome, to.keeping(form.typed_values())).await
}

/// Archives a profile (checks opened with it keep their copy).
#[server(endpoint = "hqs-profile-archive")]
pub async fn archive_profile(profile_id: String) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::profiles::archive(&request::state()?, &user, &profile_id).await;
    let to = Redirect::to(profile_page(&profile_id)).done("/hqs/profils?archive=1").navigate();
    answer(outcome, to).await
}

/// Creates a profile from the common core of profiles (`ids` separated by commas).
#[server(endpoint = "hqs-profile-from-core")]
pub async fn create_core_profile(
    organisation_id: String,
    ids: String,
    #[server(default)] name: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let ids = crate::domain::hqs::harmonise::chosen_ids(&ids);
    let state = request::state()?;
    let outcome =
        service::profiles::create_from_core(&state, &user, &organisation_id, &ids, &name).await;
    let back = format!("/hqs/harmonisation?ids={}", request::encode(&ids.join(",")));
    answer(outcome, Redirect::to(back).done_with(|id: &String| profile_page(id)).navigate()).await
}
