//! The watch's reads that stay in SQL: a buyer's SPASER table (one organisation's lines,
//! by its index) and the demo contracts. The dashboard's figures are computed over the
//! in-memory copy of the ledger (`services::watch::indicators::snapshot`).

use sqlx::FromRow;

use super::{Db, ledger_changes};

const YEAR: &str = "COALESCE(p.purchased_year, CAST(SUBSTR(p.purchased_on, 1, 4) AS BIGINT))";
const SOCIAL: &str =
    "(' ' || COALESCE(NULLIF(p.social_considerations, ''), p.social_consideration) || ' ')";

/// A year of a buyer's contracts, with social and environmental considerations.
#[derive(Debug, Clone, FromRow)]
pub struct SpaserRow {
    pub year: i64,
    pub contracts: i64,
    pub amount: i64,
    pub social_n: i64,
    pub social_a: i64,
    pub environmental_n: i64,
    pub environmental_a: i64,
}

/// An organisation's contracts per year, from `from` to `to`.
pub async fn spaser(
    db: &Db,
    organisation_id: &str,
    from: i32,
    to: i32,
) -> Result<Vec<SpaserRow>, sqlx::Error> {
    let social = format!(
        "({SOCIAL} LIKE '% reserved %' OR {SOCIAL} LIKE '% clause %' OR {SOCIAL} LIKE '% criterion %')"
    );
    let env = "(' ' || p.environmental_considerations || ' ')";
    let environmental = format!("({env} LIKE '% clause %' OR {env} LIKE '% criterion %')");
    let sql = format!(
        "SELECT year, COUNT(*) AS contracts, CAST(SUM(amount) AS BIGINT) AS amount, \
         CAST(SUM(social) AS BIGINT) AS social_n, \
         CAST(SUM(CASE WHEN social = 1 THEN amount ELSE 0 END) AS BIGINT) AS social_a, \
         CAST(SUM(environmental) AS BIGINT) AS environmental_n, \
         CAST(SUM(CASE WHEN environmental = 1 THEN amount ELSE 0 END) AS BIGINT) AS environmental_a \
         FROM (SELECT {YEAR} AS year, p.amount_cents AS amount, \
           CASE WHEN {social} THEN 1 ELSE 0 END AS social, \
           CASE WHEN {environmental} THEN 1 ELSE 0 END AS environmental \
           FROM purchases p WHERE p.buyer_organisation_id = $1 AND {YEAR} BETWEEN {from} AND {to}) l \
         GROUP BY year ORDER BY year"
    );
    sqlx::query_as(&sql).bind(organisation_id).fetch_all(db).await
}

/// A contract of the demo ledger (see `services::watch::indicators_demo`).
#[derive(Debug, Clone)]
pub struct DemoContract {
    pub id: String,
    pub external_id: String,
    pub buyer_siret: String,
    pub buyer_name: String,
    pub buyer_kind: &'static str,
    pub structure_id: Option<String>,
    pub supplier_name: String,
    pub supplier_siret: Option<String>,
    pub amount_cents: i64,
    pub purchased_on: String,
    pub cpv: String,
    pub social_consideration: &'static str,
    pub social_considerations: String,
    pub insertion_hours: Option<i64>,
    pub insertion_hours_done: Option<i64>,
    pub execution_commune: String,
}

/// How many demo contracts the ledger holds (their external ids start with `prefix`).
pub async fn demo_count(db: &Db, prefix: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM purchases WHERE external_id LIKE $1")
        .bind(format!("{prefix}%"))
        .fetch_one(db)
        .await
}

/// Stores a demo contract as a DECP-like line.
pub async fn insert_demo(db: &Db, c: &DemoContract, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO purchases (id, source, buyer_name, buyer_siret, buyer_kind, structure_id, \
         match_kind, supplier_name, supplier_siret, supplier_siren, supplier_key, amount_cents, \
         purchased_on, purchased_year, date_precision, cpv, social_consideration, \
         social_considerations, insertion_hours, insertion_hours_done, execution_place_kind, \
         execution_place_code, external_id, notified_on, object, procedure, duration_months, \
         created_at) \
         VALUES ($1, 'decp', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'day', $14, \
         $15, $16, $17, $18, 'commune', $19, $20, $12, 'Marché de démonstration', \
         'Procédure adaptée', 12, $21)",
    )
    .bind(&c.id)
    .bind(&c.buyer_name)
    .bind(&c.buyer_siret)
    .bind(c.buyer_kind)
    .bind(c.structure_id.as_deref())
    .bind(c.structure_id.as_ref().map(|_| "siret"))
    .bind(&c.supplier_name)
    .bind(c.supplier_siret.as_deref())
    .bind(c.supplier_siret.as_ref().map(|s| s[..9].to_owned()))
    .bind(c.supplier_name.to_lowercase())
    .bind(c.amount_cents)
    .bind(&c.purchased_on)
    .bind(c.purchased_on[..4].parse::<i64>().unwrap_or(0))
    .bind(&c.cpv)
    .bind(c.social_consideration)
    .bind(&c.social_considerations)
    .bind(c.insertion_hours)
    .bind(c.insertion_hours_done)
    .bind(&c.execution_commune)
    .bind(&c.external_id)
    .bind(now)
    .execute(db)
    .await?;
    ledger_changes::record(db, "demo").await
}
