//! The directory's changes. Each checks the session's rights in its service.

use leptos::prelude::*;

use crate::{
    domain::{
        Outcome,
        directory::{
            self, ActivityForm, CertificationForm, OfferForm, OfferStatus, StructureForm,
            views::FlagDecision,
        },
    },
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, request},
    services::directory as service,
};

#[cfg(feature = "ssr")]
fn workspace(structure_id: &str) -> String {
    format!("/espace/structures/{}", request::encode(structure_id))
}

#[cfg(feature = "ssr")]
fn offer_editor(offer_id: &str) -> String {
    format!("/espace/offres/{}", request::encode(offer_id))
}

/// `back` when it is a page of this site, `page` otherwise.
#[cfg(feature = "ssr")]
fn back_or(back: &str, page: impl FnOnce() -> String) -> String {
    request::local_path(back).map_or_else(page, str::to_owned)
}

/// Creates the directory profile of a supplier organisation; its owners and members.
#[server(endpoint = "structure-create")]
pub async fn create_structure(
    organisation_id: String,
    form: StructureForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let typed = form.typed_values();
    let outcome = service::profile::create(&request::state()?, &user, &organisation_id, form).await;
    let to = Redirect::to("/espace").done_with(|id: &String| workspace(id)).navigate();
    answer(outcome, to.keeping(typed)).await
}

/// Saves a structure's profile; its editors only. Without JavaScript, a form with errors
/// comes back with the values typed.
#[server(endpoint = "structure-update")]
pub async fn update_structure(
    structure_id: String,
    form: StructureForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let typed = form.typed_values();
    let outcome = service::profile::update(&request::state()?, &user, &structure_id, form).await;
    let page = workspace(&structure_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?enregistre=1")).keeping(typed)).await
}

/// Takes a step of a structure's lifecycle; the service checks who may take which.
#[server(endpoint = "structure-step")]
pub async fn structure_step(
    structure_id: String,
    step: directory::StructureStep,
    #[server(default)] reason: String,
    #[server(default)] back: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome = service::lifecycle::take_step(&state, &user, &structure_id, step, &reason).await;
    answer(outcome, Redirect::to(back_or(&back, || workspace(&structure_id)))).await
}

/// Adds an activity to a structure; its editors only.
#[server(endpoint = "activity-add")]
pub async fn add_activity(
    structure_id: String,
    form: ActivityForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::activities::add(&request::state()?, &user, &structure_id, form).await;
    let page = workspace(&structure_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}#activites"))).await
}

/// Removes an activity; the structure's editors only.
#[server(endpoint = "activity-remove")]
pub async fn remove_activity(
    structure_id: String,
    activity_id: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome = service::activities::remove(&state, &user, &structure_id, &activity_id).await;
    let page = workspace(&structure_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}#activites"))).await
}

/// Adds a label or certification to a structure; its editors only.
#[server(endpoint = "certification-add")]
pub async fn add_certification(
    structure_id: String,
    form: CertificationForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome =
        service::certifications::add(&request::state()?, &user, &structure_id, form).await;
    let page = workspace(&structure_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}#labels"))).await
}

/// Removes a label; the structure's editors only.
#[server(endpoint = "certification-remove")]
pub async fn remove_certification(
    structure_id: String,
    label_id: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome =
        service::certifications::remove(&request::state()?, &user, &structure_id, &label_id).await;
    let page = workspace(&structure_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}#labels"))).await
}

/// Removes a document (logo, photo, evidence); the structure's editors only. Documents are
/// sent by a plain multipart form to `/documents` (see the server's HTTP routes).
#[server(endpoint = "upload-remove")]
pub async fn remove_upload(
    structure_id: String,
    document_id: String,
    #[server(default)] back: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome = service::uploads::remove(&state, &user, &structure_id, &document_id).await;
    answer(outcome, Redirect::to(back_or(&back, || workspace(&structure_id)))).await
}

/// Creates an offer (a draft) for a structure; its editors only. Goes to the offer's editor.
#[server(endpoint = "offer-create")]
pub async fn create_offer(
    structure_id: String,
    form: OfferForm,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::offers::create(&request::state()?, &user, &structure_id, form).await;
    let back = format!("{}#nouvelle-offre", workspace(&structure_id));
    answer(outcome, Redirect::to(back).done_with(|id: &String| offer_editor(id)).navigate()).await
}

/// Saves an offer; the structure's editors only.
#[server(endpoint = "offer-update")]
pub async fn update_offer(offer_id: String, form: OfferForm) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::offers::update(&request::state()?, &user, &offer_id, form).await;
    let page = offer_editor(&offer_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?enregistre=1"))).await
}

/// Publishes, archives or takes an offer back to draft.
#[server(endpoint = "offer-status")]
pub async fn set_offer_status(
    offer_id: String,
    status: OfferStatus,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::offers::set_status(&request::state()?, &user, &offer_id, status).await;
    answer(outcome, Redirect::to(offer_editor(&offer_id))).await
}

/// Reports a public offer to the pôle; anyone signed in.
#[server(endpoint = "offer-flag")]
pub async fn flag_offer(
    offer_id: String,
    reason: String,
    #[server(default)] back: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::offers::flag(&request::state()?, &user, &offer_id, &reason).await;
    let page = back_or(&back, || "/".to_owned());
    answer(outcome, Redirect::to(&page).done(request::with_query(&page, "signalement", "1"))).await
}

/// Closes the reports of an offer; animators only.
#[server(endpoint = "offer-flag-resolve")]
pub async fn resolve_offer_flags(
    offer_id: String,
    decision: FlagDecision,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome = service::offers::resolve_flags(&state, &user, &offer_id, decision).await;
    answer(outcome, Redirect::to("/moderation")).await
}
