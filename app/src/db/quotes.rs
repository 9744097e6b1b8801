//! The `quotes` table: one quote per structure and need.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::needs::{Quote, quote::LotPrice};

#[derive(Debug, Clone, FromRow)]
pub struct QuoteRow {
    pub id: String,
    pub need_id: String,
    pub structure_id: String,
    pub prices: String,
    pub total_cents: i64,
    pub lead_time: String,
    pub message: String,
    pub answers: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl QuoteRow {
    pub fn quote(&self) -> Quote {
        Quote {
            prices: serde_json::from_str::<Vec<LotPrice>>(&self.prices).unwrap_or_default(),
            lead_time: self.lead_time.clone(),
            message: self.message.clone(),
            answers: serde_json::from_str(&self.answers).unwrap_or_default(),
        }
    }
}

const COLUMNS: &str = "id, need_id, structure_id, prices, total_cents, lead_time, message, \
    answers, created_at, updated_at";

/// Writes the structure's quote for the need, replacing the one it sent before.
pub async fn upsert(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    structure_id: &str,
    quote: &Quote,
    user_id: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let prices = serde_json::to_string(&quote.prices).unwrap_or_else(|_| "[]".into());
    let answers = serde_json::to_string(&quote.answers).unwrap_or_else(|_| "[]".into());
    sqlx::query(
        "INSERT INTO quotes (id, need_id, structure_id, prices, total_cents, lead_time, message, \
         answers, submitted_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) \
         ON CONFLICT (need_id, structure_id) DO UPDATE SET prices = excluded.prices, \
         total_cents = excluded.total_cents, lead_time = excluded.lead_time, \
         message = excluded.message, answers = excluded.answers, \
         submitted_by = excluded.submitted_by, updated_at = excluded.updated_at",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(need_id)
    .bind(structure_id)
    .bind(&prices)
    .bind(quote.total_cents())
    .bind(&quote.lead_time)
    .bind(&quote.message)
    .bind(&answers)
    .bind(user_id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn of_need(db: &Db, need_id: &str) -> Result<Vec<QuoteRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM quotes WHERE need_id = $1 ORDER BY total_cents, created_at, id"
    ))
    .bind(need_id)
    .fetch_all(db)
    .await
}

pub async fn find(
    db: &Db,
    need_id: &str,
    structure_id: &str,
) -> Result<Option<QuoteRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM quotes WHERE need_id = $1 AND structure_id = $2"
    ))
    .bind(need_id)
    .bind(structure_id)
    .fetch_optional(db)
    .await
}
