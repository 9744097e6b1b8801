//! What the person may do with a pending import before confirming it: choose its mapping
//! (remembered for the next file with the same header) or abandon it (its file deleted).

use serde_json::json;

use crate::{
    db::{
        purchase_import_mappings,
        purchase_imports::{self, ImportRow},
    },
    domain::{
        Outcome,
        accounts::Acting,
        watch::{Mapping, views::MappingForm},
    },
    error::AppError,
    services::{audit, needs::access::WRITERS, watch::access},
    state::AppState,
};

/// An import that no longer exists, asked for by someone who may import: said in French; to
/// anybody else, forbidden.
fn gone<T>(user: &Acting) -> Result<Outcome<T>, AppError> {
    if user.buyers_where(WRITERS).any(|s| s.verified) {
        Ok(Outcome::refused("Cet import n'existe plus : envoyez le fichier à nouveau."))
    } else {
        Err(AppError::Forbidden)
    }
}

/// A pending import the person may change, with its organisation, or the answer to give
/// instead.
pub async fn pending_for(
    state: &AppState,
    user: &Acting,
    id: &str,
) -> Result<Result<(ImportRow, String), Outcome<String>>, AppError> {
    let Some(row) = purchase_imports::find(&state.db, id).await? else {
        return gone(user).map(Err);
    };
    let organisation_id = row.organisation_id.clone().unwrap_or_default();
    if let Some(refused) = access::may_import(user, &organisation_id)? {
        return Ok(Err(refused));
    }
    if row.state != "pending" {
        return Ok(Err(Outcome::refused(
            "Cet import est déjà enregistré : pour le corriger, envoyez le fichier à nouveau.",
        )));
    }
    Ok(Ok((row, organisation_id)))
}

/// Saves the mapping chosen on screen, and remembers it for the next file with this header.
#[tracing::instrument(skip_all, fields(user_id = %user.id, import_id = id))]
pub async fn map(
    state: &AppState,
    user: &Acting,
    id: &str,
    form: MappingForm,
) -> Result<Outcome<String>, AppError> {
    let (row, organisation_id) = match pending_for(state, user, id).await? {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let headers = super::headers_of(&row);
    let mapping = match Mapping::from_codes(&form.roles, &headers) {
        Ok(mapping) => mapping,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if !purchase_imports::set_mapping(&mut tx, id, &mapping.text()).await? {
        return Ok(Outcome::refused("Cet import vient d'être enregistré ou abandonné."));
    }
    purchase_import_mappings::remember(
        &mut tx,
        &organisation_id,
        &row.header_signature,
        &mapping.text(),
        &user.id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Outcome::Done(id.to_owned()))
}

/// Abandons a pending import: its file's chunks go with it.
#[tracing::instrument(skip_all, fields(user_id = %user.id, import_id = id))]
pub async fn discard(
    state: &AppState,
    user: &Acting,
    id: &str,
) -> Result<Outcome<String>, AppError> {
    let (row, organisation_id) = match pending_for(state, user, id).await? {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if !purchase_imports::delete_pending(&mut tx, id).await? {
        return Ok(Outcome::refused("Cet import vient d'être enregistré ou abandonné."));
    }
    let details = json!({ "organisation_id": organisation_id, "file_name": row.file_name });
    audit::record(&mut tx, Some(&user.id), ("purchase_import", id), "discarded", &details, now)
        .await?;
    tx.commit().await?;
    Ok(Outcome::Done(id.to_owned()))
}
