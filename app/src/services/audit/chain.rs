//! The tamper-evident audit log of compliance checks and labels. Each entry's hash covers
//! the previous entry's hash and the entry's fields: sealed with the audit key
//! (HMAC-SHA256, version 2) for every entry written since the key exists, plain SHA-256
//! (version 1) for the entries written before, which stay verifiable as they were. `verify`
//! recomputes the chain and finds the first entry that was changed, inserted or removed; a
//! version 1 entry after a version 2 one is refused, so that no one without the key can
//! append or rewrite an entry under the old rule.

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::{Any, Transaction};

use super::key::{AuditKey, required};
use crate::db::{
    Db,
    audit_log::{self, AuditRow},
};

/// The entries written before the audit key: SHA-256 without a key.
pub const UNSEALED: i64 = 1;
/// The entries sealed with the audit key.
pub const SEALED: i64 = 2;

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

/// The fields a hash covers, in order.
fn fields(row: &AuditRow) -> [String; 8] {
    [
        row.previous_hash.clone(),
        row.seq.to_string(),
        row.at.to_string(),
        row.actor_id.clone().unwrap_or_default(),
        row.subject_type.clone(),
        row.subject_id.clone(),
        row.action.clone(),
        row.details.clone(),
    ]
}

/// The version 1 hash: SHA-256 of the fields. Anyone can recompute it.
pub fn unsealed_hash(row: &AuditRow) -> String {
    let mut hasher = Sha256::new();
    // Each field ends with a separator that no field contains, so that moving text from
    // one field to the next changes the hash.
    for field in fields(row) {
        hasher.update(field.as_bytes());
        hasher.update([0x1f]);
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The text a version 2 seal covers: its version, then the fields.
fn sealed_parts(row: &AuditRow) -> Vec<String> {
    std::iter::once(format!("ecossol-audit-{SEALED}")).chain(fields(row)).collect()
}

/// The version 2 hash: HMAC-SHA256 of the fields with the audit key.
pub fn sealed_hash(key: &AuditKey, row: &AuditRow) -> String {
    let parts = sealed_parts(row);
    key.seal(&parts.iter().map(String::as_str).collect::<Vec<_>>())
}

fn hash_holds(key: &AuditKey, row: &AuditRow) -> bool {
    match row.hash_version {
        UNSEALED => unsealed_hash(row) == row.hash,
        SEALED => {
            let parts = sealed_parts(row);
            key.verifies(&parts.iter().map(String::as_str).collect::<Vec<_>>(), &row.hash)
        }
        _ => false,
    }
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
/// describes is stored. The entry is sealed with the installed audit key (an error without
/// one).
pub async fn append<D: Serialize>(
    tx: &mut Transaction<'_, Any>,
    event: &Event<'_, D>,
) -> Result<i64, sqlx::Error> {
    let key = required()?;
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
        hash_version: SEALED,
    };
    row.hash = sealed_hash(key, &row);
    audit_log::insert(tx, &row).await?;
    Ok(seq)
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// `head` is the last entry's hash: kept outside the database (in a procurement file,
    /// say), it shows later that the whole chain was not rewritten since.
    /// `unsealed` of the entries are from before the key (version 1).
    Intact { entries: i64, head: String, unsealed: i64 },
    /// The first entry where the chain breaks, and why (in French).
    Broken { seq: i64, reason: String },
    /// The checkpoint checked against does not bear the key's signature: changed, or signed
    /// with another key; the chain was not compared with it.
    ForgedCheckpoint { file: String },
}

impl std::fmt::Display for Verification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Intact { entries, head, unsealed: 0 } => {
                write!(f, "Journal d'audit intègre : {entries} entrées, empreinte de tête {head}.")
            }
            Self::Intact { entries, head, unsealed } => write!(
                f,
                "Journal d'audit intègre : {entries} entrées (dont {unsealed} antérieures à la \
                 clé d'audit, non scellées), empreinte de tête {head}."
            ),
            Self::Broken { seq, reason } => {
                write!(f, "Journal d'audit altéré à l'entrée {seq} : {reason}.")
            }
            Self::ForgedCheckpoint { file } => write!(
                f,
                "Point d'ancrage invalide ({file}) : sa signature ne correspond pas à la clé \
                 d'audit (fichier modifié, ou signé avec une autre clé)."
            ),
        }
    }
}

/// Recomputes the whole chain with the installed audit key, a thousand entries at a time,
/// up to the head read first: entries appended meanwhile are left to the next verification
/// (the head and its entry are committed together, so every entry up to it is there).
pub async fn verify(db: &Db) -> Result<Verification, sqlx::Error> {
    let key = required()?;
    let (head_seq, head_hash) = audit_log::head(db).await?;
    let (mut expected_seq, mut previous) = (1_i64, GENESIS.to_owned());
    let (mut unsealed, mut sealed_seen) = (0_i64, false);
    'pages: loop {
        let rows = audit_log::page(db, expected_seq - 1, 1000).await?;
        if rows.is_empty() {
            break;
        }
        for row in rows {
            if row.seq > head_seq {
                break 'pages;
            }
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
            if row.hash_version == UNSEALED && sealed_seen {
                return Ok(broken(
                    "elle n'est pas scellée par la clé d'audit alors que des entrées précédentes le sont",
                ));
            }
            if !hash_holds(key, &row) {
                return Ok(broken("son contenu ne correspond plus à son empreinte"));
            }
            sealed_seen |= row.hash_version == SEALED;
            unsealed += i64::from(row.hash_version == UNSEALED);
            previous = row.hash;
            expected_seq += 1;
        }
    }
    if head_seq != expected_seq - 1 || head_hash != previous {
        return Ok(Verification::Broken {
            seq: expected_seq,
            reason: format!(
                "le journal s'arrête à l'entrée {} alors qu'il en comptait {head_seq} (fin supprimée)",
                expected_seq - 1
            ),
        });
    }
    Ok(Verification::Intact { entries: expected_seq - 1, head: previous, unsealed })
}
