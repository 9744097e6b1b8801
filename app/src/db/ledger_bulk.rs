//! Ledger lines written in bulk with every column (the demo ledger and the benchmark's
//! generated ledger): one multi-row INSERT per [`BATCH`] lines, in the caller's transaction.

use sqlx::{Any, Transaction};

use super::{Backend, bulk_values};

/// A complete ledger line.
#[derive(Debug, Clone, Default)]
pub struct BulkLine {
    pub id: String,
    pub source: &'static str,
    pub import_id: Option<String>,
    pub line_number: Option<i64>,
    pub buyer_organisation_id: Option<String>,
    pub buyer_name: String,
    pub buyer_kind: &'static str,
    pub buyer_siret: Option<String>,
    pub structure_id: Option<String>,
    pub match_kind: Option<&'static str>,
    pub supplier_name: String,
    pub supplier_key: String,
    pub supplier_siret: Option<String>,
    pub supplier_siren: Option<String>,
    pub amount_cents: i64,
    pub purchased_on: String,
    pub purchased_year: i64,
    pub cpv: Option<String>,
    pub social_consideration: &'static str,
    pub social_considerations: String,
    pub environmental_considerations: String,
    pub insertion_hours: Option<i64>,
    pub insertion_hours_done: Option<i64>,
    pub insertion_hours_counted_on: Option<String>,
    pub execution_place_kind: Option<&'static str>,
    pub execution_place_code: Option<String>,
    pub external_id: Option<String>,
    pub object: Option<String>,
    pub procedure: Option<&'static str>,
    pub duration_months: Option<i64>,
    pub notified_on: Option<String>,
    pub created_at: i64,
}

const COLUMNS: &str = "id, source, import_id, line_number, buyer_organisation_id, buyer_name, \
    buyer_kind, buyer_siret, structure_id, match_kind, supplier_name, supplier_key, \
    supplier_siret, supplier_siren, amount_cents, purchased_on, purchased_year, date_precision, \
    cpv, social_consideration, social_considerations, environmental_considerations, \
    insertion_hours, insertion_hours_done, insertion_hours_counted_on, execution_place_kind, \
    execution_place_code, external_id, object, procedure, duration_months, notified_on, \
    created_at";
const WIDTH: usize = 33;

/// Lines per INSERT: 33 values each stays under SQLite's 32,766 bound parameters.
pub const BATCH: usize = 900;

fn insert_sql(backend: Backend, rows: usize) -> String {
    let values = bulk_values::values_list(backend, rows, WIDTH);
    format!("INSERT INTO purchases ({COLUMNS}) VALUES {values}")
}

/// Stores the lines, [`BATCH`] per statement.
pub async fn insert(tx: &mut Transaction<'_, Any>, lines: &[BulkLine]) -> Result<(), sqlx::Error> {
    let backend = Backend::of_connection(tx);
    for chunk in lines.chunks(BATCH) {
        let sql = insert_sql(backend, chunk.len());
        let mut query = sqlx::query(&sql);
        for l in chunk {
            query = query
                .bind(l.id.as_str())
                .bind(l.source)
                .bind(l.import_id.as_deref())
                .bind(l.line_number)
                .bind(l.buyer_organisation_id.as_deref())
                .bind(l.buyer_name.as_str())
                .bind(l.buyer_kind)
                .bind(l.buyer_siret.as_deref())
                .bind(l.structure_id.as_deref())
                .bind(l.match_kind)
                .bind(l.supplier_name.as_str())
                .bind(l.supplier_key.as_str())
                .bind(l.supplier_siret.as_deref())
                .bind(l.supplier_siren.as_deref())
                .bind(l.amount_cents)
                .bind(l.purchased_on.as_str())
                .bind(l.purchased_year)
                .bind("day")
                .bind(l.cpv.as_deref())
                .bind(l.social_consideration)
                .bind(l.social_considerations.as_str())
                .bind(l.environmental_considerations.as_str())
                .bind(l.insertion_hours)
                .bind(l.insertion_hours_done)
                .bind(l.insertion_hours_counted_on.as_deref())
                .bind(l.execution_place_kind)
                .bind(l.execution_place_code.as_deref())
                .bind(l.external_id.as_deref())
                .bind(l.object.as_deref())
                .bind(l.procedure)
                .bind(l.duration_months)
                .bind(l.notified_on.as_deref())
                .bind(l.created_at);
        }
        query.execute(&mut **tx).await?;
    }
    super::ledger_changes::record(&mut **tx, "bulk").await
}

/// A finished import row for a demo file or DECP file (no content kept).
pub async fn insert_import(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    (source, format): (&str, &str),
    organisation_id: Option<&str>,
    file_name: &str,
    (lines, total_cents, matched): (i64, i64, i64),
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO purchase_imports (id, source, organisation_id, state, format, file_name, \
         file_key, content_hash, size_bytes, line_count, total_cents, matched_count, \
         created_at, imported_at) \
         VALUES ($1, $2, $3, 'imported', $4, $5, $5, $1, 0, $6, $7, $8, $9, $9)",
    )
    .bind(id)
    .bind(source)
    .bind(organisation_id)
    .bind(format)
    .bind(file_name)
    .bind(lines)
    .bind(total_cents)
    .bind(matched)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Whether an import of this name exists (the demo ledger is seeded once).
pub async fn import_named(db: &super::Db, file_name: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM purchase_imports WHERE file_name = $1")
        .bind(file_name)
        .fetch_one(db)
        .await?;
    Ok(n > 0)
}
