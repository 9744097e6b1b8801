//! The `need_messages` table: the thread of a need with each structure it reached.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::{Code, needs::MessageSide};

/// The most messages a page reads of one need (its threads together).
const READ_LIMIT: i64 = 2000;

#[derive(Debug, Clone, FromRow)]
pub struct MessageRow {
    pub structure_id: String,
    pub side: String,
    pub body: String,
    pub created_at: i64,
}

impl MessageRow {
    /// The side that wrote it (the column's CHECK allows no other value).
    pub fn side(&self) -> MessageSide {
        MessageSide::from_code(&self.side).unwrap_or(MessageSide::Supplier)
    }
}

#[derive(Debug, Clone, Copy)]
pub struct NewMessage<'a> {
    pub need_id: &'a str,
    pub structure_id: &'a str,
    pub side: MessageSide,
    pub author_id: &'a str,
    pub body: &'a str,
}

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    message: &NewMessage<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO need_messages (id, need_id, structure_id, side, author_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(message.need_id)
    .bind(message.structure_id)
    .bind(message.side.code())
    .bind(message.author_id)
    .bind(message.body)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// The thread of a need with one structure, oldest first.
pub async fn thread(
    db: &Db,
    need_id: &str,
    structure_id: &str,
) -> Result<Vec<MessageRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT structure_id, side, body, created_at FROM need_messages \
         WHERE need_id = $1 AND structure_id = $2 ORDER BY created_at, id LIMIT $3",
    )
    .bind(need_id)
    .bind(structure_id)
    .bind(READ_LIMIT)
    .fetch_all(db)
    .await
}

/// Every thread of a need in one query (the buyer's view), by structure then oldest first.
pub async fn of_need(db: &Db, need_id: &str) -> Result<Vec<MessageRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT structure_id, side, body, created_at FROM need_messages \
         WHERE need_id = $1 ORDER BY structure_id, created_at, id LIMIT $2",
    )
    .bind(need_id)
    .bind(READ_LIMIT)
    .fetch_all(db)
    .await
}

/// How many messages a person wrote on a need after `since` (the rate bound).
pub async fn count_by_author_since(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    author_id: &str,
    since: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM need_messages \
         WHERE need_id = $1 AND author_id = $2 AND created_at > $3",
    )
    .bind(need_id)
    .bind(author_id)
    .bind(since)
    .fetch_one(&mut **tx)
    .await
}
