//! The `audit_log` table and its head. Only appends: nothing in the product updates or
//! deletes an entry.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct AuditRow {
    pub seq: i64,
    pub at: i64,
    pub actor_id: Option<String>,
    pub subject_type: String,
    pub subject_id: String,
    pub action: String,
    pub details: String,
    pub previous_hash: String,
    pub hash: String,
    /// 1: SHA-256 without a key (entries written before the key); 2: sealed with the audit
    /// key (HMAC-SHA256).
    pub hash_version: i64,
}

/// Takes the next number and the previous hash. On PostgreSQL the update locks the head's
/// row until the transaction ends, so appends are serialised; SQLite has one writer anyway.
pub async fn advance_head(tx: &mut Transaction<'_, Any>) -> Result<(i64, String), sqlx::Error> {
    sqlx::query_as("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
        .fetch_one(&mut **tx)
        .await
}

/// Stores an entry (hashed by the caller) and moves the head's hash to it.
pub async fn insert(tx: &mut Transaction<'_, Any>, row: &AuditRow) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (seq, at, actor_id, subject_type, subject_id, action, details, \
         previous_hash, hash, hash_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(row.seq)
    .bind(row.at)
    .bind(&row.actor_id)
    .bind(&row.subject_type)
    .bind(&row.subject_id)
    .bind(&row.action)
    .bind(&row.details)
    .bind(&row.previous_hash)
    .bind(&row.hash)
    .bind(row.hash_version)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&row.hash)
        .execute(&mut **tx)
        .await
        .map(|_| ())
}

const COLUMNS: &str = "seq, at, actor_id, subject_type, subject_id, action, details, \
     previous_hash, hash, hash_version";

/// Entries after `after`, in order, `limit` at a time.
pub async fn page(db: &Db, after: i64, limit: i64) -> Result<Vec<AuditRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"))
        .bind(after)
        .bind(limit)
        .fetch_all(db)
        .await
}

/// A subject's entries, in order.
pub async fn of_subject(
    db: &Db,
    subject_type: &str,
    subject_id: &str,
) -> Result<Vec<AuditRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM audit_log WHERE subject_type = $1 AND subject_id = $2 ORDER BY seq"
    ))
    .bind(subject_type)
    .bind(subject_id)
    .fetch_all(db)
    .await
}

/// The head: last number and hash.
pub async fn head(db: &Db) -> Result<(i64, String), sqlx::Error> {
    sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1").fetch_one(db).await
}

/// The hash of entry `seq`, if there is one.
pub async fn hash_of(db: &Db, seq: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT hash FROM audit_log WHERE seq = $1")
        .bind(seq)
        .fetch_optional(db)
        .await
}
