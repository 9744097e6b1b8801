//! A label file's page and the lists of files: the structure's people see their own files,
//! the pôle's animators see all; nobody else sees a file (the registry is public).

use super::{file, state_of};
use crate::{
    db::{hqs_labels, structures, users},
    domain::{
        Code,
        accounts::Acting,
        label::{
            LabelStep, Level, Recommendation, may_decide,
            views::{LabelRole, LabelSummary, LabelView},
        },
    },
    error::AppError,
    services::{audit::history, directory::can_edit},
    state::AppState,
};

/// What the person may do on a structure's label files, if they may see them.
fn role(user: &Acting, structure: &structures::StructureRow) -> Option<LabelRole> {
    if user.moderates() {
        return Some(LabelRole::Animator);
    }
    can_edit(user, structure).then_some(LabelRole::Holder)
}

fn action(code: &str) -> String {
    match code {
        "apply" => "Demande de label".to_owned(),
        "renew" => "Demande de renouvellement".to_owned(),
        other => LabelStep::from_code(other).map_or("Événement", LabelStep::label).to_owned(),
    }
}

/// A file's page, for its structure's people and the animators (`None` for anyone else).
pub async fn view(
    state: &AppState,
    user: &Acting,
    id: &str,
) -> Result<Option<LabelView>, AppError> {
    let Ok((row, structure)) = file(state, id).await else { return Ok(None) };
    let Some(role) = role(user, &structure) else { return Ok(None) };
    let preparer_name = match &row.preparer_id {
        Some(id) => users::find_by_id(&state.db, id).await?.map(|u| u.display_name),
        None => None,
    };
    let label_state = state_of(&row)?;
    Ok(Some(LabelView {
        role,
        state: label_state,
        structure_id: structure.id,
        structure_name: structure.name,
        structure_slug: structure.slug,
        check_id: row.check_id.clone(),
        label_version: row.label_version,
        number: row.number.clone(),
        level: row.level.as_deref().and_then(Level::from_code),
        score: row.score,
        valid_from: row.valid_from.clone(),
        valid_until: row.valid_until.clone(),
        preparer_name,
        recommendation: row.recommendation.as_deref().and_then(Recommendation::from_code),
        reason: row.reason.clone(),
        response: row.response.clone(),
        renewal_of: row.renewal_of.clone(),
        may_decide: role == LabelRole::Animator
            && LabelStep::Decide.after(label_state, Some(Recommendation::Grant)).is_some()
            && may_decide(row.preparer_id.as_deref(), &user.id),
        history: history::of(state, "label", &row.id, action).await?,
        id: row.id,
    }))
}

fn summary(row: hqs_labels::LabelRow, structure_name: String) -> Option<LabelSummary> {
    Some(LabelSummary {
        state: crate::domain::label::LabelState::from_code(&row.state)?,
        level: row.level.as_deref().and_then(Level::from_code),
        id: row.id,
        structure_name,
        number: row.number,
        valid_until: row.valid_until,
        updated_at: row.updated_at,
    })
}

/// A structure's files, for its people and the animators.
pub async fn of_structure(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
) -> Result<Option<Vec<LabelSummary>>, AppError> {
    let Some(structure) = structures::find(&state.db, structure_id).await? else {
        return Ok(None);
    };
    if role(user, &structure).is_none() {
        return Ok(None);
    }
    let files = hqs_labels::of_structure(&state.db, structure_id).await?;
    Ok(Some(files.into_iter().filter_map(|f| summary(f, structure.name.clone())).collect()))
}

/// The files waiting for the pôle (submitted or prepared) and the labels held or
/// suspended; animators only.
pub async fn desk(state: &AppState, user: &Acting) -> Result<Vec<LabelSummary>, AppError> {
    crate::services::directory::require_animator(user)?;
    let states = ["submitted", "prepared", "suspended", "granted", "applying"];
    let mut list = Vec::new();
    for row in hqs_labels::in_states(&state.db, &states).await? {
        let name = structures::find(&state.db, &row.structure_id)
            .await?
            .map(|s| s.name)
            .unwrap_or_default();
        list.extend(summary(row, name));
    }
    list.sort_by_key(|f| std::cmp::Reverse(f.updated_at));
    Ok(list)
}
