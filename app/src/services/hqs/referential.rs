//! The référentiel's versions: the first one is created on first use; animators publish the
//! next ones. A published version never changes.

use crate::domain::Code;
use crate::domain::Outcome;
use crate::{
    db::hqs_referentials::{self, ReferentialRow},
    domain::{
        FieldErrors,
        accounts::Acting,
        directory::text::required_text,
        hqs::{CriterionCode, Referential, views::ReferentialVersion},
    },
    error::AppError,
    services::{audit, directory::require_animator},
    state::AppState,
};

fn version_of(row: ReferentialRow) -> Result<ReferentialVersion, AppError> {
    let referential = serde_json::from_str(&row.content).map_err(|error| {
        tracing::error!(%error, version = row.version, "unreadable référentiel version");
        AppError::Internal
    })?;
    Ok(ReferentialVersion {
        version: row.version,
        note: row.note,
        published_at: row.published_at,
        referential,
    })
}

/// The version in force; the first one is stored on first use.
pub async fn latest(state: &AppState) -> Result<ReferentialVersion, AppError> {
    if let Some(row) = hqs_referentials::latest(&state.db).await? {
        return version_of(row);
    }
    let row = ReferentialRow {
        version: 1,
        content: serde_json::to_string(&Referential::initial()).map_err(|_| AppError::Internal)?,
        note: "Version initiale : tous les critères de la bibliothèque.".to_owned(),
        published_by: None,
        published_at: state.clock.now_ms(),
    };
    let mut tx = crate::db::begin(&state.db).await?;
    // Another server may have stored it a moment ago: then this insert does nothing.
    hqs_referentials::insert(&mut tx, &row).await?;
    tx.commit().await?;
    let stored = hqs_referentials::latest(&state.db).await?.ok_or(AppError::Internal)?;
    version_of(stored)
}

/// One version, as profiles and checks built on it read it.
pub async fn version(state: &AppState, version: i64) -> Result<ReferentialVersion, AppError> {
    match hqs_referentials::find(&state.db, version).await? {
        Some(row) => version_of(row),
        None => Err(AppError::Internal),
    }
}

pub async fn history(state: &AppState) -> Result<Vec<ReferentialVersion>, AppError> {
    latest(state).await?;
    hqs_referentials::all(&state.db).await?.into_iter().map(version_of).collect()
}

/// Publishes the next version: the criteria kept, their percent thresholds, and a note
/// saying what changed. Animators only.
#[tracing::instrument(skip_all, fields(user_id = %user.id))]
pub async fn publish(
    state: &AppState,
    user: &Acting,
    kept: &[String],
    percents: &[(String, String)],
    note: &str,
) -> Result<Outcome<String>, AppError> {
    require_animator(user)?;
    let mut errors = FieldErrors::new();
    let note = errors
        .check("note", required_text(note, 1000, true, "Dites ce qui change dans cette version."));
    let kept: Vec<CriterionCode> =
        kept.iter().filter_map(|c| CriterionCode::from_code(c)).collect();
    let mut thresholds = Vec::new();
    for (code, value) in percents {
        let (Some(criterion), false) = (CriterionCode::from_code(code), value.trim().is_empty())
        else {
            continue;
        };
        match value.trim().trim_end_matches('%').trim().parse::<u8>() {
            Ok(min) => thresholds.push((criterion, min)),
            Err(_) => errors.add(code, "Indiquez un seuil entre 1 et 100 %."),
        }
    }
    let referential = match Referential::with(&kept, &thresholds) {
        Ok(r) => Some(r),
        Err(message) => {
            errors.add("criteria", message);
            None
        }
    };
    let (Some(note), Some(referential), true) = (note, referential, errors.is_empty()) else {
        return Ok(Outcome::Invalid(errors));
    };
    let current = latest(state).await?;
    let now = state.clock.now_ms();
    let row = ReferentialRow {
        version: current.version + 1,
        content: serde_json::to_string(&referential).map_err(|_| AppError::Internal)?,
        note,
        published_by: Some(user.id.clone()),
        published_at: now,
    };
    let mut tx = crate::db::begin(&state.db).await?;
    if !hqs_referentials::insert(&mut tx, &row).await? {
        return Ok(Outcome::Refused(
            "Une autre version vient d'être publiée : rechargez la page.".to_owned(),
        ));
    }
    let version = row.version.to_string();
    let details = serde_json::json!({ "note": row.note, "content": referential });
    audit::append(
        &mut tx,
        &audit::Event {
            at: now,
            actor_id: Some(&user.id),
            subject_type: "referential",
            subject_id: &version,
            action: "published",
            details: &details,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Outcome::Done(version))
}
