//! The label profile: its first version is stored on first use; animators publish the next
//! ones from the profile builder. Files keep the version they were opened with.

use crate::domain::Outcome;
use crate::{
    db::hqs_label_profiles::{self, LabelProfileRow},
    domain::{
        accounts::Acting,
        directory::text::required_text,
        hqs::{Requirement, RequirementForm},
        label::{initial_profile, views::LabelProfileVersion},
    },
    error::AppError,
    services::{audit, directory::require_animator, hqs::referential},
    state::AppState,
};

fn version_of(row: LabelProfileRow) -> Result<LabelProfileVersion, AppError> {
    let requirements = serde_json::from_str(&row.requirements).map_err(|error| {
        tracing::error!(%error, version = row.version, "unreadable label profile version");
        AppError::Internal
    })?;
    Ok(LabelProfileVersion {
        version: row.version,
        referential_version: row.referential_version,
        requirements,
        note: row.note,
        published_at: row.published_at,
    })
}

/// The version in force; the first one is stored on first use.
pub async fn current(state: &AppState) -> Result<LabelProfileVersion, AppError> {
    if let Some(row) = hqs_label_profiles::latest(&state.db).await? {
        return version_of(row);
    }
    let referential = referential::latest(state).await?;
    let row = LabelProfileRow {
        version: 1,
        referential_version: referential.version,
        requirements: serde_json::to_string(&initial_profile()).map_err(|_| AppError::Internal)?,
        note: "Version initiale proposée par Ecossol.".to_owned(),
        published_by: None,
        published_at: state.clock.now_ms(),
    };
    let mut tx = crate::db::begin(&state.db).await?;
    // Another server may have stored it a moment ago: then this insert does nothing.
    hqs_label_profiles::insert(&mut tx, &row).await?;
    tx.commit().await?;
    let stored = hqs_label_profiles::latest(&state.db).await?.ok_or(AppError::Internal)?;
    version_of(stored)
}

/// Every version, newest first.
pub async fn versions(state: &AppState) -> Result<Vec<LabelProfileVersion>, AppError> {
    current(state).await?;
    hqs_label_profiles::all(&state.db).await?.into_iter().map(version_of).collect()
}

/// Publishes the next version from the profile builder's form (its name is not used) and a
/// note saying what changed; animators only. Files already opened keep their version.
#[tracing::instrument(skip_all, fields(user_id = %user.id))]
pub async fn publish(
    state: &AppState,
    user: &Acting,
    form: &RequirementForm,
    note: &str,
) -> Result<Outcome<String>, AppError> {
    require_animator(user)?;
    let current = current(state).await?;
    let referential = referential::latest(state).await?;
    let mut named = form.clone();
    named.name = "Label HQS".to_owned();
    let draft = named.parse(&referential.referential);
    let note = required_text(note, 500, true, "Dites ce qui change dans cette version.");
    let (draft, note) = match (draft, note) {
        (Ok(draft), Ok(note)) => (draft, note),
        (draft, note) => {
            let mut errors = draft.err().unwrap_or_default();
            if let Err(message) = note {
                errors.add("note", message);
            }
            return Ok(Outcome::Invalid(errors));
        }
    };
    if !draft.requirements.items.iter().any(|i| i.requirement == Requirement::Mandatory) {
        let mut errors = crate::domain::FieldErrors::new();
        errors.add("criteria", "Le label exige au moins un critère obligatoire.");
        return Ok(Outcome::Invalid(errors));
    }
    let row = LabelProfileRow {
        version: current.version + 1,
        referential_version: referential.version,
        requirements: serde_json::to_string(&draft.requirements).map_err(|_| AppError::Internal)?,
        note,
        published_by: Some(user.id.clone()),
        published_at: state.clock.now_ms(),
    };
    let mut tx = crate::db::begin(&state.db).await?;
    if !hqs_label_profiles::insert(&mut tx, &row).await? {
        return Ok(Outcome::Refused(
            "Une autre version vient d'être publiée : rechargez la page.".to_owned(),
        ));
    }
    let details = serde_json::json!({ "version": row.version, "note": row.note });
    let event = audit::Event {
        at: row.published_at,
        actor_id: Some(&user.id),
        subject_type: "label_profile",
        subject_id: &row.version.to_string(),
        action: "published",
        details: &details,
    };
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Outcome::Done(row.version.to_string()))
}
