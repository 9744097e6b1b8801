//! The `purchase_import_chunks` table: a pending purchases file's bytes, about 1 MiB a row,
//! written as the upload arrives and read back in order.

use sqlx::{Any, Transaction};

use super::Db;

/// Stores the piece `seq` of the import's file, on its own: an upload writes its pieces as
/// they arrive, outside any transaction, so that a long upload holds no lock.
pub async fn insert(
    db: &Db,
    import_id: &str,
    seq: i64,
    bytes: Vec<u8>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO purchase_import_chunks (import_id, seq, bytes, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(import_id)
    .bind(seq)
    .bind(bytes)
    .bind(now)
    .execute(db)
    .await
    .map(|_| ())
}

/// The piece `seq` of the import's file; `None` past the last one.
pub async fn read(db: &Db, import_id: &str, seq: i64) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar("SELECT bytes FROM purchase_import_chunks WHERE import_id = $1 AND seq = $2")
        .bind(import_id)
        .bind(seq)
        .fetch_optional(db)
        .await
}

/// Drops the file of an import once its lines are stored.
pub async fn delete_of(tx: &mut Transaction<'_, Any>, import_id: &str) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM purchase_import_chunks WHERE import_id = $1")
        .bind(import_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected())
}
