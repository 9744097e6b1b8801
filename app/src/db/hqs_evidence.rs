//! The `hqs_evidence` table: documents sent for a check, with their hash and review.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct EvidenceRow {
    pub id: String,
    pub check_id: String,
    pub kind: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub valid_until: Option<String>,
    pub review: String,
    pub review_reason: Option<String>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<i64>,
    pub uploaded_by: Option<String>,
    pub created_at: i64,
}

const COLUMNS: &str = "id, check_id, kind, file_name, content_type, size_bytes, sha256, \
                       valid_until, review, review_reason, reviewed_by, reviewed_at, \
                       uploaded_by, created_at";

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    row: &EvidenceRow,
    content: &[u8],
) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "INSERT INTO hqs_evidence ({COLUMNS}, content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, \
         $9, $10, $11, $12, $13, $14, $15)"
    ))
    .bind(&row.id)
    .bind(&row.check_id)
    .bind(&row.kind)
    .bind(&row.file_name)
    .bind(&row.content_type)
    .bind(row.size_bytes)
    .bind(&row.sha256)
    .bind(&row.valid_until)
    .bind(&row.review)
    .bind(&row.review_reason)
    .bind(&row.reviewed_by)
    .bind(row.reviewed_at)
    .bind(&row.uploaded_by)
    .bind(row.created_at)
    .bind(content)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn of_check<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    check_id: &str,
) -> Result<Vec<EvidenceRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM hqs_evidence WHERE check_id = $1 ORDER BY created_at, id"
    ))
    .bind(check_id)
    .fetch_all(db)
    .await
}

/// Records the officer's review of a piece still pending or reviewed; false when the piece is
/// not in that check.
pub async fn review(
    tx: &mut Transaction<'_, Any>,
    check_id: &str,
    id: &str,
    review: &str,
    reason: Option<&str>,
    by: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE hqs_evidence SET review = $3, review_reason = $4, reviewed_by = $5, \
         reviewed_at = $6 WHERE id = $1 AND check_id = $2",
    )
    .bind(id)
    .bind(check_id)
    .bind(review)
    .bind(reason)
    .bind(by)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A piece's file: (check, name, type, content).
pub async fn content(
    db: &Db,
    id: &str,
) -> Result<Option<(String, String, String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT check_id, file_name, content_type, content FROM hqs_evidence WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}
