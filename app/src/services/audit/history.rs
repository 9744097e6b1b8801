//! A subject's audit entries in words, for the pages that show its history (checks, label
//! files).

use crate::{
    db::{audit_log, users},
    domain::{
        Code,
        calendar::french_iso_date,
        hqs::{Review, check::Decision, views::HistoryEntry},
        label::{Level, Recommendation},
    },
    error::AppError,
    state::AppState,
};

/// The entries about `subject_type`/`subject_id`, oldest first; `action` names each action.
pub async fn of(
    state: &AppState,
    subject_type: &str,
    subject_id: &str,
    action: impl Fn(&str) -> String,
) -> Result<Vec<HistoryEntry>, AppError> {
    let mut history = Vec::new();
    for entry in audit_log::of_subject(&state.db, subject_type, subject_id).await? {
        let actor = match &entry.actor_id {
            Some(actor) => users::find_by_id(&state.db, actor)
                .await?
                .map(|u| u.display_name)
                .unwrap_or_default(),
            None => String::new(),
        };
        let details: serde_json::Value = serde_json::from_str(&entry.details).unwrap_or_default();
        history.push(HistoryEntry {
            seq: entry.seq,
            at: entry.at,
            actor,
            action: action(&entry.action),
            details: words(&details),
            hash: entry.hash,
        });
    }
    Ok(history)
}

/// The details people read: texts, decisions, documents and their hashes, label numbers.
fn words(details: &serde_json::Value) -> String {
    let text = |key: &str| details[key].as_str();
    let decision = text("decision").and_then(|d| {
        Decision::from_code(d)
            .map(|d| d.label().to_owned())
            .or_else(|| Recommendation::from_code(d).map(|r| format!("décision : {}", r.label())))
    });
    [
        text("text").map(str::to_owned),
        decision,
        text("recommendation")
            .and_then(Recommendation::from_code)
            .map(|r| format!("proposition : {}", r.label())),
        text("file_name").map(|f| format!("{f} (SHA-256 {})", text("sha256").unwrap_or_default())),
        text("review").and_then(Review::from_code).map(|r| r.label().to_owned()),
        text("reason").map(str::to_owned),
        text("pre_verdict").map(|v| format!("pré-verdict : {v}")),
        text("number").map(|n| format!("n° {n}")),
        text("level").and_then(Level::from_code).map(|l| format!("niveau {}", l.label())),
        text("valid_until").map(|u| format!("valable jusqu'au {}", french_iso_date(u))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}
