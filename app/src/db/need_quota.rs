//! How many needs an organisation created lately: the API's daily cap counts them.

use super::Db;

/// The organisation's needs created at or after `since` (Unix ms), however they were made.
pub async fn created_since(db: &Db, organisation_id: &str, since: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM needs WHERE organisation_id = $1 AND created_at >= $2")
        .bind(organisation_id)
        .bind(since)
        .fetch_one(db)
        .await
}
