//! The `structure_activities` table: what each structure does, and where.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::Code;
use crate::domain::directory::Activity;

#[derive(Debug, Clone, FromRow)]
pub struct ActivityRow {
    pub id: String,
    pub structure_id: String,
    pub sector: String,
    pub service_kind: String,
    pub reach: String,
    pub reach_km: Option<i64>,
    pub reach_communes: String,
}

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    structure_id: &str,
    activity: &Activity,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO structure_activities \
         (id, structure_id, sector, service_kind, reach, reach_km, reach_communes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(structure_id)
    .bind(&activity.sector)
    .bind(activity.service_kind.code())
    .bind(activity.reach.code())
    .bind(activity.reach.km().map(i64::from))
    .bind(activity.reach.communes_text())
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Removes one activity of the structure; false when it had no such activity.
pub async fn delete(
    tx: &mut Transaction<'_, Any>,
    structure_id: &str,
    id: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM structure_activities WHERE id = $1 AND structure_id = $2")
        .bind(id)
        .bind(structure_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn of_structure<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    structure_id: &str,
) -> Result<Vec<ActivityRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, structure_id, sector, service_kind, reach, reach_km, reach_communes \
         FROM structure_activities WHERE structure_id = $1 ORDER BY created_at, sector, id",
    )
    .bind(structure_id)
    .fetch_all(db)
    .await
}

/// The activities of these structures (at most a few hundred ids), each structure's in the
/// order [`of_structure`] gives.
pub async fn of_structures(db: &Db, ids: &[&str]) -> Result<Vec<ActivityRow>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT id, structure_id, sector, service_kind, reach, reach_km, reach_communes \
         FROM structure_activities WHERE structure_id IN ({}) \
         ORDER BY structure_id, created_at, sector, id",
        marks.join(", ")
    );
    let mut query = sqlx::query_as(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    query.fetch_all(db).await
}

pub async fn count(db: &Db, structure_id: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM structure_activities WHERE structure_id = $1")
        .bind(structure_id)
        .fetch_one(db)
        .await
}
