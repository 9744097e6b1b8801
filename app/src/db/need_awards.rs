//! The `need_awards` table: which structure the buyer retained for each lot, and why.

use sqlx::{Any, FromRow, Transaction};

#[derive(Debug, Clone, FromRow)]
pub struct AwardRow {
    pub need_id: String,
    pub lot_number: i64,
    pub structure_id: String,
    pub reason: String,
    pub decided_at: i64,
}

/// Records the award of a lot; false when the lot was already awarded.
pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    lot: i64,
    structure_id: &str,
    reason: &str,
    user_id: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO need_awards (need_id, lot_number, structure_id, reason, decided_by, decided_at) \
         SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS \
         (SELECT 1 FROM need_awards WHERE need_id = $1 AND lot_number = $2)",
    )
    .bind(need_id)
    .bind(lot)
    .bind(structure_id)
    .bind(reason)
    .bind(user_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn of_need<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    need_id: &str,
) -> Result<Vec<AwardRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT need_id, lot_number, structure_id, reason, decided_at FROM need_awards \
         WHERE need_id = $1 ORDER BY lot_number",
    )
    .bind(need_id)
    .fetch_all(db)
    .await
}
