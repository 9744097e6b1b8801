//! The `request_counts` table: one row per counted request, read by the limits of
//! `services::limits`.

use super::Db;

/// Records one request of `action` for `subject` and returns how many were recorded since
/// `since`, this one included. Recording first means parallel requests cannot all slip under
/// a limit.
pub async fn record_and_count(
    db: &Db,
    action: &str,
    subject: &str,
    now: i64,
    since: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query("INSERT INTO request_counts (id, action, subject, at) VALUES ($1, $2, $3, $4)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(action)
        .bind(subject)
        .bind(now)
        .execute(db)
        .await?;
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM request_counts WHERE action = $1 AND subject = $2 AND at > $3",
    )
    .bind(action)
    .bind(subject)
    .bind(since)
    .fetch_one(db)
    .await
}

/// Forgets the requests older than `before` (none of the limits looks that far back).
pub async fn forget_before(db: &Db, before: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM request_counts WHERE at < $1")
        .bind(before)
        .execute(db)
        .await
        .map(|_| ())
}
