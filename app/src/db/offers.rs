//! The `offers` table: goods and services of the structures.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::{
    Code,
    directory::{OfferDetails, OfferStatus, Price},
    hqs::{OfferFacts, declared::cpv_list},
};

#[derive(Debug, Clone, FromRow)]
pub struct OfferRow {
    pub id: String,
    pub structure_id: String,
    pub slug: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub status: OfferStatus,
    pub description: String,
    pub sector: String,
    pub cpv: String,
    pub service_kind: String,
    pub unit: Option<String>,
    pub price_cents: Option<i64>,
    pub on_quote: i64,
    pub min_quantity: Option<i64>,
    pub max_quantity: Option<i64>,
    pub lead_time: Option<String>,
    pub reach: Option<String>,
    pub reach_km: Option<i64>,
    pub reach_communes: String,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, structure_id, slug, title, status, description, sector, cpv, \
    service_kind, unit, price_cents, on_quote, min_quantity, max_quantity, lead_time, reach, \
    reach_km, reach_communes, created_at, updated_at";

impl OfferRow {
    pub fn price(&self) -> Option<Price> {
        if self.on_quote != 0 { Some(Price::OnQuote) } else { self.price_cents.map(Price::Cents) }
    }

    /// The offer as an HQS evaluation reads it.
    pub fn facts(&self) -> OfferFacts {
        OfferFacts { title: self.title.clone(), cpv: cpv_list(&self.cpv) }
    }
}

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    structure_id: &str,
    slug: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO offers (id, structure_id, slug, title, status, created_at, updated_at) \
         VALUES ($1, $2, $3, '', 'draft', $4, $4)",
    )
    .bind(id)
    .bind(structure_id)
    .bind(slug)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn update_details(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    offer: &OfferDetails,
    now: i64,
) -> Result<(), sqlx::Error> {
    let cpv: Vec<&str> = offer.cpv.iter().map(|c| c.as_str()).collect();
    let (price_cents, on_quote) = match offer.price {
        Some(Price::Cents(cents)) => (Some(cents), 0_i64),
        Some(Price::OnQuote) => (None, 1),
        None => (None, 0),
    };
    sqlx::query(
        "UPDATE offers SET title = $2, description = $3, sector = $4, cpv = $5, \
         service_kind = $6, unit = $7, price_cents = $8, on_quote = $9, min_quantity = $10, \
         max_quantity = $11, lead_time = $12, reach = $13, reach_km = $14, reach_communes = $15, \
         updated_at = $16 WHERE id = $1",
    )
    .bind(id)
    .bind(&offer.title)
    .bind(&offer.description)
    .bind(&offer.sector)
    .bind(cpv.join(" "))
    .bind(offer.service_kind.code())
    .bind(&offer.unit)
    .bind(price_cents)
    .bind(on_quote)
    .bind(offer.min_quantity)
    .bind(offer.max_quantity)
    .bind(&offer.lead_time)
    .bind(offer.reach.as_ref().map(|r| r.code()))
    .bind(offer.reach.as_ref().and_then(|r| r.km()).map(i64::from))
    .bind(offer.reach.as_ref().map(|r| r.communes_text()).unwrap_or_default())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    reindex(tx, id, now).await
}

/// Every change of an offer goes to the search outbox in its own transaction.
async fn reindex(tx: &mut Transaction<'_, Any>, id: &str, now: i64) -> Result<(), sqlx::Error> {
    super::search_outbox::enqueue(tx, super::search_outbox::Entity::Offer, id, now).await
}

pub async fn set_status(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    status: OfferStatus,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE offers SET status = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(status.code())
        .bind(now)
        .execute(&mut **tx)
        .await?;
    reindex(tx, id, now).await
}

pub async fn find<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    id: &str,
) -> Result<Option<OfferRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM offers WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn find_by_slug(db: &Db, slug: &str) -> Result<Option<OfferRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM offers WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await
}

pub async fn slug_taken(tx: &mut Transaction<'_, Any>, slug: &str) -> Result<bool, sqlx::Error> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM offers WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(found.is_some())
}

/// The structure's offers, all statuses, by title.
pub async fn of_structure<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    structure_id: &str,
) -> Result<Vec<OfferRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM offers WHERE structure_id = $1 ORDER BY title, id"
    ))
    .bind(structure_id)
    .fetch_all(db)
    .await
}

/// Reports an offer to the pôle.
pub async fn flag(
    tx: &mut Transaction<'_, Any>,
    offer_id: &str,
    reporter_id: &str,
    reason: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO offer_flags (id, offer_id, reporter_id, reason, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(offer_id)
    .bind(reporter_id)
    .bind(reason)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

#[derive(Debug, Clone, FromRow)]
pub struct FlagRow {
    pub id: String,
    pub offer_id: String,
    pub offer_slug: String,
    pub offer_title: String,
    pub structure_name: String,
    pub reason: String,
    pub created_at: i64,
}

/// Open reports, oldest first.
pub async fn open_flags(db: &Db) -> Result<Vec<FlagRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT f.id, f.offer_id, o.slug AS offer_slug, o.title AS offer_title, \
         s.name AS structure_name, f.reason, f.created_at FROM offer_flags f \
         JOIN offers o ON o.id = f.offer_id JOIN structures s ON s.id = o.structure_id \
         WHERE f.resolved_at IS NULL ORDER BY f.created_at, f.id",
    )
    .fetch_all(db)
    .await
}

/// Closes every open report of the offer; returns how many were closed.
pub async fn resolve_flags(
    tx: &mut Transaction<'_, Any>,
    offer_id: &str,
    by: &str,
    resolution: &str,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE offer_flags SET resolved_at = $2, resolved_by = $3, resolution = $4 \
         WHERE offer_id = $1 AND resolved_at IS NULL",
    )
    .bind(offer_id)
    .bind(now)
    .bind(by)
    .bind(resolution)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}
