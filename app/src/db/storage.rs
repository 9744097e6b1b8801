//! What an organisation keeps in files: its structure's uploads, the pieces its structure
//! sent to checks and label files, its needs' files and its structure's quote files.

use sqlx::{Any, Transaction};

/// Takes the organisation's storage row until `tx` ends: uploads for one organisation wait
/// for each other here (a row lock on PostgreSQL, the write lock on SQLite), so that what
/// [`used_by`] reads next is not outdated by an upload under way elsewhere.
pub async fn lock(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO storage_locks (organisation_id, locked_at) VALUES ($1, $2) \
         ON CONFLICT (organisation_id) DO UPDATE SET locked_at = excluded.locked_at",
    )
    .bind(organisation_id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// The bytes the organisation's files take, as recorded with each file.
pub async fn used_by(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST( \
           COALESCE((SELECT SUM(u.size_bytes) FROM uploads u \
             JOIN structures s ON s.id = u.structure_id WHERE s.organisation_id = $1), 0) \
         + COALESCE((SELECT SUM(e.size_bytes) FROM hqs_evidence e \
             JOIN hqs_checks c ON c.id = e.check_id \
             JOIN structures s ON s.id = c.structure_id WHERE s.organisation_id = $1), 0) \
         + COALESCE((SELECT SUM(f.size_bytes) FROM need_files f \
             JOIN needs n ON n.id = f.need_id \
             WHERE f.structure_id IS NULL AND n.organisation_id = $1), 0) \
         + COALESCE((SELECT SUM(f.size_bytes) FROM need_files f \
             JOIN structures s ON s.id = f.structure_id WHERE s.organisation_id = $1), 0) \
         AS BIGINT)",
    )
    .bind(organisation_id)
    .fetch_one(&mut **tx)
    .await
}
