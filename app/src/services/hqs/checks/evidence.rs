//! Evidence of a check: the supplier sends pieces, the officer accepts or rejects each; the
//! check's stored evaluation follows in the same transaction.

use crate::domain::Code;
use crate::domain::Outcome;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{Subject, log, role_on};
use crate::{
    db::{
        hqs_checks::{self, CheckRow},
        hqs_evidence::{self, EvidenceRow},
        hqs_labels, structures,
    },
    domain::{
        FieldErrors,
        accounts::Acting,
        directory::{text::optional_date, upload::EVIDENCE},
        files::clean_file_name,
        hqs::{EvidenceKind, Review, check::CheckState, views::CheckRole},
        label::LabelState,
    },
    error::AppError,
    services::storage,
    state::AppState,
};

/// Largest piece of evidence.
pub const MAX_EVIDENCE_BYTES: usize = EVIDENCE.max_bytes;

/// A piece of evidence a supplier sends.
pub struct Upload {
    pub check_id: String,
    pub kind: String,
    pub valid_until: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Stores a piece of evidence for a check; the supplier's people, while the check is not
/// decided. The type is read from the content; its SHA-256 goes to the audit log.
#[tracing::instrument(skip_all, fields(user_id = %user.id, check_id = %upload.check_id))]
pub async fn upload(
    state: &AppState,
    user: &Acting,
    upload: Upload,
) -> Result<Outcome<String>, AppError> {
    let row = hqs_checks::find(&state.db, &upload.check_id).await?.ok_or(AppError::Forbidden)?;
    if role_on(state, user, &row).await? != Some(CheckRole::Supplier) {
        return Err(AppError::Forbidden);
    }
    if let Some(refusal) = label_file_refuses(state, &row, LabelState::takes_pieces).await? {
        return Ok(Outcome::Refused(refusal));
    }
    if row.purpose == hqs_checks::FOR_BUYER && row.state == CheckState::Decided.code() {
        return Ok(Outcome::Refused(
            "Ce contrôle est décidé : il ne reçoit plus de pièces.".into(),
        ));
    }
    let mut errors = FieldErrors::new();
    let kind = EvidenceKind::from_code(&upload.kind);
    if kind.is_none() {
        errors.add("kind", "Choisissez le type de pièce.");
    }
    let valid_until = errors.check("valid_until", optional_date(&upload.valid_until)).flatten();
    let content_type = errors.check("file", EVIDENCE.check(&upload.bytes));
    let (Some(kind), Some(content_type), true) = (kind, content_type, errors.is_empty()) else {
        return Ok(Outcome::Invalid(errors));
    };
    let now = state.clock.now_ms();
    let sha256: String = Sha256::digest(&upload.bytes).iter().map(|b| format!("{b:02x}")).collect();
    let evidence = EvidenceRow {
        id: uuid::Uuid::new_v4().to_string(),
        check_id: row.id.clone(),
        kind: kind.code().to_owned(),
        file_name: clean_file_name(&upload.file_name),
        content_type: content_type.to_owned(),
        size_bytes: i64::try_from(upload.bytes.len()).unwrap_or(i64::MAX),
        sha256,
        valid_until,
        review: Review::Pending.code().to_owned(),
        review_reason: None,
        reviewed_by: None,
        reviewed_at: None,
        uploaded_by: Some(user.id.clone()),
        created_at: now,
    };
    let subject = Subject::of(state, &row).await?;
    // The pieces are the supplier's: they count against its organisation's storage.
    let structure = structures::find(&state.db, &row.structure_id).await?;
    let mut tx = crate::db::begin(&state.db).await?;
    if let Some(organisation_id) = structure.as_ref().and_then(|s| s.organisation_id.as_deref())
        && let Some(why) =
            storage::refusal(&mut tx, organisation_id, upload.bytes.len(), now).await?
    {
        return Ok(Outcome::invalid("file", why));
    }
    hqs_evidence::insert(&mut tx, &evidence, &upload.bytes).await?;
    let details = json!({
        "evidence": evidence.id,
        "kind": evidence.kind,
        "file_name": evidence.file_name,
        "size_bytes": evidence.size_bytes,
        "sha256": evidence.sha256,
        "valid_until": evidence.valid_until,
    });
    log(&mut tx, user, &row.id, "evidence_uploaded", &details, now).await?;
    if !refresh(&mut tx, &subject, &row, now).await? {
        return Ok(moved());
    }
    tx.commit().await?;
    Ok(Outcome::Done(row.id))
}

/// For a label file's check: why its label's state refuses pieces (or their review) now.
/// Pieces arrive while the structure prepares its file or answers a suspension; they are
/// reviewed once the file is submitted, and no longer after its preparation, so that the
/// second animator decides on the file as it was prepared.
async fn label_file_refuses(
    state: &AppState,
    row: &CheckRow,
    allows: fn(LabelState) -> bool,
) -> Result<Option<String>, AppError> {
    if row.purpose != hqs_checks::FOR_LABEL {
        return Ok(None);
    }
    let label = hqs_labels::of_check(&state.db, &row.id).await?;
    let Some(now) = label.as_ref().and_then(|l| LabelState::from_code(&l.state)) else {
        return Ok(Some("Ce dossier de label n'existe plus.".into()));
    };
    Ok((!allows(now)).then(|| {
        format!("Le dossier est à l'état « {} » : les pièces n'y changent pas.", now.label())
    }))
}

/// The check changed state meanwhile (a decision, say): nothing is stored.
fn moved() -> Outcome<String> {
    Outcome::Refused("Ce contrôle vient de changer : rechargez la page et recommencez.".into())
}

/// Stores the check's evaluation with the evidence as `tx` sees it, unless the check left
/// the state `row` was read in (false then).
async fn refresh(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    subject: &Subject,
    row: &CheckRow,
    now: i64,
) -> Result<bool, AppError> {
    let evidence: Vec<EvidenceRow> = hqs_evidence::of_check(&mut **tx, &row.id).await?;
    let mut next = row.clone();
    next.evaluation =
        serde_json::to_string(&subject.evaluate(evidence, now)).map_err(super::internal)?;
    // Always later than before, so that a label's decision sees the file changed.
    next.updated_at = now.max(row.updated_at + 1);
    Ok(hqs_checks::transition(tx, &next, &row.state).await?)
}

/// Accepts or rejects a piece; the officer, with a reason for a rejection.
#[tracing::instrument(skip_all, fields(user_id = %user.id, check_id, evidence_id))]
pub async fn review(
    state: &AppState,
    user: &Acting,
    check_id: &str,
    evidence_id: &str,
    accept: bool,
    reason: &str,
) -> Result<Outcome<String>, AppError> {
    let row = hqs_checks::find(&state.db, check_id).await?.ok_or(AppError::Forbidden)?;
    if role_on(state, user, &row).await? != Some(CheckRole::Officer) {
        return Err(AppError::Forbidden);
    }
    if let Some(refusal) = label_file_refuses(state, &row, LabelState::reviews_pieces).await? {
        return Ok(Outcome::Refused(refusal));
    }
    if row.purpose == hqs_checks::FOR_BUYER && row.state == CheckState::Decided.code() {
        return Ok(Outcome::Refused("Ce contrôle est décidé : rouvrez-le d'abord.".into()));
    }
    let reason = reason.trim();
    if !accept && reason.is_empty() {
        let mut errors = FieldErrors::new();
        errors.add("reason", "Dites pourquoi la pièce est refusée.");
        return Ok(Outcome::Invalid(errors));
    }
    let review = if accept { Review::Accepted } else { Review::Rejected };
    let now = state.clock.now_ms();
    let subject = Subject::of(state, &row).await?;
    let mut tx = crate::db::begin(&state.db).await?;
    let reason = (!reason.is_empty()).then(|| reason.chars().take(2000).collect::<String>());
    if !hqs_evidence::review(
        &mut tx,
        check_id,
        evidence_id,
        review.code(),
        reason.as_deref(),
        &user.id,
        now,
    )
    .await?
    {
        return Ok(Outcome::Refused("Cette pièce n'est pas dans ce contrôle.".into()));
    }
    let details = json!({ "evidence": evidence_id, "review": review.code(), "reason": reason });
    log(&mut tx, user, check_id, "evidence_reviewed", &details, now).await?;
    if !refresh(&mut tx, &subject, &row, now).await? {
        return Ok(moved());
    }
    tx.commit().await?;
    Ok(Outcome::Done(check_id.to_owned()))
}

/// A piece's file, for those who may see its check (not its frozen buyer).
pub async fn evidence_file(
    state: &AppState,
    user: &Acting,
    evidence_id: &str,
) -> Result<Option<(String, String, Vec<u8>)>, AppError> {
    let Some((check_id, name, content_type, bytes)) =
        hqs_evidence::content(&state.db, evidence_id).await?
    else {
        return Ok(None);
    };
    let Some(row) = hqs_checks::find(&state.db, &check_id).await? else { return Ok(None) };
    // A frozen check keeps the supplier's files from its buyer.
    if matches!(role_on(state, user, &row).await?, None | Some(CheckRole::Frozen)) {
        return Ok(None);
    }
    Ok(Some((name, content_type, bytes)))
}
