//! The `purchases` table: what was bought, from whom, with which social consideration.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::{Code, needs::SocialConsideration};

#[derive(Debug, Clone)]
pub struct NewPurchase<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub need_id: Option<&'a str>,
    pub buyer_organisation_id: Option<&'a str>,
    pub buyer_name: &'a str,
    pub structure_id: Option<&'a str>,
    pub supplier_name: &'a str,
    pub supplier_siret: Option<&'a str>,
    pub amount_cents: i64,
    pub purchased_on: &'a str,
    pub cpv: Option<&'a str>,
    pub social_consideration: SocialConsideration,
    pub insertion_hours: Option<i64>,
    pub confirmed_by: Option<&'a str>,
}

/// Records a purchase; false when the need's purchase from this supplier for this buyer
/// already was.
pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    p: &NewPurchase<'_>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    if let (Some(need), Some(structure)) = (p.need_id, p.structure_id) {
        let exists: Option<String> = sqlx::query_scalar(
            "SELECT id FROM purchases WHERE need_id = $1 AND structure_id = $2 \
             AND buyer_organisation_id = $3",
        )
        .bind(need)
        .bind(structure)
        .bind(p.buyer_organisation_id)
        .fetch_optional(&mut **tx)
        .await?;
        if exists.is_some() {
            return Ok(false);
        }
    }
    sqlx::query(
        "INSERT INTO purchases (id, source, need_id, buyer_organisation_id, buyer_name, \
         structure_id, supplier_name, supplier_siret, amount_cents, purchased_on, cpv, \
         social_consideration, insertion_hours, confirmed_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )
    .bind(p.id)
    .bind(p.source)
    .bind(p.need_id)
    .bind(p.buyer_organisation_id)
    .bind(p.buyer_name)
    .bind(p.structure_id)
    .bind(p.supplier_name)
    .bind(p.supplier_siret)
    .bind(p.amount_cents)
    .bind(p.purchased_on)
    .bind(p.cpv)
    .bind(p.social_consideration.code())
    .bind(p.insertion_hours)
    .bind(p.confirmed_by)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    super::ledger_changes::record(&mut **tx, "award").await?;
    Ok(true)
}

#[derive(Debug, Clone, FromRow)]
pub struct PurchaseRow {
    pub id: String,
    pub structure_id: Option<String>,
    pub supplier_name: String,
    pub buyer_name: String,
    pub amount_cents: i64,
    pub purchased_on: String,
    pub social_consideration: String,
}

pub async fn of_need(db: &Db, need_id: &str) -> Result<Vec<PurchaseRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, structure_id, supplier_name, buyer_name, amount_cents, purchased_on, \
         social_consideration FROM purchases WHERE need_id = $1 ORDER BY supplier_name, buyer_name, id",
    )
    .bind(need_id)
    .fetch_all(db)
    .await
}
