//! The `audit_checkpoints` table: each day's signed checkpoint of the audit chain's head,
//! as the animators see the last one (the anchor itself is the file in the data directory).

use super::Db;
use crate::domain::audit::Checkpoint;

/// Records a day's checkpoint; `false` when that day already has one (another server's).
pub async fn insert(db: &Db, checkpoint: &Checkpoint) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO audit_checkpoints (day, seq, hash, at, signature) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (day) DO NOTHING",
    )
    .bind(&checkpoint.day)
    .bind(checkpoint.seq)
    .bind(&checkpoint.hash)
    .bind(checkpoint.at)
    .bind(&checkpoint.signature)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The latest day's checkpoint.
pub async fn last(db: &Db) -> Result<Option<Checkpoint>, sqlx::Error> {
    let row: Option<(String, i64, String, i64, String)> = sqlx::query_as(
        "SELECT day, seq, hash, at, signature FROM audit_checkpoints ORDER BY day DESC LIMIT 1",
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(day, seq, hash, at, signature)| Checkpoint { day, seq, hash, at, signature }))
}
