//! The `hqs_label_profiles` table: published versions of the label profile. Never updated.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct LabelProfileRow {
    pub version: i64,
    pub referential_version: i64,
    /// JSON of `domain::hqs::Requirements`.
    pub requirements: String,
    pub note: String,
    pub published_by: Option<String>,
    pub published_at: i64,
}

const COLUMNS: &str =
    "version, referential_version, requirements, note, published_by, published_at";

pub async fn latest(db: &Db) -> Result<Option<LabelProfileRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM hqs_label_profiles ORDER BY version DESC LIMIT 1"
    ))
    .fetch_optional(db)
    .await
}

pub async fn all(db: &Db) -> Result<Vec<LabelProfileRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM hqs_label_profiles ORDER BY version DESC"))
        .fetch_all(db)
        .await
}

/// Stores a version unless that number exists; returns whether it was stored (two
/// animators publishing at once: one wins).
pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    row: &LabelProfileRow,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(&format!(
        "INSERT INTO hqs_label_profiles ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (version) DO NOTHING"
    ))
    .bind(row.version)
    .bind(row.referential_version)
    .bind(&row.requirements)
    .bind(&row.note)
    .bind(&row.published_by)
    .bind(row.published_at)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
