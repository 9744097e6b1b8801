//! The `api_tokens` table: organisations' API tokens, kept as SHA-256 hashes.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

/// A token about to be stored.
pub struct NewTokenRow<'a> {
    pub id: &'a str,
    pub organisation_id: &'a str,
    pub name: &'a str,
    pub token_hash: &'a str,
    pub created_by: &'a str,
    pub now: i64,
}

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    row: &NewTokenRow<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO api_tokens (id, organisation_id, name, token_hash, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(row.id)
    .bind(row.organisation_id)
    .bind(row.name)
    .bind(row.token_hash)
    .bind(row.created_by)
    .bind(row.now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// The organisation's tokens not revoked.
pub async fn count_active(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM api_tokens WHERE organisation_id = $1 AND revoked_at IS NULL",
    )
    .bind(organisation_id)
    .fetch_one(&mut **tx)
    .await
}

#[derive(Debug, Clone, FromRow)]
pub struct ListedTokenRow {
    pub id: String,
    pub name: String,
    pub created_by_name: Option<String>,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// The organisation's active tokens, newest first.
pub async fn list_active(
    db: &Db,
    organisation_id: &str,
) -> Result<Vec<ListedTokenRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT t.id, t.name, u.display_name AS created_by_name, t.created_at, t.last_used_at \
         FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by AND u.deleted_at IS NULL \
         WHERE t.organisation_id = $1 AND t.revoked_at IS NULL ORDER BY t.created_at DESC, t.id",
    )
    .bind(organisation_id)
    .fetch_all(db)
    .await
}

/// An active token found by its hash.
#[derive(Debug, Clone, FromRow)]
pub struct ActiveTokenRow {
    pub id: String,
    pub organisation_id: String,
    pub created_by: Option<String>,
}

pub async fn find_active(db: &Db, token_hash: &str) -> Result<Option<ActiveTokenRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, organisation_id, created_by FROM api_tokens \
         WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await
}

/// Revokes an active token of the organisation; its name if it was active.
pub async fn revoke(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    id: &str,
    revoked_by: &str,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE api_tokens SET revoked_at = $4, revoked_by = $3 \
         WHERE id = $1 AND organisation_id = $2 AND revoked_at IS NULL RETURNING name",
    )
    .bind(id)
    .bind(organisation_id)
    .bind(revoked_by)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await
}

/// Records that the token was just used.
pub async fn touch(db: &Db, id: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(db)
        .await
        .map(|_| ())
}
