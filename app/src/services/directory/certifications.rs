//! Labels and certifications a structure holds.

use crate::domain::Outcome;
use crate::{
    db::{structure_certifications, structures},
    domain::{
        accounts::Acting,
        directory::{CertificationForm, HeldCertification},
    },
    error::AppError,
    services::directory::access,
    state::AppState,
};

#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id))]
pub async fn add(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
    form: CertificationForm,
) -> Result<Outcome<String>, AppError> {
    let row = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    access::require_editor(user, &row)?;
    let label = match HeldCertification::parse(&form) {
        Ok(label) => label,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    structure_certifications::insert(
        &mut tx,
        &uuid::Uuid::new_v4().to_string(),
        structure_id,
        &label,
        now,
    )
    .await?;
    structures::touch(&mut tx, structure_id, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(structure_id.to_owned()))
}

#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id, label_id))]
pub async fn remove(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
    label_id: &str,
) -> Result<Outcome<String>, AppError> {
    let row = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    access::require_editor(user, &row)?;
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if !structure_certifications::delete(&mut tx, structure_id, label_id).await? {
        return Ok(Outcome::Refused("Ce label n'est plus sur la fiche.".into()));
    }
    structures::touch(&mut tx, structure_id, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(structure_id.to_owned()))
}
