//! The `need_pools` table: which needs are group purchases, and until when others join.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::{calendar::Day, needs::group::Pool};

#[derive(Debug, Clone, FromRow)]
pub struct PoolRow {
    pub need_id: String,
    pub join_until: String,
    pub open_to_all: i64,
}

impl PoolRow {
    /// The last day to join (a stored day always parses; a damaged one closes the pool).
    pub fn join_until(&self) -> Option<Day> {
        Day::parse(&self.join_until)
    }
}

/// Makes the need a group purchase, or changes its joining day and openness.
pub async fn upsert(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    pool: Pool,
    user_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO need_pools (need_id, join_until, open_to_all, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5) \
         ON CONFLICT (need_id) DO UPDATE SET join_until = excluded.join_until, \
         open_to_all = excluded.open_to_all, updated_at = excluded.updated_at",
    )
    .bind(need_id)
    .bind(pool.join_until.iso())
    .bind(i64::from(pool.open_to_all))
    .bind(user_id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn find<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    need_id: &str,
) -> Result<Option<PoolRow>, sqlx::Error> {
    sqlx::query_as("SELECT need_id, join_until, open_to_all FROM need_pools WHERE need_id = $1")
        .bind(need_id)
        .fetch_optional(db)
        .await
}

/// The pools of these needs (in no particular order).
pub async fn of_needs(db: &Db, need_ids: &[String]) -> Result<Vec<PoolRow>, sqlx::Error> {
    if need_ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=need_ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT need_id, join_until, open_to_all FROM need_pools WHERE need_id IN ({})",
        marks.join(", ")
    );
    let mut query = sqlx::query_as(&sql);
    for id in need_ids {
        query = query.bind(id);
    }
    query.fetch_all(db).await
}

/// Pools any verified buyer may still join: open to all, joining day not passed, need not yet
/// published. Their need ids, soonest closing first.
pub async fn joinable(db: &Db, today: &str, limit: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.need_id FROM need_pools p JOIN needs n ON n.id = p.need_id \
         WHERE p.open_to_all = 1 AND p.join_until >= $1 \
         AND n.state IN ('draft', 'submitted', 'returned') \
         ORDER BY p.join_until, p.need_id LIMIT $2",
    )
    .bind(today)
    .bind(limit)
    .fetch_all(db)
    .await
}
