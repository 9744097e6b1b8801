//! The Haute Qualité Solidaire label: the label profile the pôle maintains, applications and
//! their review by two animators, granted labels and their sanctions, reminders and lapses,
//! and the public registry. A label file's evidence, reviews and evaluation live in a check
//! (`purpose = 'label'`) whose buyer is the pôle; every step goes to the audit log in the
//! transaction that makes it, and every change of who holds a label reaches the search index
//! through the outbox.

use crate::domain::{Code, Outcome, organisations::MemberRole};
pub mod file;
pub mod profile;
pub mod public;
pub mod review;
pub mod sanctions;
pub mod sweep;
pub mod view;

use serde_json::Value;

use crate::{
    db::{
        hqs_checks::{self, CheckRow},
        hqs_labels::{self, LabelRow},
        memberships, organisations,
        search_outbox::{self, Entity},
        structures::{self, StructureRow},
    },
    domain::{
        accounts::Acting,
        label::{LabelState, LabelStep, Recommendation},
    },
    error::AppError,
    services::{audit, mail},
    state::AppState,
};

pub(crate) fn state_of(row: &LabelRow) -> Result<LabelState, AppError> {
    LabelState::from_code(&row.state).ok_or_else(|| {
        tracing::error!(label_id = %row.id, state = %row.state, "unknown label state");
        AppError::Internal
    })
}

pub(crate) async fn file(state: &AppState, id: &str) -> Result<(LabelRow, StructureRow), AppError> {
    let row = hqs_labels::find(&state.db, id).await?.ok_or(AppError::Forbidden)?;
    let structure =
        structures::find(&state.db, &row.structure_id).await?.ok_or(AppError::Internal)?;
    Ok((row, structure))
}

/// The pôle's organisation (the oldest, should there be several): label files are its
/// checks.
pub(crate) async fn pole(state: &AppState) -> Result<Option<String>, AppError> {
    Ok(organisations::pole_id(&state.db).await?)
}

/// The page of a file.
pub fn page(state: &AppState, id: &str) -> String {
    format!("{}/label-hqs/dossiers/{id}", state.public_url)
}

/// Stores a file's step: the row (if it is still in the state it was read in), its audit
/// entry, the index update when the label's holding changed, and the e-mails, all in one
/// transaction. Returns the outcome to give.
pub(crate) struct Step<'a> {
    pub user: Option<&'a Acting>,
    pub step: LabelStep,
    pub before: &'a LabelRow,
    pub after: LabelRow,
    pub details: Value,
    pub mails: Vec<mail::Mail>,
    /// The file's check, moved with the label (new row, the row as read: stored only if
    /// unchanged since).
    pub check: Option<(CheckRow, CheckRow)>,
}

pub(crate) async fn store(state: &AppState, step: Step<'_>) -> Result<Outcome<String>, AppError> {
    let tx = crate::db::begin(&state.db).await?;
    store_in(state, tx, step).await
}

/// `store` in a transaction that already holds other changes of the step: they are kept if
/// and only if the step is.
pub(crate) async fn store_in(
    state: &AppState,
    mut tx: sqlx::Transaction<'_, sqlx::Any>,
    step: Step<'_>,
) -> Result<Outcome<String>, AppError> {
    let now = state.clock.now_ms();
    if !hqs_labels::update(&mut tx, &step.after, step.before).await? {
        return Ok(moved());
    }
    if let Some((check, before)) = &step.check
        && !hqs_checks::transition_unchanged(&mut tx, check, before).await?
    {
        return Ok(moved());
    }
    log(&mut tx, step.user, &step.after.id, step.step.code(), &step.details, now).await?;
    let held = |row: &LabelRow| LabelState::from_code(&row.state).is_some_and(LabelState::holds);
    if held(step.before) != held(&step.after) {
        search_outbox::enqueue(&mut tx, Entity::Structure, &step.after.structure_id, now).await?;
    }
    for message in &step.mails {
        mail::enqueue(&mut tx, message, now).await?;
    }
    tx.commit().await?;
    Ok(Outcome::Done(step.after.id.clone()))
}

pub(crate) fn moved() -> Outcome<String> {
    Outcome::Refused("Ce dossier vient de changer : rechargez la page et recommencez.".into())
}

pub(crate) async fn log(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user: Option<&Acting>,
    label_id: &str,
    action: &str,
    details: &Value,
    now: i64,
) -> Result<(), AppError> {
    let event = audit::Event {
        at: now,
        actor_id: user.map(|u| u.id.as_str()),
        subject_type: "label",
        subject_id: label_id,
        action,
        details,
    };
    audit::append(tx, &event).await?;
    Ok(())
}

/// E-mails to the structure's owners.
pub(crate) async fn to_holders(
    state: &AppState,
    structure: &StructureRow,
    label_id: &str,
    what: &str,
    note: Option<&str>,
) -> Result<Vec<mail::Mail>, AppError> {
    let emails = match &structure.organisation_id {
        Some(id) => memberships::owner_emails(&state.db, id).await?,
        None => Vec::new(),
    };
    let link = page(state, label_id);
    Ok(emails.iter().map(|to| mail::label_update(to, what, &structure.name, note, &link)).collect())
}

/// E-mails to the pôle's animators.
pub(crate) async fn to_animators(
    state: &AppState,
    structure: &StructureRow,
    label_id: &str,
    what: &str,
    note: Option<&str>,
) -> Result<Vec<mail::Mail>, AppError> {
    let Some(pole) = pole(state).await? else { return Ok(Vec::new()) };
    let emails = memberships::emails_with_role(&state.db, &pole, MemberRole::Animator).await?;
    let link = page(state, label_id);
    Ok(emails.iter().map(|to| mail::label_update(to, what, &structure.name, note, &link)).collect())
}

/// The file's check, moved to `state` (with `change` applied): what a step stores with it.
pub(crate) async fn check_moved(
    state: &AppState,
    row: &LabelRow,
    to: crate::domain::hqs::check::CheckState,
    change: impl FnOnce(&mut CheckRow),
) -> Result<(CheckRow, CheckRow), AppError> {
    let check = hqs_checks::find(&state.db, &row.check_id).await?.ok_or(AppError::Internal)?;
    let mut next = check.clone();
    next.state = to.code().to_owned();
    next.updated_at = state.clock.now_ms().max(check.updated_at + 1);
    change(&mut next);
    Ok((next, check))
}

/// A reason, a note or an answer: required, at most 2,000 characters.
pub(crate) fn words(text: &str, missing: &str) -> Result<String, Outcome<String>> {
    let text = text.trim();
    if text.is_empty() {
        let mut errors = crate::domain::FieldErrors::new();
        errors.add("text", missing);
        return Err(Outcome::Invalid(errors));
    }
    Ok(text.chars().take(2000).collect())
}

pub(crate) fn choice(code: &str) -> Result<Recommendation, Outcome<String>> {
    Recommendation::from_code(code).ok_or_else(|| {
        let mut errors = crate::domain::FieldErrors::new();
        errors.add("decision", "Choisissez : attribuer ou refuser.");
        Outcome::Invalid(errors)
    })
}
