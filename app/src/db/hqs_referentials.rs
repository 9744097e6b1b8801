//! The `hqs_referentials` table: published versions of the référentiel. Never updated.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct ReferentialRow {
    pub version: i64,
    /// JSON of `domain::hqs::Referential`.
    pub content: String,
    pub note: String,
    pub published_by: Option<String>,
    pub published_at: i64,
}

const COLUMNS: &str = "version, content, note, published_by, published_at";

pub async fn latest(db: &Db) -> Result<Option<ReferentialRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM hqs_referentials ORDER BY version DESC LIMIT 1"))
        .fetch_optional(db)
        .await
}

pub async fn find(db: &Db, version: i64) -> Result<Option<ReferentialRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM hqs_referentials WHERE version = $1"))
        .bind(version)
        .fetch_optional(db)
        .await
}

pub async fn all(db: &Db) -> Result<Vec<ReferentialRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM hqs_referentials ORDER BY version DESC"))
        .fetch_all(db)
        .await
}

/// Stores a version unless that number exists; returns whether it was stored (two servers
/// seeding the first version, or two animators publishing at once: one wins).
pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    row: &ReferentialRow,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO hqs_referentials (version, content, note, published_by, published_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (version) DO NOTHING",
    )
    .bind(row.version)
    .bind(&row.content)
    .bind(&row.note)
    .bind(&row.published_by)
    .bind(row.published_at)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
