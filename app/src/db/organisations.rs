//! The `organisations` table.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::organisations::OrganisationKind;

#[derive(Debug, Clone, FromRow)]
pub struct OrganisationRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub buyer_kind: Option<String>,
}

impl OrganisationRow {
    pub fn kind(&self) -> Option<OrganisationKind> {
        OrganisationKind::from_columns(&self.kind, self.buyer_kind.as_deref())
    }
}

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    name: &str,
    kind: OrganisationKind,
    buyer_detail: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let (kind, buyer_kind) = kind.columns();
    sqlx::query(
        "INSERT INTO organisations \
         (id, name, name_key, kind, buyer_kind, buyer_detail, created_at, updated_at) \
         VALUES ($1, $2, $7, $3, $4, $5, $6, $6)",
    )
    .bind(id)
    .bind(name)
    .bind(kind)
    .bind(buyer_kind)
    .bind(buyer_detail)
    .bind(now)
    .bind(name.to_lowercase())
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn find(db: &Db, id: &str) -> Result<Option<OrganisationRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, kind, buyer_kind FROM organisations WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await
}

/// Organisations whose name contains `text` (case-insensitive), by name.
pub async fn search(db: &Db, text: &str, limit: i64) -> Result<Vec<OrganisationRow>, sqlx::Error> {
    let pattern = format!("%{}%", text.to_lowercase().replace(['%', '_'], ""));
    sqlx::query_as(
        "SELECT id, name, kind, buyer_kind FROM organisations \
         WHERE name_key LIKE $1 AND kind <> 'pole' ORDER BY name LIMIT $2",
    )
    .bind(pattern)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// The pôle's organisation (the oldest, should there be several).
pub async fn pole_id(db: &Db) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM organisations WHERE kind = 'pole' ORDER BY created_at, id LIMIT 1",
    )
    .fetch_optional(db)
    .await
}

/// A buyer as its purchase lines name it: name, public or private, SIRET.
#[derive(Debug, Clone, FromRow)]
pub struct BuyerIdentity {
    pub name: String,
    pub buyer_kind: Option<String>,
    pub siret: Option<String>,
}

pub async fn buyer_identity(db: &Db, id: &str) -> Result<Option<BuyerIdentity>, sqlx::Error> {
    sqlx::query_as("SELECT name, buyer_kind, siret FROM organisations WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await
}
