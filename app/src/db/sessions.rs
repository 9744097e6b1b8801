//! The `sessions` table: one row per signed-in browser, keyed by the token's hash.

use sqlx::FromRow;

use super::Db;

/// A session as stored.
#[derive(Debug, Clone, FromRow)]
pub struct SessionRow {
    pub user_id: String,
    pub expires_at: i64,
    /// The last request seen, written at most every few minutes.
    pub last_seen_at: i64,
}

pub async fn insert(
    db: &Db,
    token_hash: &str,
    user_id: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) \
         VALUES ($1, $2, $3, $4, $3)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await
    .map(|_| ())
}

/// The session of a token's hash, live or not.
pub async fn find(db: &Db, token_hash: &str) -> Result<Option<SessionRow>, sqlx::Error> {
    sqlx::query_as("SELECT user_id, expires_at, last_seen_at FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_optional(db)
        .await
}

/// Records a request at `now`, unless one was recorded after `written_after` (another
/// server, or a request a moment ago, did it).
pub async fn seen(
    db: &Db,
    token_hash: &str,
    now: i64,
    written_after: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at <= $3",
    )
    .bind(token_hash)
    .bind(now)
    .bind(written_after)
    .execute(db)
    .await
    .map(|_| ())
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db)
        .await
        .map(|_| ())
}

pub async fn delete_all_of<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    user_id: &str,
) -> Result<u64, sqlx::Error> {
    let result =
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(db).await?;
    Ok(result.rows_affected())
}

/// Closes every session of the person but `keep` (the one making the request).
pub async fn delete_others_of<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    user_id: &str,
    keep: &str,
) -> Result<u64, sqlx::Error> {
    let result = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user_id)
        .bind(keep)
        .execute(db)
        .await?;
    Ok(result.rows_affected())
}
