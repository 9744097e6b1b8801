//! The `purchase_declarations` table: a retained structure's word that the purchase took
//! place, with its amount and day.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct DeclarationRow {
    pub structure_id: String,
    pub amount_cents: i64,
    /// `AAAA-MM-JJ`.
    pub purchased_on: String,
}

/// Records the structure's declaration, replacing an earlier one.
pub async fn upsert(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    structure_id: &str,
    amount_cents: i64,
    purchased_on: &str,
    user_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO purchase_declarations \
         (need_id, structure_id, amount_cents, purchased_on, declared_by, declared_at) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (need_id, structure_id) DO UPDATE SET amount_cents = excluded.amount_cents, \
         purchased_on = excluded.purchased_on, declared_by = excluded.declared_by, \
         declared_at = excluded.declared_at",
    )
    .bind(need_id)
    .bind(structure_id)
    .bind(amount_cents)
    .bind(purchased_on)
    .bind(user_id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// The declarations of a need's retained structures.
pub async fn of_need(db: &Db, need_id: &str) -> Result<Vec<DeclarationRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT structure_id, amount_cents, purchased_on FROM purchase_declarations \
         WHERE need_id = $1 ORDER BY structure_id",
    )
    .bind(need_id)
    .fetch_all(db)
    .await
}
