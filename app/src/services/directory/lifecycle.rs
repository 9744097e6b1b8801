//! A structure's steps through its lifecycle: submit, validate or refuse, suspend or reinstate,
//! archive and reopen. Every change of state is recorded with who and why, and the owners hear
//! of the pôle's decisions by e-mail.

use crate::domain::Code;
use crate::domain::Outcome;
use sqlx::{Any, Transaction};

use crate::{
    db::{memberships, structure_activities, structure_events, structures},
    domain::{
        FieldErrors,
        accounts::Acting,
        directory::{Extras, StructureStatus, StructureStep, completeness},
    },
    error::AppError,
    services::{
        directory::{access, rows::profile_of_row},
        mail,
    },
    state::AppState,
};

pub struct Change<'a> {
    pub step: &'a str,
    pub from: StructureStatus,
    pub to: StructureStatus,
    pub actor: &'a Acting,
    pub reason: Option<&'a str>,
    pub now: i64,
}

/// Moves the structure to its new state and writes the event, in the caller's transaction.
pub async fn record(
    tx: &mut Transaction<'_, Any>,
    structure_id: &str,
    change: Change<'_>,
) -> Result<(), sqlx::Error> {
    structures::set_status(tx, structure_id, change.to, change.now).await?;
    structure_events::insert(
        tx,
        structure_events::NewEvent {
            structure_id,
            step: change.step,
            from_status: change.from.code(),
            to_status: change.to.code(),
            actor_id: Some(&change.actor.id),
            actor_name: Some(&change.actor.display_name),
            reason: change.reason,
            at: change.now,
        },
    )
    .await
}

/// Takes `step` (its code) for the structure, if the person may and the state allows it.
#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id, step = ?step))]
pub async fn take_step(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
    step: StructureStep,
    reason: &str,
) -> Result<Outcome<String>, AppError> {
    let row = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    let allowed = match step {
        s if s.is_moderation() => user.moderates(),
        StructureStep::Archive => access::can_edit(user, &row) || user.moderates(),
        _ => access::can_edit(user, &row),
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if step.needs_reason() && reason.is_empty() {
        let mut errors = FieldErrors::new();
        errors.add("reason", "Indiquez le motif : il sera envoyé à la structure.");
        return Ok(Outcome::Invalid(errors));
    }
    if reason.chars().count() > 1000 {
        let mut errors = FieldErrors::new();
        errors.add("reason", "Le motif ne peut pas dépasser 1000 caractères.");
        return Ok(Outcome::Invalid(errors));
    }
    if step == StructureStep::Submit {
        let profile = profile_of_row(&row);
        let activities =
            usize::try_from(structure_activities::count(&state.db, structure_id).await?)
                .unwrap_or(0);
        let score = completeness(&profile, Extras { activities, ..Extras::default() });
        if !score.can_submit() {
            let missing: Vec<&str> =
                score.missing.iter().filter(|m| m.required).map(|m| m.what.as_str()).collect();
            return Ok(Outcome::Refused(format!(
                "Avant de soumettre la fiche, complétez : {}.",
                missing.join(", ")
            )));
        }
    }

    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    // The state is read again under the write lock: two animators deciding at once cannot
    // both move it.
    let row = structures::lock(&mut tx, structure_id).await?.ok_or(AppError::Forbidden)?;
    let from = row.status;
    let to = match from.after(step) {
        Ok(to) => to,
        Err(why) => return Ok(Outcome::Refused(why.to_owned())),
    };
    let reason = (!reason.is_empty()).then_some(reason.as_str());
    record(&mut tx, structure_id, Change { step: step.code(), from, to, actor: user, reason, now })
        .await?;
    if step.is_moderation()
        && let Some(organisation_id) = &row.organisation_id
    {
        let link = format!("{}/espace/structures/{}", state.public_url, row.id);
        for to in memberships::owner_emails(&state.db, organisation_id).await? {
            let message = mail::structure_decision(&to, &row.name, step, reason, &link);
            mail::enqueue(&mut tx, &message, now).await?;
        }
    }
    tx.commit().await?;
    tracing::info!(from = from.code(), to = to.code(), "structure state changed");
    Ok(Outcome::Done(structure_id.to_owned()))
}
