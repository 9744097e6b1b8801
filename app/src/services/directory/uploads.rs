//! Files of a structure: upload with rights, type and size checked; reading with the
//! visibility of what they illustrate or prove.

use crate::domain::Code;
use crate::domain::Outcome;
use crate::{
    db::{
        offers, structure_certifications, structures,
        uploads::{self, NewUpload, UploadRow},
    },
    domain::{
        FieldErrors,
        accounts::Acting,
        directory::{
            OfferStatus, StructureStatus,
            upload::{MAX_PHOTOS_PER_OFFER, Purpose},
        },
        files::clean_file_name,
    },
    error::AppError,
    services::{directory::access, storage},
    state::AppState,
};

/// A file sent by a structure's editor.
pub struct Upload {
    pub structure_id: String,
    pub purpose: String,
    /// For a photo: the offer it shows.
    pub offer_id: Option<String>,
    /// For a label's evidence: the label.
    pub certification_id: Option<String>,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

fn invalid(message: impl Into<String>) -> Outcome<String> {
    let mut errors = FieldErrors::new();
    errors.add("document", message);
    Outcome::Invalid(errors)
}

#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id = %upload.structure_id, purpose = %upload.purpose))]
pub async fn upload(
    state: &AppState,
    user: &Acting,
    upload: Upload,
) -> Result<Outcome<String>, AppError> {
    let structure =
        structures::find(&state.db, &upload.structure_id).await?.ok_or(AppError::Forbidden)?;
    access::require_editor(user, &structure)?;
    let Some(purpose) = Purpose::from_code(&upload.purpose) else {
        return Ok(invalid("Choisissez ce que montre ou prouve le fichier."));
    };
    let offer_id = upload.offer_id.filter(|o| !o.is_empty());
    let certification_id = upload.certification_id.filter(|l| !l.is_empty());
    match purpose {
        Purpose::Photo => {
            let Some(offer_id) = &offer_id else {
                return Ok(invalid("Choisissez l'offre que montre la photo."));
            };
            let offer = offers::find(&state.db, offer_id).await?;
            if offer.is_none_or(|o| o.structure_id != structure.id) {
                return Err(AppError::Forbidden);
            }
        }
        Purpose::LabelEvidence => {
            let Some(certification_id) = &certification_id else {
                return Ok(invalid("Choisissez le label que prouve le document."));
            };
            let held = structure_certifications::of_structure(&state.db, &structure.id).await?;
            if !held.iter().any(|l| &l.id == certification_id) {
                return Err(AppError::Forbidden);
            }
        }
        Purpose::Logo | Purpose::EsusEvidence => {}
    }
    let content_type = match purpose.check(&upload.bytes) {
        Ok(content_type) => content_type,
        Err(message) => return Ok(invalid(message)),
    };
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    match purpose {
        // One logo and one ESUS evidence: a new one replaces the old.
        Purpose::Logo | Purpose::EsusEvidence => {
            uploads::delete_purpose(&mut tx, &structure.id, purpose.code()).await?;
        }
        Purpose::Photo => {
            let offer_id = offer_id.as_deref().unwrap_or_default();
            if uploads::count_photos(&mut tx, offer_id).await? >= MAX_PHOTOS_PER_OFFER {
                return Ok(invalid(format!(
                    "Une offre porte au plus {MAX_PHOTOS_PER_OFFER} photos."
                )));
            }
        }
        Purpose::LabelEvidence => {}
    }
    // After the file it replaces has gone.
    if let Some(organisation_id) = structure.organisation_id.as_deref()
        && let Some(why) =
            storage::refusal(&mut tx, organisation_id, upload.bytes.len(), now).await?
    {
        return Ok(invalid(why));
    }
    let id = uuid::Uuid::new_v4().to_string();
    uploads::insert(
        &mut tx,
        NewUpload {
            id: &id,
            structure_id: &structure.id,
            offer_id: offer_id.as_deref(),
            certification_id: certification_id.as_deref(),
            purpose: purpose.code(),
            file_name: &clean_file_name(&upload.file_name),
            content_type,
            content: &upload.bytes,
            uploaded_by: &user.id,
            now,
        },
    )
    .await?;
    structures::touch(&mut tx, &structure.id, now).await?;
    tx.commit().await?;
    tracing::info!(document_id = id, bytes = upload.bytes.len(), "document stored");
    Ok(Outcome::Done(structure.id))
}

/// A document as opened for a viewer.
pub struct Opened {
    pub document: UploadRow,
    pub content: Vec<u8>,
    /// Whether anyone may see it (what may be cached).
    pub public: bool,
}

/// The document and its content, if `viewer` may see it: logos of public structures and
/// photos of public offers are public; evidence is for the structure's editors and the pôle.
pub async fn open(
    state: &AppState,
    viewer: Option<&Acting>,
    id: &str,
) -> Result<Option<Opened>, AppError> {
    let Some(document) = uploads::find(&state.db, id).await? else { return Ok(None) };
    let Some(structure) = structures::find(&state.db, &document.structure_id).await? else {
        return Ok(None);
    };
    let purpose = document.purpose;
    let structure_public = structure.status == StructureStatus::Published;
    let public = purpose.is_public()
        && structure_public
        && match &document.offer_id {
            Some(offer_id) => offers::find(&state.db, offer_id)
                .await?
                .is_some_and(|o| o.status == OfferStatus::Published),
            None => true,
        };
    if !public && !access::can_preview(viewer, &structure) {
        return Ok(None);
    }
    let content = uploads::content(&state.db, id).await?.ok_or(AppError::Internal)?;
    Ok(Some(Opened { document, content, public }))
}

#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id, document_id))]
pub async fn remove(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
    document_id: &str,
) -> Result<Outcome<String>, AppError> {
    let structure = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    access::require_editor(user, &structure)?;
    let mut tx = crate::db::begin(&state.db).await?;
    if !uploads::delete(&mut tx, structure_id, document_id).await? {
        return Ok(Outcome::Refused("Ce document n'existe plus.".into()));
    }
    structures::touch(&mut tx, structure_id, state.clock.now_ms()).await?;
    tx.commit().await?;
    Ok(Outcome::Done(structure_id.to_owned()))
}
