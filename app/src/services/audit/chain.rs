//! The tamper-evident audit log of compliance checks and labels. Each entry's hash is the
//! SHA-256 of the previous entry's hash and of the entry's fields; `verify` recomputes the
//! chain and finds the first entry that was changed, inserted or removed.

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::{Any, Transaction};

use crate::db::{
    Db,
    audit_log::{self, AuditRow},
};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened, to whom, by whom.
#[derive(Debug, Clone)]
pub struct Event<'a, D: Serialize> {
    pub at: i64,
    pub actor_id: Option<&'a str>,
    pub subject_type: &'a str,
    pub subject_id: &'a str,
    pub action: &'a str,
    pub details: &'a D,
}

fn hash_of(row: &AuditRow) -> String {
    let mut hasher = Sha256::new();
    // Each field ends with a separator that no field contains, so that moving text from
    // one field to the next changes the hash.
    for field in [
        row.previous_hash.as_str(),
        &row.seq.to_string(),
        &row.at.to_string(),
        row.actor_id.as_deref().unwrap_or(""),
        &row.subject_type,
        &row.subject_id,
        &row.action,
        &row.details,
    ] {
        hasher.update(field.as_bytes());
        hasher.update([0x1f]);
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// What `actor_id` did (`action`) to a subject (its type and id) at `at`, appended in the
/// caller's transaction: the one call the services make.
pub async fn record<D: Serialize>(
    tx: &mut Transaction<'_, Any>,
    actor_id: Option<&str>,
    (subject_type, subject_id): (&str, &str),
    action: &str,
    details: &D,
    at: i64,
) -> Result<i64, sqlx::Error> {
    append(tx, &Event { at, actor_id, subject_type, subject_id, action, details }).await
}

/// Appends an event in the caller's transaction: it is logged if and only if the change it
/// describes is stored.
pub async fn append<D: Serialize>(
    tx: &mut Transaction<'_, Any>,
    event: &Event<'_, D>,
) -> Result<i64, sqlx::Error> {
    let (seq, previous_hash) = audit_log::advance_head(tx).await?;
    let details = serde_json::to_string(event.details)
        .map_err(|e| sqlx::Error::Protocol(format!("audit details: {e}")))?;
    let mut row = AuditRow {
        seq,
        at: event.at,
        actor_id: event.actor_id.map(str::to_owned),
        subject_type: event.subject_type.to_owned(),
        subject_id: event.subject_id.to_owned(),
        action: event.action.to_owned(),
        details,
        previous_hash,
        hash: String::new(),
    };
    row.hash = hash_of(&row);
    audit_log::insert(tx, &row).await?;
    Ok(seq)
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// `head` is the last entry's hash: kept outside the database (in a procurement file,
    /// say), it shows later that the whole chain was not rewritten since.
    Intact { entries: i64, head: String },
    /// The first entry where the chain breaks, and why (in French).
    Broken { seq: i64, reason: String },
}

impl std::fmt::Display for Verification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Intact { entries, head } => {
                write!(f, "Journal d'audit intègre : {entries} entrées, empreinte de tête {head}.")
            }
            Self::Broken { seq, reason } => {
                write!(f, "Journal d'audit altéré à l'entrée {seq} : {reason}.")
            }
        }
    }
}

/// Recomputes the whole chain, a thousand entries at a time.
pub async fn verify(db: &Db) -> Result<Verification, sqlx::Error> {
    let (mut expected_seq, mut previous) = (1_i64, GENESIS.to_owned());
    loop {
        let rows = audit_log::page(db, expected_seq - 1, 1000).await?;
        if rows.is_empty() {
            break;
        }
        for row in rows {
            let broken =
                |reason: &str| Verification::Broken { seq: row.seq, reason: reason.to_owned() };
            if row.seq != expected_seq {
                return Ok(Verification::Broken {
                    seq: expected_seq,
                    reason: "l'entrée manque (supprimée)".to_owned(),
                });
            }
            if row.previous_hash != previous {
                return Ok(broken("elle ne suit pas l'entrée précédente"));
            }
            if hash_of(&row) != row.hash {
                return Ok(broken("son contenu ne correspond plus à son empreinte"));
            }
            previous = row.hash;
            expected_seq += 1;
        }
    }
    let (head_seq, head_hash) = audit_log::head(db).await?;
    if head_seq != expected_seq - 1 || head_hash != previous {
        return Ok(Verification::Broken {
            seq: expected_seq,
            reason: format!(
                "le journal s'arrête à l'entrée {} alors qu'il en comptait {head_seq} (fin supprimée)",
                expected_seq - 1
            ),
        });
    }
    Ok(Verification::Intact { entries: expected_seq - 1, head: previous })
}
