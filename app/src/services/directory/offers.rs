//! Offers: created and edited by the structure's editors, published or archived by them,
//! reported by anyone signed in, and moderated by the pôle.

use crate::domain::Outcome;
use crate::{
    db::{offers, structures},
    domain::{
        FieldErrors,
        accounts::Acting,
        directory::{OfferDetails, OfferForm, OfferStatus, views::FlagDecision},
    },
    error::AppError,
    services::directory::{
        access,
        slugs::{Table, unique_slug},
    },
    state::AppState,
};

/// The answer of an offer's creation: the new offer's id, or why not.
#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id))]
pub async fn create(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
    form: OfferForm,
) -> Result<Outcome<String>, AppError> {
    let structure = structures::find(&state.db, structure_id).await?.ok_or(AppError::NotFound)?;
    access::require_editor(user, &structure)?;
    let details = match OfferDetails::parse(&form) {
        Ok(details) => details,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let now = state.clock.now_ms();
    let id = uuid::Uuid::new_v4().to_string();
    let mut tx = crate::db::begin(&state.db).await?;
    let slug =
        unique_slug(&mut tx, Table::Offers, &format!("{} {}", details.title, structure.name))
            .await?;
    offers::insert(&mut tx, &id, structure_id, &slug, now).await?;
    offers::update_details(&mut tx, &id, &details, now).await?;
    structures::touch(&mut tx, structure_id, now).await?;
    tx.commit().await?;
    tracing::info!(offer_id = id, "offer created");
    Ok(Outcome::Done(id))
}

async fn editable(
    state: &AppState,
    user: &Acting,
    offer_id: &str,
) -> Result<offers::OfferRow, AppError> {
    let offer = offers::find(&state.db, offer_id).await?.ok_or(AppError::NotFound)?;
    let structure =
        structures::find(&state.db, &offer.structure_id).await?.ok_or(AppError::NotFound)?;
    access::require_editor(user, &structure)?;
    Ok(offer)
}

#[tracing::instrument(skip_all, fields(user_id = %user.id, offer_id))]
pub async fn update(
    state: &AppState,
    user: &Acting,
    offer_id: &str,
    form: OfferForm,
) -> Result<Outcome<String>, AppError> {
    let offer = editable(state, user, offer_id).await?;
    let details = match OfferDetails::parse(&form) {
        Ok(details) => details,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    offers::update_details(&mut tx, offer_id, &details, now).await?;
    structures::touch(&mut tx, &offer.structure_id, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(offer.structure_id))
}

/// Publishes, archives or takes back to draft. An offer is public only while its structure is
/// published too.
#[tracing::instrument(skip_all, fields(user_id = %user.id, offer_id, status))]
pub async fn set_status(
    state: &AppState,
    user: &Acting,
    offer_id: &str,
    status: OfferStatus,
) -> Result<Outcome<String>, AppError> {
    let offer = editable(state, user, offer_id).await?;
    if status == OfferStatus::Published && offer.title.is_empty() {
        return Ok(Outcome::Refused("Complétez l'offre avant de la publier.".into()));
    }
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    offers::set_status(&mut tx, offer_id, status, now).await?;
    structures::touch(&mut tx, &offer.structure_id, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(offer.structure_id))
}

/// Reports an offer to the pôle (misleading, not solidarity-based, out of date…).
#[tracing::instrument(skip_all, fields(user_id = %user.id, offer_id))]
pub async fn flag(
    state: &AppState,
    user: &Acting,
    offer_id: &str,
    reason: &str,
) -> Result<Outcome<String>, AppError> {
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut errors = FieldErrors::new();
    match reason.chars().count() {
        0 => errors.add("reason", "Indiquez ce qui ne va pas dans cette offre."),
        n if n > 1000 => {
            errors.add("reason", "Le signalement ne peut pas dépasser 1000 caractères.")
        }
        _ => {}
    }
    if !errors.is_empty() {
        return Ok(Outcome::Invalid(errors));
    }
    let offer = offers::find(&state.db, offer_id).await?.ok_or(AppError::NotFound)?;
    let structure =
        structures::find(&state.db, &offer.structure_id).await?.ok_or(AppError::NotFound)?;
    let public = offer.status == OfferStatus::Published
        && structure.status == crate::domain::directory::StructureStatus::Published;
    if !public {
        return Err(AppError::Forbidden);
    }
    let mut tx = crate::db::begin(&state.db).await?;
    offers::flag(&mut tx, offer_id, &user.id, &reason, state.clock.now_ms()).await?;
    tx.commit().await?;
    Ok(Outcome::Done(structure.id))
}

/// An animator closes the reports of an offer: `dismiss` keeps it, `archive` withdraws it.
#[tracing::instrument(skip_all, fields(user_id = %user.id, offer_id, decision))]
pub async fn resolve_flags(
    state: &AppState,
    user: &Acting,
    offer_id: &str,
    decision: FlagDecision,
) -> Result<Outcome<String>, AppError> {
    access::require_animator(user)?;
    let offer = offers::find(&state.db, offer_id).await?.ok_or(AppError::NotFound)?;
    let resolution = decision.resolution();
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if decision == FlagDecision::Archive {
        offers::set_status(&mut tx, offer_id, OfferStatus::Archived, now).await?;
    }
    offers::resolve_flags(&mut tx, offer_id, &user.id, resolution, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(offer.structure_id))
}
