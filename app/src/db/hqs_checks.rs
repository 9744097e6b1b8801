//! The `hqs_checks` table: compliance checks.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct CheckRow {
    pub id: String,
    pub buyer_organisation_id: String,
    pub profile_id: Option<String>,
    pub profile_name: String,
    pub referential_version: i64,
    /// JSON of the profile's `Requirements` when the check opened.
    pub requirements: String,
    pub structure_id: String,
    pub offer_id: Option<String>,
    pub state: String,
    /// JSON of the latest `Evaluation`.
    pub evaluation: String,
    pub decision: Option<String>,
    pub decision_comment: Option<String>,
    pub opened_by: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// `buyer` for a buyer's check, `label` for the file of a label application.
    pub purpose: String,
}

/// The purposes of a check.
pub const FOR_BUYER: &str = "buyer";
pub const FOR_LABEL: &str = "label";

const COLUMNS: &str = "id, buyer_organisation_id, profile_id, profile_name, referential_version, \
                       requirements, structure_id, offer_id, state, evaluation, decision, \
                       decision_comment, opened_by, decided_by, decided_at, created_at, updated_at, \
                       purpose";

pub async fn insert(tx: &mut Transaction<'_, Any>, row: &CheckRow) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "INSERT INTO hqs_checks ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
         $11, $12, $13, $14, $15, $16, $17, $18)"
    ))
    .bind(&row.id)
    .bind(&row.buyer_organisation_id)
    .bind(&row.profile_id)
    .bind(&row.profile_name)
    .bind(row.referential_version)
    .bind(&row.requirements)
    .bind(&row.structure_id)
    .bind(&row.offer_id)
    .bind(&row.state)
    .bind(&row.evaluation)
    .bind(&row.decision)
    .bind(&row.decision_comment)
    .bind(&row.opened_by)
    .bind(&row.decided_by)
    .bind(row.decided_at)
    .bind(row.created_at)
    .bind(row.updated_at)
    .bind(&row.purpose)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Saves a check read as `before` (state and time of change unchanged since), with its new
/// state, evaluation and decision; false when another change came first.
pub async fn transition_unchanged(
    tx: &mut Transaction<'_, Any>,
    row: &CheckRow,
    before: &CheckRow,
) -> Result<bool, sqlx::Error> {
    save(tx, row, &before.state, Some(before.updated_at)).await
}

/// Moves a check from `from` to its new state, with its latest evaluation and decision;
/// false when another change moved it first.
pub async fn transition(
    tx: &mut Transaction<'_, Any>,
    row: &CheckRow,
    from: &str,
) -> Result<bool, sqlx::Error> {
    save(tx, row, from, None).await
}

/// The update behind both: the check must still be in `from` (and, when given, unchanged
/// since `since`).
async fn save(
    tx: &mut Transaction<'_, Any>,
    row: &CheckRow,
    from: &str,
    since: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let unchanged = if since.is_some() { " AND updated_at = $10" } else { "" };
    let sql = format!(
        "UPDATE hqs_checks SET state = $2, evaluation = $3, decision = $4, \
         decision_comment = $5, decided_by = $6, decided_at = $7, updated_at = $8 \
         WHERE id = $1 AND state = $9{unchanged}"
    );
    let mut query = sqlx::query(&sql)
        .bind(&row.id)
        .bind(&row.state)
        .bind(&row.evaluation)
        .bind(&row.decision)
        .bind(&row.decision_comment)
        .bind(&row.decided_by)
        .bind(row.decided_at)
        .bind(row.updated_at)
        .bind(from);
    if let Some(since) = since {
        query = query.bind(since);
    }
    Ok(query.execute(&mut **tx).await?.rows_affected() == 1)
}

pub async fn find<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    id: &str,
) -> Result<Option<CheckRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM hqs_checks WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// A check in a list, with the names people read.
#[derive(Debug, Clone, FromRow)]
pub struct ListedCheck {
    pub id: String,
    pub profile_name: String,
    pub buyer_name: String,
    pub structure_name: String,
    pub offer_title: Option<String>,
    pub state: String,
    pub decision: Option<String>,
    pub updated_at: i64,
}

/// Buyers' checks opened by `buyers` or about structures of `suppliers` (all when
/// `everything`); label files are listed with their labels.
pub async fn listed(
    db: &Db,
    buyers: &[String],
    suppliers: &[String],
    everything: bool,
) -> Result<Vec<ListedCheck>, sqlx::Error> {
    let list = |first: usize, n: usize| -> String {
        if n == 0 {
            return "''".to_owned();
        }
        (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
    };
    let sql = format!(
        "SELECT c.id, c.profile_name, b.name AS buyer_name, s.name AS structure_name, \
         o.title AS offer_title, c.state, c.decision, c.updated_at FROM hqs_checks c \
         JOIN organisations b ON b.id = c.buyer_organisation_id \
         JOIN structures s ON s.id = c.structure_id \
         LEFT JOIN offers o ON o.id = c.offer_id \
         WHERE c.purpose = 'buyer' AND ({} OR c.buyer_organisation_id IN ({}) \
         OR s.organisation_id IN ({})) \
         ORDER BY c.updated_at DESC, c.id LIMIT 500",
        if everything { "TRUE" } else { "FALSE" },
        list(1, buyers.len()),
        list(1 + buyers.len(), suppliers.len()),
    );
    let mut query = sqlx::query_as(&sql);
    for id in buyers.iter().chain(suppliers) {
        query = query.bind(id);
    }
    query.fetch_all(db).await
}
