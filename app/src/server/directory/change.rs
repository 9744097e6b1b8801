//! The directory's changes. Each checks the session's rights in its service.

use leptos::prelude::*;

use crate::{
    domain::directory::{ActivityForm, LabelForm, OfferForm, ProfileForm, views::DirectoryOutcome},
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{server::request, services::directory as service};

#[cfg(feature = "ssr")]
fn workspace(structure_id: &str) -> String {
    format!("/espace/structures/{}", request::encode(structure_id))
}

/// Creates the directory profile of a supplier organisation; its owners and members.
#[server(endpoint = "structure-create")]
pub async fn create_structure(
    organisation_id: String,
    form: ProfileForm,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::profile::create(&request::state()?, &user, &organisation_id, form)
        .await
        .map_err(request::fail)?;
    let done = match &outcome {
        DirectoryOutcome::Done { structure_id } => workspace(structure_id),
        _ => String::new(),
    };
    request::answer_form(&outcome, &done, "/espace", true);
    Ok(outcome)
}

/// Saves a structure's profile; its editors only. Without JavaScript, a form with errors
/// comes back with the values typed.
#[server(endpoint = "structure-update")]
pub async fn update_structure(
    structure_id: String,
    form: ProfileForm,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let typed = form.typed_values();
    let outcome = service::profile::update(&request::state()?, &user, &structure_id, form)
        .await
        .map_err(request::fail)?;
    let page = workspace(&structure_id);
    match &outcome {
        DirectoryOutcome::Invalid(errors) if request::is_plain_form() => {
            request::redirect_with_typed(&page, errors, &[], &typed);
        }
        _ => request::answer_form(&outcome, &format!("{page}?enregistre=1"), &page, false),
    }
    Ok(outcome)
}

/// Takes a step of a structure's lifecycle (`submit`, `validate`, `refuse`, `suspend`,
/// `reinstate`, `archive`, `reopen`); the service checks who may take which.
#[server(endpoint = "structure-step")]
pub async fn structure_step(
    structure_id: String,
    step: String,
    #[server(default)] reason: String,
    #[server(default)] back: String,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome =
        service::lifecycle::take_step(&request::state()?, &user, &structure_id, &step, &reason)
            .await
            .map_err(request::fail)?;
    let page = request::local_path(&back).map_or_else(|| workspace(&structure_id), str::to_owned);
    request::answer_form(&outcome, &page, &page, false);
    Ok(outcome)
}

/// Adds an activity to a structure; its editors only.
#[server(endpoint = "activity-add")]
pub async fn add_activity(
    structure_id: String,
    form: ActivityForm,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::activities::add(&request::state()?, &user, &structure_id, form)
        .await
        .map_err(request::fail)?;
    let page = workspace(&structure_id);
    request::answer_form(&outcome, &format!("{page}#activites"), &page, false);
    Ok(outcome)
}

/// Removes an activity; the structure's editors only.
#[server(endpoint = "activity-remove")]
pub async fn remove_activity(
    structure_id: String,
    activity_id: String,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome =
        service::activities::remove(&request::state()?, &user, &structure_id, &activity_id)
            .await
            .map_err(request::fail)?;
    let page = workspace(&structure_id);
    request::answer_form(&outcome, &format!("{page}#activites"), &page, false);
    Ok(outcome)
}

/// Adds a label or certification to a structure; its editors only.
#[server(endpoint = "label-add")]
pub async fn add_label(
    structure_id: String,
    form: LabelForm,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::labels::add(&request::state()?, &user, &structure_id, form)
        .await
        .map_err(request::fail)?;
    let page = workspace(&structure_id);
    request::answer_form(&outcome, &format!("{page}#labels"), &page, false);
    Ok(outcome)
}

/// Removes a label; the structure's editors only.
#[server(endpoint = "label-remove")]
pub async fn remove_label(
    structure_id: String,
    label_id: String,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::labels::remove(&request::state()?, &user, &structure_id, &label_id)
        .await
        .map_err(request::fail)?;
    let page = workspace(&structure_id);
    request::answer_form(&outcome, &format!("{page}#labels"), &page, false);
    Ok(outcome)
}

/// Removes a document (logo, photo, evidence); the structure's editors only. Documents are
/// sent by a plain multipart form to `/documents` (see the server's HTTP routes).
#[server(endpoint = "document-remove")]
pub async fn remove_document(
    structure_id: String,
    document_id: String,
    #[server(default)] back: String,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome =
        service::documents::remove(&request::state()?, &user, &structure_id, &document_id)
            .await
            .map_err(request::fail)?;
    let page = request::local_path(&back).map_or_else(|| workspace(&structure_id), str::to_owned);
    request::answer_form(&outcome, &page, &page, false);
    Ok(outcome)
}

/// Creates an offer (a draft) for a structure; its editors only. Goes to the offer's editor.
#[server(endpoint = "offer-create")]
pub async fn create_offer(
    structure_id: String,
    form: OfferForm,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let created = service::offers::create(&request::state()?, &user, &structure_id, form)
        .await
        .map_err(request::fail)?;
    let page = workspace(&structure_id);
    let outcome = match created {
        service::offers::Created::Offer(offer_id) => {
            let done = DirectoryOutcome::Done { structure_id };
            request::answer_form(
                &done,
                &format!("/espace/offres/{}", request::encode(&offer_id)),
                &page,
                true,
            );
            done
        }
        service::offers::Created::Not(outcome) => {
            request::answer_form(&outcome, &page, &format!("{page}#nouvelle-offre"), false);
            outcome
        }
    };
    Ok(outcome)
}

/// Saves an offer; the structure's editors only.
#[server(endpoint = "offer-update")]
pub async fn update_offer(offer_id: String, form: OfferForm) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::offers::update(&request::state()?, &user, &offer_id, form)
        .await
        .map_err(request::fail)?;
    let page = format!("/espace/offres/{}", request::encode(&offer_id));
    request::answer_form(&outcome, &format!("{page}?enregistre=1"), &page, false);
    Ok(outcome)
}

/// Publishes, archives or takes an offer back to draft (`published`, `archived`, `draft`).
#[server(endpoint = "offer-status")]
pub async fn set_offer_status(
    offer_id: String,
    status: String,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::offers::set_status(&request::state()?, &user, &offer_id, &status)
        .await
        .map_err(request::fail)?;
    let page = format!("/espace/offres/{}", request::encode(&offer_id));
    request::answer_form(&outcome, &page, &page, false);
    Ok(outcome)
}

/// Reports a public offer to the pôle; anyone signed in.
#[server(endpoint = "offer-flag")]
pub async fn flag_offer(
    offer_id: String,
    reason: String,
    #[server(default)] back: String,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::offers::flag(&request::state()?, &user, &offer_id, &reason)
        .await
        .map_err(request::fail)?;
    let page = request::local_path(&back).unwrap_or("/");
    request::answer_form(&outcome, &request::with_query(page, "signalement", "1"), page, false);
    Ok(outcome)
}

/// Closes the reports of an offer (`dismiss` or `archive`); animators only.
#[server(endpoint = "offer-flag-resolve")]
pub async fn resolve_offer_flags(
    offer_id: String,
    decision: String,
) -> Result<DirectoryOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::offers::resolve_flags(&request::state()?, &user, &offer_id, &decision)
        .await
        .map_err(request::fail)?;
    request::answer_form(&outcome, "/moderation", "/moderation", false);
    Ok(outcome)
}
