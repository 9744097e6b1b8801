//! A structure's activities: what it does, of which kind, and where.

use crate::domain::Outcome;
use crate::{
    db::{structure_activities, structures},
    domain::{
        accounts::Acting,
        directory::{Activity, ActivityForm},
    },
    error::AppError,
    services::directory::access,
    state::AppState,
};

/// At most this many activities per structure.
const MAX_ACTIVITIES: i64 = 30;

#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id))]
pub async fn add(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
    form: ActivityForm,
) -> Result<Outcome<String>, AppError> {
    let row = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    access::require_editor(user, &row)?;
    let activity = match Activity::parse(&form) {
        Ok(activity) => activity,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    if structure_activities::count(&state.db, structure_id).await? >= MAX_ACTIVITIES {
        return Ok(Outcome::Refused(format!(
            "Une structure déclare au plus {MAX_ACTIVITIES} activités."
        )));
    }
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    let id = uuid::Uuid::new_v4().to_string();
    structure_activities::insert(&mut tx, &id, structure_id, &activity, now).await?;
    structures::touch(&mut tx, structure_id, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(structure_id.to_owned()))
}

#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id, activity_id))]
pub async fn remove(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
    activity_id: &str,
) -> Result<Outcome<String>, AppError> {
    let row = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    access::require_editor(user, &row)?;
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if !structure_activities::delete(&mut tx, structure_id, activity_id).await? {
        return Ok(Outcome::Refused("Cette activité n'existe plus.".into()));
    }
    structures::touch(&mut tx, structure_id, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(structure_id.to_owned()))
}
