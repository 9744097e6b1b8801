//! A check's page: who asked what of whom, the evaluation, the evidence and the audit trail
//! in words.

use super::{internal, role_on};
use crate::{
    db::{audit_log, hqs_checks, hqs_evidence, offers, organisations, structures, users},
    domain::{
        accounts::SessionUser,
        hqs::{
            EvidenceKind, Review,
            check::{CheckState, Decision},
            views::{CheckView, EvidenceView, HistoryEntry},
        },
    },
    error::AppError,
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
    user: &SessionUser,
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
                kind: EvidenceKind::parse(&e.kind)?,
                review: Review::parse(&e.review)?,
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
    let mut history = Vec::new();
    for entry in audit_log::of_subject(&state.db, "check", id).await? {
        let actor = match &entry.actor_id {
            Some(actor) => users::find_by_id(&state.db, actor)
                .await?
                .map(|u| u.display_name)
                .unwrap_or_default(),
            None => String::new(),
        };
        let details: serde_json::Value = serde_json::from_str(&entry.details).unwrap_or_default();
        let text = [
            details["text"].as_str().map(str::to_owned),
            details["decision"].as_str().and_then(Decision::parse).map(|d| d.label().to_owned()),
            details["file_name"].as_str().map(|f| {
                format!("{f} (SHA-256 {})", details["sha256"].as_str().unwrap_or_default())
            }),
            details["review"].as_str().and_then(Review::parse).map(|r| r.label().to_owned()),
            details["reason"].as_str().map(str::to_owned),
            details["pre_verdict"].as_str().map(|v| format!("pré-verdict : {v}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        history.push(HistoryEntry {
            seq: entry.seq,
            at: entry.at,
            actor,
            action: action_label(&entry.action).to_owned(),
            details: text,
            hash: entry.hash,
        });
    }
    Ok(Some(CheckView {
        id: row.id.clone(),
        role,
        state: CheckState::parse(&row.state).ok_or(AppError::Internal)?,
        profile_name: row.profile_name.clone(),
        referential_version: row.referential_version,
        buyer_name,
        structure_name: structure.name,
        structure_slug: structure.slug,
        offer_title,
        requirements: serde_json::from_str(&row.requirements).map_err(internal)?,
        evaluation: serde_json::from_str(&row.evaluation).map_err(internal)?,
        decision: row.decision.as_deref().and_then(Decision::parse),
        decision_comment: row.decision_comment,
        decided_at: row.decided_at,
        opened_at: row.created_at,
        evidence,
        history,
    }))
}
