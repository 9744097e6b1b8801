//! The `structure_events` table: the history of a structure's states.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct EventRow {
    pub step: String,
    pub from_status: String,
    pub to_status: String,
    pub actor_name: Option<String>,
    pub reason: Option<String>,
    pub at: i64,
}

pub struct NewEvent<'a> {
    pub structure_id: &'a str,
    pub step: &'a str,
    pub from_status: &'a str,
    pub to_status: &'a str,
    pub actor_id: Option<&'a str>,
    pub actor_name: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub at: i64,
}

pub async fn insert(tx: &mut Transaction<'_, Any>, event: NewEvent<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO structure_events \
         (id, structure_id, step, from_status, to_status, actor_id, actor_name, reason, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(event.structure_id)
    .bind(event.step)
    .bind(event.from_status)
    .bind(event.to_status)
    .bind(event.actor_id)
    .bind(event.actor_name)
    .bind(event.reason)
    .bind(event.at)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// The structure's history, newest first.
pub async fn of_structure(db: &Db, structure_id: &str) -> Result<Vec<EventRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT step, from_status, to_status, actor_name, reason, at FROM structure_events \
         WHERE structure_id = $1 ORDER BY at DESC, id",
    )
    .bind(structure_id)
    .fetch_all(db)
    .await
}
