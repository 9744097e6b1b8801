//! The storage quota: the files an organisation keeps (its structure's logo, photos and
//! evidence, the pieces its structure sends to checks and label files, its needs' and
//! quotes' files) take at most [`QUOTA_BYTES`] together. It is added up in the database, in
//! the transaction that stores a file, so that it holds across servers and for uploads made
//! at the same moment.

use sqlx::{Any, Transaction};

use crate::{db::storage, domain::files::MB, error::AppError};

/// What one organisation's files may take: forty pieces of evidence at their largest, or
/// twenty need files, leaves room for years of checks while no self-made organisation can
/// fill the database.
pub const QUOTA_BYTES: i64 = 200 * MB as i64;

/// Why `bytes` more do not fit in the organisation's quota, in French (shown next to the
/// file field); `None` when they fit. Call it in the transaction that stores the file, just
/// before storing it: the organisation's other uploads wait until that transaction ends.
pub async fn refusal(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    bytes: usize,
    now: i64,
) -> Result<Option<String>, AppError> {
    storage::lock(tx, organisation_id, now).await?;
    let used = storage::used_by(tx, organisation_id).await?;
    let bytes = i64::try_from(bytes).unwrap_or(i64::MAX);
    if used.saturating_add(bytes) <= QUOTA_BYTES {
        return Ok(None);
    }
    tracing::warn!(organisation_id, used, bytes, "upload over the storage quota");
    let mb = MB as i64;
    Ok(Some(format!(
        "Ce fichier ne tient plus dans la place de votre organisation : {} Mo pour tous ses \
         fichiers, dont {} Mo déjà pris. Retirez-en d'abord, ou demandez conseil au pôle.",
        QUOTA_BYTES / mb,
        (used + mb - 1) / mb,
    )))
}
