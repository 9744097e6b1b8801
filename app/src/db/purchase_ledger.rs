//! The `purchases` table as the watch's ledger: lines imported from files (and later DECP),
//! each with its import and line, their suppliers' matches, the unmatched ones. Ecossol's own
//! purchases are written by the needs' repository (`db::purchases`) into the same table.

use sqlx::{Any, FromRow, Transaction};

use super::{Backend, Db, bulk_values};

/// A ledger line to store.
#[derive(Debug, Clone)]
pub struct NewLine {
    pub id: String,
    pub line_number: i64,
    pub structure_id: Option<String>,
    pub match_kind: Option<&'static str>,
    pub supplier_name: String,
    pub supplier_key: String,
    pub supplier_siret: Option<String>,
    pub supplier_siren: Option<String>,
    pub amount_cents: i64,
    pub purchased_on: String,
    pub purchased_year: i64,
    pub date_precision: &'static str,
    pub cpv: Option<String>,
    pub category: Option<String>,
    pub buyer_siret: Option<String>,
    pub buyer_entity: Option<String>,
    pub social_consideration: &'static str,
    pub social_considerations: String,
    pub insertion_hours_done: Option<i64>,
    pub execution_place_kind: Option<&'static str>,
    pub execution_place_code: Option<String>,
}

/// What every line of one import shares.
#[derive(Debug, Clone)]
pub struct ImportContext<'a> {
    pub source: &'a str,
    pub import_id: &'a str,
    pub buyer_organisation_id: Option<&'a str>,
    pub buyer_name: &'a str,
    pub buyer_kind: Option<&'a str>,
    /// The buyer's SIRET, for the lines that name no buying entity's SIRET.
    pub buyer_siret: Option<&'a str>,
    pub now: i64,
}

const INSERT_COLUMNS: &[&str] = &[
    "id",
    "source",
    "import_id",
    "line_number",
    "buyer_organisation_id",
    "buyer_name",
    "buyer_kind",
    "buyer_siret",
    "buyer_entity",
    "structure_id",
    "match_kind",
    "supplier_name",
    "supplier_key",
    "supplier_siret",
    "supplier_siren",
    "amount_cents",
    "purchased_on",
    "purchased_year",
    "date_precision",
    "cpv",
    "category",
    "social_consideration",
    "social_considerations",
    "insertion_hours_done",
    "execution_place_kind",
    "execution_place_code",
    "created_at",
];

/// Lines per INSERT: 27 values each stays under SQLite's 32,766 bound parameters.
pub const BATCH: usize = 500;

fn insert_sql(backend: Backend, rows: usize) -> String {
    format!(
        "INSERT INTO purchases ({}) VALUES {}",
        INSERT_COLUMNS.join(", "),
        bulk_values::values_list(backend, rows, INSERT_COLUMNS.len())
    )
}

/// Stores up to [`BATCH`] lines in one statement.
pub async fn insert_lines(
    tx: &mut Transaction<'_, Any>,
    context: &ImportContext<'_>,
    lines: &[NewLine],
) -> Result<(), sqlx::Error> {
    let backend = Backend::of_connection(tx);
    for chunk in lines.chunks(BATCH) {
        let sql = insert_sql(backend, chunk.len());
        let mut query = sqlx::query(&sql);
        for l in chunk {
            query = query
                .bind(l.id.as_str())
                .bind(context.source)
                .bind(context.import_id)
                .bind(l.line_number)
                .bind(context.buyer_organisation_id)
                .bind(context.buyer_name)
                .bind(context.buyer_kind)
                .bind(l.buyer_siret.as_deref().or(context.buyer_siret))
                .bind(l.buyer_entity.as_deref())
                .bind(l.structure_id.as_deref())
                .bind(l.match_kind)
                .bind(l.supplier_name.as_str())
                .bind(l.supplier_key.as_str())
                .bind(l.supplier_siret.as_deref())
                .bind(l.supplier_siren.as_deref())
                .bind(l.amount_cents)
                .bind(l.purchased_on.as_str())
                .bind(l.purchased_year)
                .bind(l.date_precision)
                .bind(l.cpv.as_deref())
                .bind(l.category.as_deref())
                .bind(l.social_consideration)
                .bind(l.social_considerations.as_str())
                .bind(l.insertion_hours_done)
                .bind(l.execution_place_kind)
                .bind(l.execution_place_code.as_deref())
                .bind(context.now);
        }
        query.execute(&mut **tx).await?;
    }
    super::ledger_changes::record(&mut **tx, "import").await
}

/// Removes the lines an import brought (it is being replaced).
pub async fn delete_of_import(
    tx: &mut Transaction<'_, Any>,
    import_id: &str,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM purchases WHERE import_id = $1")
        .bind(import_id)
        .execute(&mut **tx)
        .await?;
    super::ledger_changes::record(&mut **tx, "import").await?;
    Ok(done.rows_affected())
}

/// A stored line with its structure, for a page.
#[derive(Debug, Clone, FromRow)]
pub struct LineRow {
    pub line_number: Option<i64>,
    pub supplier_name: String,
    pub supplier_siret: Option<String>,
    pub supplier_siren: Option<String>,
    pub amount_cents: i64,
    pub purchased_on: String,
    pub date_precision: String,
    pub cpv: Option<String>,
    pub category: Option<String>,
    pub buyer_entity: Option<String>,
    pub buyer_siret: Option<String>,
    pub social_considerations: String,
    pub execution_place_code: Option<String>,
    pub structure_name: Option<String>,
    pub structure_kinds: Option<String>,
}

/// The first lines of an import, in the file's order.
pub async fn of_import(db: &Db, import_id: &str, limit: i64) -> Result<Vec<LineRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.line_number, p.supplier_name, p.supplier_siret, p.supplier_siren, \
         p.amount_cents, p.purchased_on, p.date_precision, p.cpv, p.category, p.buyer_entity, \
         p.buyer_siret, p.social_considerations, p.execution_place_code, \
         s.name AS structure_name, s.kinds AS structure_kinds \
         FROM purchases p LEFT JOIN structures s ON s.id = p.structure_id \
         WHERE p.import_id = $1 ORDER BY p.line_number, p.id LIMIT $2",
    )
    .bind(import_id)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// A supplier no structure matches: how its lines are grouped (by SIRET, else SIREN, else
/// folded name), one of its names, its lines and spend.
#[derive(Debug, Clone, FromRow)]
pub struct UnmatchedRow {
    pub key_kind: String,
    pub key: String,
    pub name: String,
    pub line_count: i64,
    pub spend_cents: i64,
}

const UNMATCHED_KEY: &str = "CASE WHEN supplier_siret IS NOT NULL THEN 'siret' \
    WHEN supplier_siren IS NOT NULL THEN 'siren' ELSE 'name' END";
const UNMATCHED_VALUE: &str = "COALESCE(supplier_siret, supplier_siren, supplier_key)";

/// The unmatched suppliers of these buyers (every buyer when `None`), largest spend first.
pub async fn unmatched(
    db: &Db,
    organisations: Option<&[String]>,
    limit: i64,
) -> Result<Vec<UnmatchedRow>, sqlx::Error> {
    let filter = match organisations {
        None => String::new(),
        Some([]) => return Ok(Vec::new()),
        Some(ids) => {
            let marks: Vec<String> = (2..ids.len() + 2).map(|n| format!("${n}")).collect();
            format!("AND buyer_organisation_id IN ({})", marks.join(", "))
        }
    };
    let sql = format!(
        "SELECT key_kind, key, MIN(supplier_name) AS name, COUNT(*) AS line_count, \
         CAST(SUM(amount_cents) AS BIGINT) AS spend_cents FROM ( \
           SELECT {UNMATCHED_KEY} AS key_kind, {UNMATCHED_VALUE} AS key, supplier_name, \
           amount_cents FROM purchases \
           WHERE structure_id IS NULL AND {UNMATCHED_VALUE} IS NOT NULL {filter} \
         ) u GROUP BY key_kind, key ORDER BY spend_cents DESC, key LIMIT $1"
    );
    let mut query = sqlx::query_as(&sql).bind(limit);
    for id in organisations.unwrap_or_default() {
        query = query.bind(id);
    }
    query.fetch_all(db).await
}

/// The name of an unmatched supplier's lines, if any line has that key.
pub async fn unmatched_name(
    db: &Db,
    key_kind: &str,
    key: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "SELECT MIN(supplier_name) FROM purchases \
         WHERE structure_id IS NULL AND {UNMATCHED_KEY} = $1 AND {UNMATCHED_VALUE} = $2"
    ))
    .bind(key_kind)
    .bind(key)
    .fetch_one(db)
    .await
}

/// Gives the structure to the unmatched lines of a supplier; returns how many.
pub async fn link(
    tx: &mut Transaction<'_, Any>,
    key_kind: &str,
    key: &str,
    structure_id: &str,
) -> Result<u64, sqlx::Error> {
    let condition = match key_kind {
        "siret" => "supplier_siret = $2",
        "siren" => "supplier_siren = $2",
        _ => "supplier_key = $2 AND supplier_siret IS NULL AND supplier_siren IS NULL",
    };
    let done = sqlx::query(&format!(
        "UPDATE purchases SET structure_id = $1, match_kind = 'manual' \
         WHERE structure_id IS NULL AND {condition}"
    ))
    .bind(structure_id)
    .bind(key)
    .execute(&mut **tx)
    .await?;
    super::ledger_changes::record(&mut **tx, "link").await?;
    Ok(done.rows_affected())
}
