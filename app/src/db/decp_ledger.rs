//! DECP open data in the ledger: its contracts as `purchases` lines (source 'decp'), found
//! again by buyer SIRET and contract id (index `purchases_external`) so that importing the
//! same records again updates them, and each DECP file as a `purchase_imports` row.

use std::collections::HashMap;

use sqlx::{Any, FromRow, Transaction};

use super::{Backend, Db, bulk_values};

/// A public contract as the ledger stores it.
#[derive(Debug, Clone)]
pub struct DecpLine {
    pub line_number: i64,
    pub external_id: String,
    pub buyer_siret: String,
    pub buyer_name: String,
    pub buyer_organisation_id: Option<String>,
    pub structure_id: Option<String>,
    pub match_kind: Option<&'static str>,
    pub supplier_name: String,
    pub supplier_key: String,
    pub supplier_siret: Option<String>,
    pub supplier_siren: Option<String>,
    pub amount_cents: i64,
    /// The notification day, `AAAA-MM-JJ`: also the line's purchase day.
    pub notified_on: String,
    pub year: i64,
    pub cpv: String,
    pub object: Option<String>,
    pub procedure: Option<String>,
    pub duration_months: Option<i64>,
    pub social_consideration: &'static str,
    pub social_considerations: String,
    pub environmental_considerations: String,
    pub place_kind: Option<&'static str>,
    pub place_code: Option<String>,
}

/// The columns written, insert and update alike (after `id`, `source`, `created_at`).
const COLUMNS: &[&str] = &[
    "import_id",
    "line_number",
    "external_id",
    "buyer_siret",
    "buyer_name",
    "buyer_organisation_id",
    "buyer_kind",
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
    "notified_on",
    "cpv",
    "object",
    "procedure",
    "duration_months",
    "social_consideration",
    "social_considerations",
    "environmental_considerations",
    "execution_place_kind",
    "execution_place_code",
];

/// Lines per INSERT: 30 values each stays under SQLite's 32,766 bound parameters.
pub const BATCH: usize = 500;

type Query<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>;

fn bind_line<'q>(query: Query<'q>, import_id: &'q str, l: &'q DecpLine) -> Query<'q> {
    query
        .bind(import_id)
        .bind(l.line_number)
        .bind(l.external_id.as_str())
        .bind(l.buyer_siret.as_str())
        .bind(l.buyer_name.as_str())
        .bind(l.buyer_organisation_id.as_deref())
        .bind("public")
        .bind(l.structure_id.as_deref())
        .bind(l.match_kind)
        .bind(l.supplier_name.as_str())
        .bind(l.supplier_key.as_str())
        .bind(l.supplier_siret.as_deref())
        .bind(l.supplier_siren.as_deref())
        .bind(l.amount_cents)
        .bind(l.notified_on.as_str())
        .bind(l.year)
        .bind("day")
        .bind(l.notified_on.as_str())
        .bind(l.cpv.as_str())
        .bind(l.object.as_deref())
        .bind(l.procedure.as_deref())
        .bind(l.duration_months)
        .bind(l.social_consideration)
        .bind(l.social_considerations.as_str())
        .bind(l.environmental_considerations.as_str())
        .bind(l.place_kind)
        .bind(l.place_code.as_deref())
}

/// Stores new lines (with their ids), up to [`BATCH`] per statement.
pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    import_id: &str,
    now: i64,
    lines: &[(String, DecpLine)],
) -> Result<(), sqlx::Error> {
    let width = COLUMNS.len() + 3;
    let backend = Backend::of_connection(tx);
    for chunk in lines.chunks(BATCH) {
        let sql = format!(
            "INSERT INTO purchases (id, source, created_at, {}) VALUES {}",
            COLUMNS.join(", "),
            bulk_values::values_list(backend, chunk.len(), width)
        );
        let mut query = sqlx::query(&sql);
        for (id, line) in chunk {
            query = bind_line(query.bind(id.as_str()).bind("decp").bind(now), import_id, line);
        }
        query.execute(&mut **tx).await?;
    }
    super::ledger_changes::record(&mut **tx, "decp").await
}

/// Replaces what stored lines say of their contracts (line id, new version); they move to
/// `import_id`. (UPDATEs rather than a delete and insert: what other tables attach to a line
/// stays attached.) One change of the ledger recorded for them all.
pub async fn update(
    tx: &mut Transaction<'_, Any>,
    import_id: &str,
    lines: &[(&str, &DecpLine)],
) -> Result<(), sqlx::Error> {
    if lines.is_empty() {
        return Ok(());
    }
    let sets: Vec<String> =
        COLUMNS.iter().enumerate().map(|(i, c)| format!("{c} = ${}", i + 2)).collect();
    let sql = format!("UPDATE purchases SET {} WHERE id = $1", sets.join(", "));
    for (id, line) in lines {
        bind_line(sqlx::query(&sql).bind(*id), import_id, line).execute(&mut **tx).await?;
    }
    super::ledger_changes::record(&mut **tx, "decp").await
}

/// On PostgreSQL, plans each statement of the import's transaction for its own values. The
/// lookups of a batch's contracts (`buyer_siret = $1 AND external_id IN (…)`) are the same
/// statement again and again, and after five runs PostgreSQL may keep a generic plan made
/// when the table looked empty: an index scan on the buyer alone, which reads every line of
/// the buyer in the import so far (a 100,000-contract file took 65 s instead of a few).
pub async fn plan_each_statement(tx: &mut Transaction<'_, Any>) -> Result<(), sqlx::Error> {
    if Backend::of_connection(tx) == Backend::Postgres {
        sqlx::query("SET LOCAL plan_cache_mode = force_custom_plan").execute(&mut **tx).await?;
    }
    Ok(())
}

/// The stored lines of these contracts, by (buyer SIRET, contract id): one query per buyer
/// of the batch, on the index `purchases_external`.
pub async fn existing(
    tx: &mut Transaction<'_, Any>,
    keys: &[(&str, &str)],
) -> Result<HashMap<(String, String), String>, sqlx::Error> {
    let mut by_buyer: HashMap<&str, Vec<&str>> = HashMap::new();
    for (buyer, external_id) in keys {
        by_buyer.entry(buyer).or_default().push(external_id);
    }
    let mut found = HashMap::new();
    for (buyer, ids) in by_buyer {
        for chunk in ids.chunks(BATCH) {
            let marks: Vec<String> = (2..chunk.len() + 2).map(|n| format!("${n}")).collect();
            let sql = format!(
                "SELECT id, external_id FROM purchases WHERE buyer_siret = $1 \
                 AND external_id IS NOT NULL AND external_id IN ({}) AND source = 'decp'",
                marks.join(", ")
            );
            let mut query = sqlx::query_as::<_, (String, String)>(&sql).bind(buyer);
            for external_id in chunk {
                query = query.bind(*external_id);
            }
            for (id, external) in query.fetch_all(&mut **tx).await? {
                found.insert((buyer.to_owned(), external), id);
            }
        }
    }
    Ok(found)
}

/// The buyers of Ecossol by SIRET (id, name), so that a contract of a buyer with an
/// account counts among its own purchases.
pub async fn buyers_by_siret(db: &Db) -> Result<HashMap<String, (String, String)>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT siret, id, name FROM organisations WHERE kind = 'buyer' AND siret IS NOT NULL \
         ORDER BY created_at, id",
    )
    .fetch_all(db)
    .await?;
    let mut map = HashMap::new();
    for (siret, id, name) in rows {
        map.entry(siret).or_insert((id, name));
    }
    Ok(map)
}

/// A DECP file as imported.
pub struct NewDecpImport<'a> {
    pub id: &'a str,
    pub format: &'a str,
    pub file_name: &'a str,
    pub file_key: &'a str,
    pub content_hash: &'a str,
    pub size_bytes: i64,
    pub uploaded_by: Option<&'a str>,
    pub now: i64,
}

pub async fn insert_import(
    tx: &mut Transaction<'_, Any>,
    i: &NewDecpImport<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO purchase_imports (id, source, organisation_id, state, format, file_name, \
         file_key, content_hash, size_bytes, uploaded_by, imported_by, created_at, imported_at) \
         VALUES ($1, 'decp', NULL, 'imported', $2, $3, $4, $5, $6, $7, $7, $8, $8)",
    )
    .bind(i.id)
    .bind(i.format)
    .bind(i.file_name)
    .bind(i.file_key)
    .bind(i.content_hash)
    .bind(i.size_bytes)
    .bind(i.uploaded_by)
    .bind(i.now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// What a DECP file held, beyond its lines.
pub struct DecpCounts {
    pub read: i64,
    pub updated: i64,
    pub outside: i64,
    pub concessions: i64,
}

/// Completes the import's row once the whole file is read: its format, hash, size, counts.
pub async fn finish_import(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    format: &str,
    content_hash: &str,
    size_bytes: i64,
    counts: &DecpCounts,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE purchase_imports SET format = $2, content_hash = $3, size_bytes = $4, \
         decp_read = $5, decp_updated = $6, decp_outside = $7, decp_concessions = $8 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(format)
    .bind(content_hash)
    .bind(size_bytes)
    .bind(counts.read)
    .bind(counts.updated)
    .bind(counts.outside)
    .bind(counts.concessions)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Recounts the lines, total and matches of every DECP import (a later import takes over
/// the contracts it brings again); an import left without lines is marked replaced.
pub async fn recount(tx: &mut Transaction<'_, Any>, latest: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE purchase_imports SET \
         line_count = (SELECT COUNT(*) FROM purchases p WHERE p.import_id = purchase_imports.id), \
         total_cents = COALESCE((SELECT CAST(SUM(p.amount_cents) AS BIGINT) FROM purchases p \
           WHERE p.import_id = purchase_imports.id), 0), \
         matched_count = (SELECT COUNT(*) FROM purchases p \
           WHERE p.import_id = purchase_imports.id AND p.structure_id IS NOT NULL) \
         WHERE source = 'decp' AND state = 'imported'",
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE purchase_imports SET state = 'replaced', replaced_by = $1 \
         WHERE source = 'decp' AND state = 'imported' AND line_count = 0 AND id <> $1",
    )
    .bind(latest)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// A DECP import for its list.
#[derive(Debug, Clone, FromRow)]
pub struct DecpImportRow {
    pub id: String,
    pub file_name: String,
    pub created_at: i64,
    pub line_count: i64,
    pub total_cents: i64,
    pub matched_count: i64,
    pub decp_read: i64,
    pub decp_updated: i64,
    pub decp_outside: i64,
    pub decp_concessions: i64,
}

/// The DECP imports, newest first.
pub async fn imports(db: &Db, limit: i64) -> Result<Vec<DecpImportRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, file_name, created_at, line_count, total_cents, matched_count, decp_read, \
         decp_updated, decp_outside, decp_concessions FROM purchase_imports \
         WHERE source = 'decp' ORDER BY created_at DESC, id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db)
    .await
}
