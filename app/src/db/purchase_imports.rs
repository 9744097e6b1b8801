//! The `purchase_imports` table: each upload of a buyer's purchases file (and, later, each
//! DECP file), pending until confirmed, then imported, then replaced by a later copy. A
//! buyer's file is first « receiving » while its pieces arrive: such a row is seen only by
//! its upload.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

/// An import (its file's bytes are in `purchase_import_chunks`).
#[derive(Debug, Clone, FromRow)]
pub struct ImportRow {
    pub id: String,
    pub source: String,
    pub organisation_id: Option<String>,
    pub organisation_name: Option<String>,
    pub state: String,
    pub format: String,
    pub file_name: String,
    pub file_key: String,
    pub content_hash: String,
    pub size_bytes: i64,
    /// `utf-8` or `windows-1252` for a CSV.
    pub text_encoding: Option<String>,
    pub headers: String,
    pub header_signature: String,
    pub mapping: Option<String>,
    pub line_count: i64,
    pub total_cents: i64,
    pub matched_count: i64,
    pub uploaded_by: Option<String>,
    pub created_at: i64,
    pub imported_at: Option<i64>,
}

const COLUMNS: &str = "i.id, i.source, i.organisation_id, o.name AS organisation_name, i.state, \
    i.format, i.file_name, i.file_key, i.content_hash, i.size_bytes, i.text_encoding, i.headers, \
    i.header_signature, i.mapping, i.line_count, i.total_cents, i.matched_count, i.uploaded_by, \
    i.created_at, i.imported_at";
const FROM: &str = "FROM purchase_imports i LEFT JOIN organisations o ON o.id = i.organisation_id";

/// A buyer's file about to arrive.
pub struct NewImport<'a> {
    pub id: &'a str,
    pub organisation_id: &'a str,
    pub format: &'a str,
    pub file_name: &'a str,
    pub file_key: &'a str,
    pub uploaded_by: &'a str,
    pub now: i64,
}

/// The row that owns a file's pieces while they arrive, on its own (no transaction: the
/// upload may take minutes).
pub async fn insert_receiving(db: &Db, i: &NewImport<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO purchase_imports (id, source, organisation_id, state, format, file_name, \
         file_key, content_hash, size_bytes, uploaded_by, created_at, receiving) \
         VALUES ($1, 'file', $2, 'pending', $3, $4, $5, '', 0, $6, $7, 1)",
    )
    .bind(i.id)
    .bind(i.organisation_id)
    .bind(i.format)
    .bind(i.file_name)
    .bind(i.file_key)
    .bind(i.uploaded_by)
    .bind(i.now)
    .execute(db)
    .await
    .map(|_| ())
}

/// What a whole file turned out to be.
pub struct Received<'a> {
    pub id: &'a str,
    pub content_hash: &'a str,
    pub size_bytes: i64,
    pub text_encoding: Option<&'a str>,
    pub headers: &'a str,
    pub header_signature: &'a str,
    pub mapping: &'a str,
}

/// Makes a received file a pending import; false when its row is gone (left too long).
pub async fn finish_receiving(
    tx: &mut Transaction<'_, Any>,
    r: &Received<'_>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE purchase_imports SET receiving = 0, content_hash = $2, size_bytes = $3, \
         text_encoding = $4, headers = $5, header_signature = $6, mapping = $7 \
         WHERE id = $1 AND receiving = 1",
    )
    .bind(r.id)
    .bind(r.content_hash)
    .bind(r.size_bytes)
    .bind(r.text_encoding)
    .bind(r.headers)
    .bind(r.header_signature)
    .bind(r.mapping)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Drops a file that could not be received, with its pieces.
pub async fn delete_receiving(db: &Db, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM purchase_imports WHERE id = $1 AND receiving = 1")
        .bind(id)
        .execute(db)
        .await
        .map(|_| ())
}

/// Drops the files still arriving since before `before` (an upload the server stopped
/// during), with their pieces.
pub async fn delete_left_receiving(db: &Db, before: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM purchase_imports WHERE receiving = 1 AND created_at < $1")
        .bind(before)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

pub async fn find(db: &Db, id: &str) -> Result<Option<ImportRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} {FROM} WHERE i.id = $1 AND i.receiving = 0"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// The imports of these organisations (all when `None`), newest first.
pub async fn listed(
    db: &Db,
    organisations: Option<&[String]>,
    limit: i64,
) -> Result<Vec<ImportRow>, sqlx::Error> {
    match organisations {
        None => {
            sqlx::query_as(&format!(
                "SELECT {COLUMNS} {FROM} WHERE i.receiving = 0 \
                 ORDER BY i.created_at DESC, i.id LIMIT $1"
            ))
            .bind(limit)
            .fetch_all(db)
            .await
        }
        Some([]) => Ok(Vec::new()),
        Some(ids) => {
            let marks: Vec<String> = (2..ids.len() + 2).map(|n| format!("${n}")).collect();
            let sql = format!(
                "SELECT {COLUMNS} {FROM} WHERE i.organisation_id IN ({}) AND i.receiving = 0 \
                 ORDER BY i.created_at DESC, i.id LIMIT $1",
                marks.join(", ")
            );
            let mut query = sqlx::query_as(&sql).bind(limit);
            for id in ids {
                query = query.bind(id);
            }
            query.fetch_all(db).await
        }
    }
}

pub async fn set_mapping(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    mapping: &str,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE purchase_imports SET mapping = $2 WHERE id = $1 AND state = 'pending'")
            .bind(id)
            .bind(mapping)
            .execute(&mut **tx)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// The organisation's imported files that are « the same file » as this one: the same
/// folded name, or the same content.
pub async fn same_file(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    organisation_id: &str,
    file_key: &str,
    content_hash: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM purchase_imports WHERE organisation_id = $1 AND state = 'imported' \
         AND source = 'file' AND (file_key = $2 OR content_hash = $3) AND id <> $4 \
         ORDER BY created_at, id",
    )
    .bind(organisation_id)
    .bind(file_key)
    .bind(content_hash)
    .bind(id)
    .fetch_all(&mut **tx)
    .await
}

pub async fn mark_replaced(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    replaced_by: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE purchase_imports SET state = 'replaced', replaced_by = $2, line_count = 0, \
         total_cents = 0, matched_count = 0 WHERE id = $1",
    )
    .bind(id)
    .bind(replaced_by)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Who confirmed an import, with which mapping, when.
pub struct Imported<'a> {
    pub id: &'a str,
    pub mapping: &'a str,
    pub imported_by: &'a str,
    pub now: i64,
}

/// Marks a pending import imported; false when it was no longer
/// pending (confirmed twice at once). Done first in the confirmation's transaction, so that
/// a second confirmation waits for it and then finds it imported.
pub async fn mark_imported(
    tx: &mut Transaction<'_, Any>,
    i: &Imported<'_>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE purchase_imports SET state = 'imported', mapping = $2, \
         imported_by = $3, imported_at = $4 WHERE id = $1 AND state = 'pending'",
    )
    .bind(i.id)
    .bind(i.mapping)
    .bind(i.imported_by)
    .bind(i.now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What an import brought.
pub async fn set_counts(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    line_count: i64,
    total_cents: i64,
    matched_count: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE purchase_imports SET line_count = $2, total_cents = $3, matched_count = $4 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(line_count)
    .bind(total_cents)
    .bind(matched_count)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn delete_pending(tx: &mut Transaction<'_, Any>, id: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM purchase_imports WHERE id = $1 AND state = 'pending' AND receiving = 0",
    )
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Drops the person's earlier pending uploads for the organisation: one draft at a time
/// (a file still arriving is left to its upload).
pub async fn delete_pending_of(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    uploaded_by: &str,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM purchase_imports WHERE organisation_id = $1 AND uploaded_by = $2 \
         AND state = 'pending' AND receiving = 0",
    )
    .bind(organisation_id)
    .bind(uploaded_by)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}

/// Updates the matched count of imports after a manual link.
pub async fn recount_matched(tx: &mut Transaction<'_, Any>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE purchase_imports SET matched_count = (SELECT COUNT(*) FROM purchases p \
         WHERE p.import_id = purchase_imports.id AND p.structure_id IS NOT NULL) \
         WHERE state = 'imported'",
    )
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM purchase_imports").fetch_one(db).await
}
