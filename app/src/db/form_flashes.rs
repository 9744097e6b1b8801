//! The `form_flashes` table: what a plain form post left for the page it goes back to.

use super::Db;

/// Keeps a flash; older ones than `expired_before` go at the same time (nobody reads them).
pub async fn insert(
    db: &Db,
    token_hash: &str,
    payload: &str,
    now: i64,
    expired_before: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM form_flashes WHERE created_at < $1")
        .bind(expired_before)
        .execute(db)
        .await?;
    sqlx::query("INSERT INTO form_flashes (token_hash, payload, created_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(payload)
        .bind(now)
        .execute(db)
        .await
        .map(|_| ())
}

/// Takes a flash (it is read once): its payload if it exists and is not older than
/// `expired_before`.
pub async fn take(
    db: &Db,
    token_hash: &str,
    expired_before: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "DELETE FROM form_flashes WHERE token_hash = $1 AND created_at >= $2 RETURNING payload",
    )
    .bind(token_hash)
    .bind(expired_before)
    .fetch_optional(db)
    .await
}
