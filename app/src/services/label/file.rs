//! A structure applies for the label (or renews it) and submits its file.

use crate::domain::Code;
use crate::domain::Outcome;
use serde_json::json;

use super::{Step, file, profile, state_of, store};
use crate::{
    db::{
        hqs_checks, hqs_evidence,
        hqs_labels::{self, LabelRow},
        structures,
    },
    domain::{
        accounts::Acting,
        calendar::iso_date,
        directory::StructureStatus,
        hqs::{Review, check::CheckState},
        label::{LabelState, LabelStep},
    },
    error::AppError,
    services::{directory::can_edit, hqs::checks},
    state::AppState,
};

/// Opens a label file for a published structure; its editors. When the structure holds a
/// label (or held one that lapsed), the file renews it: the pieces accepted for the last
/// file and still valid come along, so only what changed or expired is asked for.
#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id))]
pub async fn apply(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
) -> Result<Outcome<String>, AppError> {
    let structure = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    if !can_edit(user, &structure) {
        return Err(AppError::Forbidden);
    }
    if structure.status != StructureStatus::Published {
        return Ok(Outcome::Refused(
            "Seule une fiche publiée dans l'annuaire peut demander le label.".into(),
        ));
    }
    let files = hqs_labels::of_structure(&state.db, structure_id).await?;
    if let Some(open) = files.iter().find(|f| state_of(f).is_ok_and(LabelState::in_progress)) {
        return Ok(Outcome::Refused(format!(
            "Un dossier est déjà en cours pour cette structure (ouvert le {}).",
            crate::domain::calendar::french_date(open.created_at)
        )));
    }
    let Some(pole) = super::pole(state).await? else {
        return Ok(Outcome::Refused(
            "Le pôle n'a pas encore d'équipe pour examiner les dossiers.".into(),
        ));
    };
    let renewed = files.iter().find(|f| {
        state_of(f).is_ok_and(|s| {
            matches!(s, LabelState::Granted | LabelState::Suspended | LabelState::Lapsed)
        })
    });
    let version = profile::current(state).await?;
    let mut check = checks::label_check(
        state,
        &pole,
        structure_id,
        format!("Label HQS (version {})", version.version),
        version.referential_version,
        &version.requirements,
        user,
    )
    .await?;
    let now = state.clock.now_ms();
    let row = LabelRow {
        id: uuid::Uuid::new_v4().to_string(),
        structure_id: structure_id.to_owned(),
        check_id: check.id.clone(),
        label_version: version.version,
        state: LabelState::Applying.code().to_owned(),
        number: None,
        level: None,
        score: None,
        valid_from: None,
        valid_until: None,
        preparer_id: None,
        recommendation: None,
        prepared_file: None,
        decider_id: None,
        reason: None,
        response: None,
        reminders: String::new(),
        renewal_of: renewed.map(|r| r.id.clone()),
        created_at: now,
        updated_at: now,
    };
    let mut tx = crate::db::begin(&state.db).await?;
    hqs_checks::insert(&mut tx, &check).await?;
    let mut carried = Vec::new();
    if let Some(previous) = renewed {
        let today = iso_date(now);
        for piece in hqs_evidence::of_check(&mut *tx, &previous.check_id).await? {
            let still_valid = piece.valid_until.as_deref().is_none_or(|u| today.as_str() <= u);
            if piece.review != Review::Accepted.code() || !still_valid {
                continue;
            }
            let Some((_, _, _, content)) = hqs_evidence::content(&state.db, &piece.id).await?
            else {
                continue;
            };
            let copy = hqs_evidence::EvidenceRow {
                id: uuid::Uuid::new_v4().to_string(),
                check_id: check.id.clone(),
                created_at: now,
                ..piece
            };
            hqs_evidence::insert(&mut tx, &copy, &content).await?;
            carried.push(copy.sha256);
        }
        let before = check.clone();
        check.evaluation =
            serde_json::to_string(&checks::evaluation_in(state, &mut tx, &check).await?)
                .map_err(|_| AppError::Internal)?;
        hqs_checks::transition(&mut tx, &check, &before.state).await?;
    }
    if let Err(error) = hqs_labels::insert(&mut tx, &row).await {
        // Another application for this structure arrived a moment ago (one open file each).
        if let sqlx::Error::Database(database) = &error
            && database.is_unique_violation()
        {
            return Ok(Outcome::Refused(
                "Un dossier est déjà en cours pour cette structure.".into(),
            ));
        }
        return Err(error.into());
    }
    let details = json!({
        "structure": structure.name,
        "label_version": version.version,
        "renewal_of": row.renewal_of,
        "pieces_carried": carried,
    });
    let action = if row.renewal_of.is_some() { "renew" } else { "apply" };
    super::log(&mut tx, Some(user), &row.id, action, &details, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(row.id))
}

/// Sends the file to the pôle; the structure's editors.
#[tracing::instrument(skip_all, fields(user_id = %user.id, label_id))]
pub async fn submit(
    state: &AppState,
    user: &Acting,
    label_id: &str,
) -> Result<Outcome<String>, AppError> {
    let (row, structure) = file(state, label_id).await?;
    if !can_edit(user, &structure) {
        return Err(AppError::Forbidden);
    }
    let Some(next) = LabelStep::Submit.after(state_of(&row)?, None) else {
        return Ok(Outcome::Refused("Ce dossier n'est pas en préparation.".into()));
    };
    let mut after = row.clone();
    after.state = next.code().to_owned();
    after.updated_at = state.clock.now_ms();
    let mails = super::to_animators(state, &structure, &row.id, "dossier déposé", None).await?;
    let check = super::check_moved(state, &row, CheckState::UnderReview, |_| ()).await?;
    store(
        state,
        Step {
            user: Some(user),
            step: LabelStep::Submit,
            before: &row,
            after,
            details: json!({ "state": next.code() }),
            mails,
            check: Some(check),
        },
    )
    .await
}
