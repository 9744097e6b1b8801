//! The `need_links` table: single-use links mailed to matched structures (hashes only).

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct LinkRow {
    pub need_id: String,
    pub structure_id: String,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    token_hash: &str,
    need_id: &str,
    structure_id: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO need_links (token_hash, need_id, structure_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(need_id)
    .bind(structure_id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn find(db: &Db, token_hash: &str) -> Result<Option<LinkRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT need_id, structure_id, expires_at, used_at FROM need_links WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await
}

/// Marks the link used if it was not; false when it already served.
pub async fn use_once(
    tx: &mut Transaction<'_, Any>,
    token_hash: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE need_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL")
            .bind(token_hash)
            .bind(now)
            .execute(&mut **tx)
            .await?;
    Ok(done.rows_affected() > 0)
}
