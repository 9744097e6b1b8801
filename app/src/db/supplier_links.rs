//! The `supplier_links` table: suppliers of the ledger an animator linked by hand to a
//! structure (by SIRET, SIREN or folded name).

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct LinkRow {
    pub key_kind: String,
    pub key: String,
    pub structure_id: String,
}

pub async fn all(db: &Db) -> Result<Vec<LinkRow>, sqlx::Error> {
    sqlx::query_as("SELECT key_kind, key, structure_id FROM supplier_links").fetch_all(db).await
}

pub struct NewLink<'a> {
    pub key_kind: &'a str,
    pub key: &'a str,
    pub structure_id: &'a str,
    pub supplier_name: &'a str,
    pub linked_by: &'a str,
    pub now: i64,
}

/// Links the supplier, or moves its link to another structure.
pub async fn upsert(tx: &mut Transaction<'_, Any>, l: &NewLink<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO supplier_links (key_kind, key, structure_id, supplier_name, linked_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (key_kind, key) DO UPDATE SET structure_id = $3, supplier_name = $4, \
         linked_by = $5, created_at = $6",
    )
    .bind(l.key_kind)
    .bind(l.key)
    .bind(l.structure_id)
    .bind(l.supplier_name)
    .bind(l.linked_by)
    .bind(l.now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}
