//! The `email_outbox` table: messages are written in the transaction of the change that
//! causes them, and leave only once delivered.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct OutgoingEmail {
    pub id: String,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub attempts: i64,
}

pub async fn enqueue(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    to: &str,
    subject: &str,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO email_outbox (id, to_address, subject, body_text, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(id)
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Messages due for a (new) attempt, oldest first.
pub async fn due(db: &Db, now: i64, limit: i64) -> Result<Vec<OutgoingEmail>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, to_address, subject, body_text, attempts FROM email_outbox \
         WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY created_at, id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Claims a message for this worker by pushing its next attempt forward; false when another
/// server claimed it first.
pub async fn claim(db: &Db, id: &str, now: i64, lease_until: i64) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE email_outbox SET next_attempt_at = $3 \
         WHERE id = $1 AND sent_at IS NULL AND next_attempt_at <= $2",
    )
    .bind(id)
    .bind(now)
    .bind(lease_until)
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Marks a message delivered; with `body`, its text becomes that (the same without its
/// links' secrets) and the message counts as redacted.
pub async fn mark_sent(db: &Db, id: &str, now: i64, body: Option<&str>) -> Result<(), sqlx::Error> {
    match body {
        None => {
            sqlx::query("UPDATE email_outbox SET sent_at = $2, last_error = NULL WHERE id = $1")
                .bind(id)
                .bind(now)
                .execute(db)
                .await
        }
        Some(body) => {
            sqlx::query(
                "UPDATE email_outbox SET sent_at = $2, last_error = NULL, body_text = $3, \
                 redacted_at = $2 WHERE id = $1",
            )
            .bind(id)
            .bind(now)
            .bind(body)
            .execute(db)
            .await
        }
    }
    .map(|_| ())
}

/// Messages sent before `before` whose text was not redacted yet: (id, body), oldest first.
pub async fn unredacted_sent_before(
    db: &Db,
    before: i64,
    limit: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, body_text FROM email_outbox \
         WHERE redacted_at IS NULL AND sent_at IS NOT NULL AND sent_at < $1 \
         ORDER BY sent_at, id LIMIT $2",
    )
    .bind(before)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Replaces a sent message's text with `body` (the same without its links' secrets).
pub async fn redact(db: &Db, id: &str, body: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE email_outbox SET body_text = $2, redacted_at = $3 WHERE id = $1")
        .bind(id)
        .bind(body)
        .bind(now)
        .execute(db)
        .await
        .map(|_| ())
}

pub async fn mark_failed(db: &Db, id: &str, error: &str, retry_at: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE email_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(error)
    .bind(retry_at)
    .execute(db)
    .await
    .map(|_| ())
}

/// The latest messages, newest first: (to, subject, body, sent_at).
pub async fn latest(
    db: &Db,
    limit: i64,
) -> Result<Vec<(String, String, String, Option<i64>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT to_address, subject, body_text, sent_at FROM email_outbox \
         ORDER BY created_at DESC, id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db)
    .await
}
