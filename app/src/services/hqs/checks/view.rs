//! A check's page: who asked what of whom, the evaluation, the evidence and the audit trail
//! in words.

use super::{internal, role_on};
use crate::{
    db::{hqs_checks, hqs_evidence, hqs_labels, offers, organisations, structures},
    domain::{
        Code,
        accounts::Acting,
        hqs::{
            EvidenceKind, Review,
            check::{CheckState, Decision},
            views::{CheckView, EvidenceView},
        },
    },
    error::AppError,
    services::audit::history,
    state::AppState,
};

fn action_label(action: &str) -> &'static str {
    match action {
        "opened" => "Contrôle ouvert",
        "request_evidence" => "Pièces demandées",
        "submit_evidence" => "Pièces envoyées pour examen",
        "decide" => "Décision",
        "reopen" => "Contrôle rouvert",
        "evidence_uploaded" => "Pièce déposée",
        "evidence_reviewed" => "Pièce examinée",
        _ => "Événement",
    }
}

/// A check's page, for those who may see it (`None` otherwise).
pub async fn view(
    state: &AppState,
    user: &Acting,
    id: &str,
) -> Result<Option<CheckView>, AppError> {
    let Some(row) = hqs_checks::find(&state.db, id).await? else { return Ok(None) };
    let Some(role) = role_on(state, user, &row).await? else { return Ok(None) };
    let structure =
        structures::find(&state.db, &row.structure_id).await?.ok_or(AppError::Internal)?;
    let offer_title = match &row.offer_id {
        Some(id) => offers::find(&state.db, id).await?.map(|o| o.title),
        None => None,
    };
    let buyer_name = organisations::find(&state.db, &row.buyer_organisation_id)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let evidence = hqs_evidence::of_check(&state.db, id)
        .await?
        .into_iter()
        .filter_map(|e| {
            Some(EvidenceView {
                kind: EvidenceKind::from_code(&e.kind)?,
                review: Review::from_code(&e.review)?,
                id: e.id,
                file_name: e.file_name,
                size_bytes: e.size_bytes,
                sha256: e.sha256,
                valid_until: e.valid_until,
                review_reason: e.review_reason,
                uploaded_at: e.created_at,
            })
        })
        .collect();
    let history = history::of(state, "check", id, |a| action_label(a).to_owned()).await?;
    Ok(Some(CheckView {
        id: row.id.clone(),
        role,
        state: CheckState::from_code(&row.state).ok_or(AppError::Internal)?,
        profile_name: row.profile_name.clone(),
        referential_version: row.referential_version,
        buyer_id: row.buyer_organisation_id.clone(),
        buyer_name,
        structure_name: structure.name,
        structure_slug: structure.slug,
        offer_title,
        requirements: serde_json::from_str(&row.requirements).map_err(internal)?,
        evaluation: serde_json::from_str(&row.evaluation).map_err(internal)?,
        decision: row.decision.as_deref().and_then(Decision::from_code),
        decision_comment: row.decision_comment,
        decided_at: row.decided_at,
        opened_at: row.created_at,
        evidence,
        history,
        label_id: hqs_labels::of_check(&state.db, id).await?.map(|l| l.id),
    }))
}
