//! The `documents` table: files of the structures.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::directory::upload::Purpose;

/// A document without its content.
#[derive(Debug, Clone, FromRow)]
pub struct UploadRow {
    pub id: String,
    pub structure_id: String,
    pub offer_id: Option<String>,
    pub certification_id: Option<String>,
    #[sqlx(try_from = "String")]
    pub purpose: Purpose,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

const COLUMNS: &str =
    "id, structure_id, offer_id, certification_id, purpose, file_name, content_type, size_bytes";

pub struct NewUpload<'a> {
    pub id: &'a str,
    pub structure_id: &'a str,
    pub offer_id: Option<&'a str>,
    pub certification_id: Option<&'a str>,
    pub purpose: &'a str,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub content: &'a [u8],
    pub uploaded_by: &'a str,
    pub now: i64,
}

pub async fn insert(tx: &mut Transaction<'_, Any>, doc: NewUpload<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO uploads (id, structure_id, offer_id, certification_id, purpose, file_name, \
         content_type, size_bytes, content, uploaded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(doc.id)
    .bind(doc.structure_id)
    .bind(doc.offer_id)
    .bind(doc.certification_id)
    .bind(doc.purpose)
    .bind(doc.file_name)
    .bind(doc.content_type)
    .bind(i64::try_from(doc.content.len()).unwrap_or(i64::MAX))
    .bind(doc.content.to_vec())
    .bind(doc.uploaded_by)
    .bind(doc.now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn find(db: &Db, id: &str) -> Result<Option<UploadRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM uploads WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn content(db: &Db, id: &str) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar("SELECT content FROM uploads WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await
}

/// The structure's documents (all purposes), oldest first.
pub async fn of_structure(db: &Db, structure_id: &str) -> Result<Vec<UploadRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM uploads WHERE structure_id = $1 ORDER BY created_at, id"
    ))
    .bind(structure_id)
    .fetch_all(db)
    .await
}

pub async fn count_photos(
    tx: &mut Transaction<'_, Any>,
    offer_id: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM uploads WHERE offer_id = $1 AND purpose = 'photo'")
        .bind(offer_id)
        .fetch_one(&mut **tx)
        .await
}

/// Removes the structure's documents of one purpose (a new logo replaces the old one).
pub async fn delete_purpose(
    tx: &mut Transaction<'_, Any>,
    structure_id: &str,
    purpose: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM uploads WHERE structure_id = $1 AND purpose = $2")
        .bind(structure_id)
        .bind(purpose)
        .execute(&mut **tx)
        .await
        .map(|_| ())
}

/// Removes one document of the structure; false when it had no such document.
pub async fn delete(
    tx: &mut Transaction<'_, Any>,
    structure_id: &str,
    id: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM uploads WHERE id = $1 AND structure_id = $2")
        .bind(id)
        .bind(structure_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}
