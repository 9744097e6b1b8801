//! The `need_files` table: PDF files of the needs (`structure_id` NULL) and of their quotes
//! (`structure_id` set). A file's owner is named by `structure`: `None` for the buyer's
//! files, `Some(id)` for that structure's quote; it is compared as `COALESCE(structure_id,
//! '')` so that one query serves both.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

/// A file without its content.
#[derive(Debug, Clone, FromRow)]
pub struct NeedFileRow {
    pub id: String,
    pub need_id: String,
    pub structure_id: Option<String>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: i64,
}

const COLUMNS: &str = "id, need_id, structure_id, file_name, content_type, size_bytes, created_at";

pub struct NewNeedFile<'a> {
    pub id: &'a str,
    pub need_id: &'a str,
    pub structure_id: Option<&'a str>,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub content: &'a [u8],
    pub uploaded_by: &'a str,
    pub now: i64,
}

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    file: NewNeedFile<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO need_files (id, need_id, structure_id, file_name, content_type, size_bytes, \
         content, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(file.id)
    .bind(file.need_id)
    .bind(file.structure_id)
    .bind(file.file_name)
    .bind(file.content_type)
    .bind(i64::try_from(file.content.len()).unwrap_or(i64::MAX))
    .bind(file.content.to_vec())
    .bind(file.uploaded_by)
    .bind(file.now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// How many files the owner has on the need, as `tx` sees them.
pub async fn count(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    structure: Option<&str>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM need_files WHERE need_id = $1 AND COALESCE(structure_id, '') = $2",
    )
    .bind(need_id)
    .bind(structure.unwrap_or_default())
    .fetch_one(&mut **tx)
    .await
}

/// The owner's files on the need, oldest first.
pub async fn of_owner(
    db: &Db,
    need_id: &str,
    structure: Option<&str>,
) -> Result<Vec<NeedFileRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM need_files WHERE need_id = $1 AND COALESCE(structure_id, '') = $2 \
         ORDER BY created_at, id"
    ))
    .bind(need_id)
    .bind(structure.unwrap_or_default())
    .fetch_all(db)
    .await
}

/// The files of every quote of the need, oldest first (one query for the comparison).
pub async fn of_quotes(db: &Db, need_id: &str) -> Result<Vec<NeedFileRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM need_files WHERE need_id = $1 AND structure_id IS NOT NULL \
         ORDER BY created_at, id"
    ))
    .bind(need_id)
    .fetch_all(db)
    .await
}

/// One file of the owner on the need, with its content.
pub async fn find_with_content(
    db: &Db,
    need_id: &str,
    structure: Option<&str>,
    id: &str,
) -> Result<Option<(NeedFileRow, Vec<u8>)>, sqlx::Error> {
    #[derive(FromRow)]
    struct WithContent {
        #[sqlx(flatten)]
        row: NeedFileRow,
        content: Vec<u8>,
    }
    let found: Option<WithContent> = sqlx::query_as(&format!(
        "SELECT {COLUMNS}, content FROM need_files \
         WHERE id = $1 AND need_id = $2 AND COALESCE(structure_id, '') = $3"
    ))
    .bind(id)
    .bind(need_id)
    .bind(structure.unwrap_or_default())
    .fetch_optional(db)
    .await?;
    Ok(found.map(|f| (f.row, f.content)))
}

/// Removes one file of the owner on the need; returns it, or `None` when there was none.
pub async fn delete(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    structure: Option<&str>,
    id: &str,
) -> Result<Option<NeedFileRow>, sqlx::Error> {
    let found: Option<NeedFileRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM need_files \
         WHERE id = $1 AND need_id = $2 AND COALESCE(structure_id, '') = $3"
    ))
    .bind(id)
    .bind(need_id)
    .bind(structure.unwrap_or_default())
    .fetch_optional(&mut **tx)
    .await?;
    if found.is_some() {
        sqlx::query("DELETE FROM need_files WHERE id = $1").bind(id).execute(&mut **tx).await?;
    }
    Ok(found)
}
