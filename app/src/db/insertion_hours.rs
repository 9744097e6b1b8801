//! Insertion hours declared done on the ledger's clause contracts: the running figure on the
//! line (`purchases.insertion_hours_done`, with the day it was counted to) and every
//! declaration kept in `insertion_hour_declarations`.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

/// What makes a line a clause contract (the partial index `purchases_clause` repeats it).
pub const IS_CLAUSE: &str = "(p.social_considerations LIKE '%clause%' OR p.insertion_hours > 0)";

/// A ledger line with what a declaration needs to know of it.
#[derive(Debug, Clone, FromRow)]
pub struct ClauseLine {
    pub id: String,
    pub purchased_on: String,
    pub social_considerations: String,
    pub insertion_hours: Option<i64>,
    pub insertion_hours_done: Option<i64>,
    /// The organisation of the supplier's structure, when matched and owned.
    pub structure_organisation_id: Option<String>,
}

pub async fn find(db: &Db, id: &str) -> Result<Option<ClauseLine>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.purchased_on, p.social_considerations, p.insertion_hours, \
         p.insertion_hours_done, s.organisation_id AS structure_organisation_id \
         FROM purchases p LEFT JOIN structures s ON s.id = p.structure_id WHERE p.id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}

impl ClauseLine {
    pub fn is_clause(&self) -> bool {
        self.social_considerations.split(' ').any(|c| c == "clause")
            || self.insertion_hours.is_some_and(|h| h > 0)
    }
}

/// One declaration.
#[derive(Debug, Clone)]
pub struct Declaration<'a> {
    pub id: &'a str,
    pub purchase_id: &'a str,
    pub hours_done: i64,
    pub counted_on: &'a str,
    pub declared_by: &'a str,
    /// supplier, facilitator.
    pub declared_as: &'static str,
    pub now: i64,
}

/// Keeps the declaration and makes it the line's figure.
pub async fn declare(
    tx: &mut Transaction<'_, Any>,
    d: &Declaration<'_>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE purchases SET insertion_hours_done = $1, insertion_hours_counted_on = $2, \
         insertion_hours_declared_at = $3 WHERE id = $4",
    )
    .bind(d.hours_done)
    .bind(d.counted_on)
    .bind(d.now)
    .bind(d.purchase_id)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO insertion_hour_declarations \
         (id, purchase_id, hours_done, counted_on, declared_by, declared_as, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(d.id)
    .bind(d.purchase_id)
    .bind(d.hours_done)
    .bind(d.counted_on)
    .bind(d.declared_by)
    .bind(d.declared_as)
    .bind(d.now)
    .execute(&mut **tx)
    .await?;
    super::ledger_changes::record(&mut **tx, "hours").await?;
    Ok(true)
}

/// A clause contract for the declaration page.
#[derive(Debug, Clone, FromRow)]
pub struct ContractRow {
    pub id: String,
    pub buyer_name: String,
    pub supplier_name: String,
    pub object: Option<String>,
    pub category: Option<String>,
    pub cpv: Option<String>,
    pub purchased_on: String,
    pub amount_cents: i64,
    pub insertion_hours: Option<i64>,
    pub insertion_hours_done: Option<i64>,
    pub insertion_hours_counted_on: Option<String>,
    pub declarations: i64,
}

/// The clause contracts of the structures these organisations own (every one when `None`),
/// newest first.
pub async fn contracts(
    db: &Db,
    organisations: Option<&[String]>,
    limit: i64,
) -> Result<Vec<ContractRow>, sqlx::Error> {
    let (join, filter) = match organisations {
        None => ("", String::new()),
        Some([]) => return Ok(Vec::new()),
        Some(ids) => {
            let marks: Vec<String> = (2..ids.len() + 2).map(|n| format!("${n}")).collect();
            (
                "JOIN structures s ON s.id = p.structure_id",
                format!("AND s.organisation_id IN ({})", marks.join(", ")),
            )
        }
    };
    let sql = format!(
        "SELECT p.id, p.buyer_name, p.supplier_name, p.object, p.category, p.cpv, \
         p.purchased_on, p.amount_cents, p.insertion_hours, p.insertion_hours_done, \
         p.insertion_hours_counted_on, \
         (SELECT COUNT(*) FROM insertion_hour_declarations d WHERE d.purchase_id = p.id) \
           AS declarations \
         FROM purchases p {join} WHERE {IS_CLAUSE} {filter} \
         ORDER BY p.purchased_on DESC, p.id LIMIT $1"
    );
    let mut query = sqlx::query_as(&sql).bind(limit);
    for id in organisations.unwrap_or_default() {
        query = query.bind(id);
    }
    query.fetch_all(db).await
}

/// Moves the declarations of an import's lines that is being replaced to the same contracts
/// of the import replacing it, and gives those lines their running figure again: the same
/// supplier (folded name), day and amount, the nearest line of the file when several match.
/// Returns the declarations moved; those of a contract the new file no longer holds go with
/// its line.
pub async fn carry_over(
    tx: &mut Transaction<'_, Any>,
    from_import: &str,
    to_import: &str,
) -> Result<u64, sqlx::Error> {
    const SAME_CONTRACT: &str = "SELECT n.id FROM purchases n, purchases o \
        WHERE o.id = insertion_hour_declarations.purchase_id AND n.import_id = $2 \
        AND n.supplier_key = o.supplier_key AND n.purchased_on = o.purchased_on \
        AND n.amount_cents = o.amount_cents \
        ORDER BY ABS(COALESCE(n.line_number, 0) - COALESCE(o.line_number, 0)), n.line_number \
        LIMIT 1";
    let moved = sqlx::query(&format!(
        "UPDATE insertion_hour_declarations SET purchase_id = ({SAME_CONTRACT}) \
         WHERE purchase_id IN (SELECT id FROM purchases WHERE import_id = $1) \
         AND EXISTS ({SAME_CONTRACT})"
    ))
    .bind(from_import)
    .bind(to_import)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if moved == 0 {
        return Ok(0);
    }
    const LATEST: &str = "FROM insertion_hour_declarations d WHERE d.purchase_id = purchases.id \
        ORDER BY d.created_at DESC, d.id DESC LIMIT 1";
    sqlx::query(&format!(
        "UPDATE purchases SET insertion_hours_done = (SELECT d.hours_done {LATEST}), \
         insertion_hours_counted_on = (SELECT d.counted_on {LATEST}), \
         insertion_hours_declared_at = (SELECT d.created_at {LATEST}) \
         WHERE import_id = $1 AND EXISTS \
         (SELECT 1 FROM insertion_hour_declarations d WHERE d.purchase_id = purchases.id)"
    ))
    .bind(to_import)
    .execute(&mut **tx)
    .await?;
    super::ledger_changes::record(&mut **tx, "hours").await?;
    Ok(moved)
}
