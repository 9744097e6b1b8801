//! Checkpoints: the chain's head (its last entry's number and hash) at an instant, signed
//! with the audit key and kept outside the database (a file per day in the data directory,
//! written by the server's checkpoint worker). Whoever rewrites the database, even with a
//! chain that verifies on its own (entries recomputed under the old unsealed rule, or with a
//! stolen key), cannot make an entry a checkpoint recorded keep its hash.

use super::{
    chain::{Verification, verify},
    key::{AuditKey, required},
};
pub use crate::domain::audit::{Anchor, Checkpoint, file_name};
use crate::{
    db::{Db, audit_checkpoints, audit_log},
    domain::calendar::{french_iso_date, iso_date},
};

const LABEL: &str = "ecossol-audit-checkpoint-1";

/// Calls `f` with the texts a checkpoint's signature covers.
fn with_parts<T>(checkpoint: &Checkpoint, f: impl FnOnce(&[&str]) -> T) -> T {
    let (seq, at) = (checkpoint.seq.to_string(), checkpoint.at.to_string());
    f(&[LABEL, &checkpoint.day, &seq, &checkpoint.hash, &at])
}

/// The checkpoint of the head `(seq, hash)` at `at`, signed with `key`.
pub fn sign(key: &AuditKey, (seq, hash): (i64, String), at: i64) -> Checkpoint {
    let mut checkpoint = Checkpoint { day: iso_date(at), seq, hash, at, signature: String::new() };
    checkpoint.signature = with_parts(&checkpoint, |parts| key.seal(parts));
    checkpoint
}

/// Whether the checkpoint's signature is `key`'s for its fields.
pub fn signature_holds(key: &AuditKey, checkpoint: &Checkpoint) -> bool {
    with_parts(checkpoint, |parts| key.verifies(parts, &checkpoint.signature))
}

/// Today's checkpoint at `now`, once the whole chain verifies and still holds what
/// `previous` (the last checkpoint kept, if any) recorded; otherwise what is wrong, and no
/// checkpoint: a rewritten chain is never signed.
pub async fn take(
    db: &Db,
    previous: Option<&Checkpoint>,
    now: i64,
) -> Result<Result<Checkpoint, Verification>, sqlx::Error> {
    let key = required()?;
    let verdict = match previous {
        Some(previous) => against(db, previous).await?,
        None => verify(db).await?,
    };
    // The head signed is the one verified: entries appended meanwhile are verified at the
    // next checkpoint.
    let Verification::Intact { entries, head, .. } = verdict else { return Ok(Err(verdict)) };
    Ok(Ok(sign(key, (entries, head), now)))
}

/// Verifies the chain, then that `checkpoint` bears the key's signature and that the entry
/// it recorded is still in the chain with the same hash.
pub async fn against(db: &Db, checkpoint: &Checkpoint) -> Result<Verification, sqlx::Error> {
    let key = required()?;
    if !signature_holds(key, checkpoint) {
        return Ok(Verification::ForgedCheckpoint { file: checkpoint.file_name() });
    }
    let verdict = verify(db).await?;
    let Verification::Intact { entries, .. } = verdict else { return Ok(verdict) };
    let day = french_iso_date(&checkpoint.day);
    if checkpoint.seq > entries {
        return Ok(Verification::Broken {
            seq: entries + 1,
            reason: format!(
                "le journal s'arrête à l'entrée {entries} alors que le point d'ancrage du {day} \
                 en comptait {} (fin supprimée ou journal réécrit)",
                checkpoint.seq
            ),
        });
    }
    let hash = match checkpoint.seq {
        0 => Some(super::GENESIS.to_owned()),
        seq => audit_log::hash_of(db, seq).await?,
    };
    if hash.as_deref() != Some(checkpoint.hash.as_str()) {
        return Ok(Verification::Broken {
            seq: checkpoint.seq,
            reason: format!(
                "son empreinte n'est plus celle que le point d'ancrage du {day} a signée : le \
                 journal a été réécrit depuis"
            ),
        });
    }
    Ok(verdict)
}

/// Records the checkpoint in the database for the animators' page; `false` when another
/// server recorded that day's first.
pub async fn record(db: &Db, checkpoint: &Checkpoint) -> Result<bool, sqlx::Error> {
    audit_checkpoints::insert(db, checkpoint).await
}

/// The last checkpoint recorded, for the animators' desk; `None` before the first.
pub async fn last(
    state: &crate::state::AppState,
    user: &crate::domain::accounts::Acting,
) -> Result<Option<Anchor>, crate::error::AppError> {
    crate::services::directory::require_animator(user)?;
    let Some(checkpoint) = audit_checkpoints::last(&state.db).await? else { return Ok(None) };
    let signature_holds =
        super::key::installed().is_some_and(|key| signature_holds(key, &checkpoint));
    Ok(Some(Anchor {
        day: french_iso_date(&checkpoint.day),
        seq: checkpoint.seq,
        hash: checkpoint.hash,
        signature_holds,
    }))
}
