//! The reads behind the watch's in-memory copy of the ledger
//! (`services::watch::indicators::snapshot`): every line with the columns the indicators
//! use, already reduced to the values they compare (the buyer's and the supplier's
//! identity, the year, the CPV division…), streamed row by row; and the structures' and
//! buyer organisations' attributes, read at each view since they change without the ledger.

use futures_util::stream::BoxStream;
use sqlx::FromRow;

use super::Db;

/// One line of the ledger, as the indicators see it.
#[derive(Debug, Clone, FromRow)]
pub struct SnapshotRow {
    /// The buyer organisation's id, else the buying entity's SIRET, else its name.
    pub buyer: String,
    pub buyer_name: String,
    pub organisation: Option<String>,
    pub buyer_siret: Option<String>,
    /// The line's own buyer kind (`public`, `private`); when absent, the organisation's.
    pub buyer_kind: Option<String>,
    /// The buying entity (a buyer's own view breaks down by it).
    pub entity: String,
    /// The supplier: the structure matched, else its SIRET, SIREN, key or name.
    pub supplier: String,
    pub structure_id: Option<String>,
    pub year: Option<i64>,
    pub purchased_on: String,
    /// 1 when only the year is known.
    pub year_only: i64,
    /// The CPV division (two digits).
    pub cpv: Option<String>,
    /// The commune of execution, when the place is a commune.
    pub execution: Option<String>,
    /// The social considerations' codes, separated by spaces.
    pub social: String,
    pub amount: i64,
    pub asked: i64,
    pub done: i64,
}

const LINES: &str = "SELECT COALESCE(p.buyer_organisation_id, p.buyer_siret, p.buyer_name) AS buyer, \
     p.buyer_name, p.buyer_organisation_id AS organisation, p.buyer_siret, p.buyer_kind, \
     COALESCE(p.buyer_entity, p.buyer_siret, '') AS entity, \
     COALESCE(p.structure_id, p.supplier_siret, p.supplier_siren, p.supplier_key, p.supplier_name) AS supplier, \
     p.structure_id, \
     COALESCE(p.purchased_year, CAST(SUBSTR(p.purchased_on, 1, 4) AS BIGINT)) AS year, \
     p.purchased_on, CAST(CASE WHEN p.date_precision = 'year' THEN 1 ELSE 0 END AS BIGINT) AS year_only, \
     SUBSTR(p.cpv, 1, 2) AS cpv, \
     CASE WHEN p.execution_place_kind = 'commune' THEN p.execution_place_code END AS execution, \
     COALESCE(NULLIF(p.social_considerations, ''), p.social_consideration, '') AS social, \
     p.amount_cents AS amount, COALESCE(p.insertion_hours, 0) AS asked, \
     COALESCE(p.insertion_hours_done, 0) AS done \
     FROM purchases p";

/// Every line of the ledger, one at a time.
pub fn lines(db: &Db) -> BoxStream<'_, Result<SnapshotRow, sqlx::Error>> {
    sqlx::query_as(LINES).fetch(db)
}

/// Every structure: id, kinds (codes between spaces), commune.
pub async fn structures(db: &Db) -> Result<Vec<(String, String, Option<String>)>, sqlx::Error> {
    sqlx::query_as("SELECT id, kinds, commune_insee FROM structures").fetch_all(db).await
}

/// The buyer organisations' kinds (`public`, `private`).
pub async fn buyer_kinds(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, buyer_kind FROM organisations WHERE buyer_kind IS NOT NULL")
        .fetch_all(db)
        .await
}
