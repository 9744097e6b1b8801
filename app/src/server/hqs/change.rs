//! HQS changes. Each checks the session's rights in its service.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::{
    domain::hqs::{ProfileForm, views::HqsOutcome},
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{server::request, services::hqs as service};

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
) -> Result<HqsOutcome, AppError> {
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
    let outcome = service::referential::publish(&request::state()?, &user, &kept, &percents, &note)
        .await
        .map_err(request::fail)?;
    request::answer_form(&outcome, "/hqs?publie=1", "/hqs", false);
    Ok(outcome)
}

/// Creates a profile for a buyer organisation; its owners and procurement officers. Without
/// JavaScript, a form with errors comes back with the values typed.
#[server(endpoint = "hqs-profile-create")]
pub async fn create_profile(
    organisation_id: String,
    form: ProfileForm,
) -> Result<HqsOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::profiles::create(&request::state()?, &user, &organisation_id, &form)
        .await
        .map_err(request::fail)?;
    match &outcome {
        HqsOutcome::Invalid(errors) if request::is_plain_form() => {
            let extra = [("organisation", organisation_id.as_str())];
            request::redirect_with_typed(
                "/hqs/profils/nouveau",
                errors,
                &extra,
                &form.typed_values(),
            );
        }
        HqsOutcome::Done { id } => {
            request::answer_form(&outcome, &profile_page(id), "/hqs/profils/nouveau", true);
        }
        _ => request::answer_form(&outcome, "/hqs/profils", "/hqs/profils/nouveau", false),
    }
    Ok(outcome)
}

/// Saves a profile; its organisation's owners and procurement officers.
#[server(endpoint = "hqs-profile-update")]
pub async fn update_profile(profile_id: String, form: ProfileForm) -> Result<HqsOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::profiles::update(&request::state()?, &user, &profile_id, &form)
        .await
        .map_err(request::fail)?;
    let page = profile_page(&profile_id);
    match &outcome {
        HqsOutcome::Invalid(errors) if request::is_plain_form() => {
            request::redirect_with_typed(&page, errors, &[], &form.typed_values());
        }
        _ => request::answer_form(&outcome, &format!("{page}?enregistre=1"), &page, false),
    }
    Ok(outcome)
}

/// Archives a profile (checks opened with it keep their copy).
#[server(endpoint = "hqs-profile-archive")]
pub async fn archive_profile(profile_id: String) -> Result<HqsOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::profiles::archive(&request::state()?, &user, &profile_id)
        .await
        .map_err(request::fail)?;
    request::answer_form(&outcome, "/hqs/profils?archive=1", &profile_page(&profile_id), true);
    Ok(outcome)
}

/// Creates a profile from the common core of profiles (`ids` separated by commas).
#[server(endpoint = "hqs-profile-from-core")]
pub async fn create_core_profile(
    organisation_id: String,
    ids: String,
    #[server(default)] name: String,
) -> Result<HqsOutcome, AppError> {
    let user = request::require_user().await?;
    let ids: Vec<String> =
        ids.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
    let outcome = service::profiles::create_from_core(
        &request::state()?,
        &user,
        &organisation_id,
        &ids,
        &name,
    )
    .await
    .map_err(request::fail)?;
    let back = format!("/hqs/harmonisation?ids={}", request::encode(&ids.join(",")));
    let done = match &outcome {
        HqsOutcome::Done { id } => profile_page(id),
        _ => back.clone(),
    };
    request::answer_form(&outcome, &done, &back, true);
    Ok(outcome)
}
