//! The ledger's public part, read in pages for the open data files: the lines whose buyer is
//! public (never a private buyer's), in the order of their ids so that a file is written page
//! after page without holding the ledger in memory.

use sqlx::FromRow;

use super::Db;

/// A public buyer's line with what the open data files publish of it.
#[derive(Debug, Clone, FromRow)]
pub struct OpenLine {
    pub id: String,
    pub source: String,
    pub buyer_name: String,
    pub buyer_siret: Option<String>,
    pub buyer_entity: Option<String>,
    pub supplier_name: String,
    pub supplier_siret: Option<String>,
    pub supplier_siren: Option<String>,
    pub amount_cents: i64,
    pub purchased_on: String,
    pub date_precision: String,
    pub purchased_year: Option<i64>,
    pub cpv: Option<String>,
    pub category: Option<String>,
    pub social_considerations: String,
    pub environmental_considerations: String,
    pub insertion_hours: Option<i64>,
    pub insertion_hours_done: Option<i64>,
    pub insertion_hours_counted_on: Option<String>,
    pub execution_place_kind: Option<String>,
    pub execution_place_code: Option<String>,
    pub external_id: Option<String>,
    pub object: Option<String>,
    pub procedure: Option<String>,
    pub duration_months: Option<i64>,
    pub notified_on: Option<String>,
    pub created_at: i64,
    /// The directory's structure the supplier was matched to: its kinds.
    pub structure_kinds: Option<String>,
    /// For a file's line: its buyer, file (folded name) and line, which name it stably
    /// across re-imports of the same file.
    pub buyer_organisation_id: Option<String>,
    pub file_key: Option<String>,
    pub line_number: Option<i64>,
}

/// The public lines after `after` (by id), at most `limit`.
pub async fn public_lines_after(
    db: &Db,
    after: &str,
    limit: i64,
) -> Result<Vec<OpenLine>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.source, p.buyer_name, p.buyer_siret, p.buyer_entity, p.supplier_name, \
         p.supplier_siret, p.supplier_siren, p.amount_cents, p.purchased_on, p.date_precision, \
         p.purchased_year, p.cpv, p.category, p.social_considerations, \
         p.environmental_considerations, p.insertion_hours, p.insertion_hours_done, \
         p.insertion_hours_counted_on, p.execution_place_kind, p.execution_place_code, \
         p.external_id, p.object, p.procedure, p.duration_months, p.notified_on, p.created_at, \
         s.kinds AS structure_kinds, p.buyer_organisation_id, i.file_key, p.line_number \
         FROM purchases p \
         LEFT JOIN structures s ON s.id = p.structure_id \
         LEFT JOIN purchase_imports i ON i.id = p.import_id \
         WHERE p.buyer_kind = 'public' AND p.id > $1 ORDER BY p.id LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(db)
    .await
}
