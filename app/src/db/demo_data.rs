//! The `demo_data` table: whether `server seed-demo` filled this database.

use sqlx::{Any, Transaction};

use super::Db;

/// The key of the row seed-demo writes.
const SEEDED: &str = "seeded";

pub async fn mark(tx: &mut Transaction<'_, Any>, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO demo_data (key, created_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
    )
    .bind(SEEDED)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn is_demo(db: &Db) -> Result<bool, sqlx::Error> {
    let found: Option<String> = sqlx::query_scalar("SELECT key FROM demo_data WHERE key = $1")
        .bind(SEEDED)
        .fetch_optional(db)
        .await?;
    Ok(found.is_some())
}
