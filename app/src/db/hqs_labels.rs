//! The `hqs_labels` and `hqs_label_numbers` tables: label files and the numbers of granted
//! labels.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::label::FileSummary;

#[derive(Debug, Clone, FromRow)]
pub struct LabelRow {
    pub id: String,
    pub structure_id: String,
    /// The file: evidence, reviews and evaluation.
    pub check_id: String,
    pub label_version: i64,
    pub state: String,
    pub number: Option<String>,
    pub level: Option<String>,
    pub score: Option<i64>,
    /// `AAAA-MM-JJ`.
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub preparer_id: Option<String>,
    pub recommendation: Option<String>,
    /// The check's time of change when the file was prepared.
    pub prepared_file: Option<i64>,
    pub decider_id: Option<String>,
    /// The latest reason given (refusal, suspension, withdrawal, return).
    pub reason: Option<String>,
    /// The structure's answer to a suspension.
    pub response: Option<String>,
    /// Reminders sent, by code, separated by commas.
    pub reminders: String,
    pub renewal_of: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl LabelRow {
    /// What deciding whether the file is held reads (`domain::label::holding`).
    pub fn summary(&self) -> FileSummary<'_> {
        FileSummary {
            state: &self.state,
            number: self.number.as_deref(),
            level: self.level.as_deref(),
            valid_until: self.valid_until.as_deref(),
        }
    }
}

const COLUMNS: &str = "id, structure_id, check_id, label_version, state, number, level, score, \
                       valid_from, valid_until, preparer_id, recommendation, prepared_file, \
                       decider_id, reason, response, reminders, renewal_of, created_at, \
                       updated_at";

pub async fn insert(tx: &mut Transaction<'_, Any>, row: &LabelRow) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "INSERT INTO hqs_labels ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
         $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)"
    ))
    .bind(&row.id)
    .bind(&row.structure_id)
    .bind(&row.check_id)
    .bind(row.label_version)
    .bind(&row.state)
    .bind(&row.number)
    .bind(&row.level)
    .bind(row.score)
    .bind(&row.valid_from)
    .bind(&row.valid_until)
    .bind(&row.preparer_id)
    .bind(&row.recommendation)
    .bind(row.prepared_file)
    .bind(&row.decider_id)
    .bind(&row.reason)
    .bind(&row.response)
    .bind(&row.reminders)
    .bind(&row.renewal_of)
    .bind(row.created_at)
    .bind(row.updated_at)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Saves a file read as `before`; false when another change came first (its state or its
/// time of change differ), so that two servers never both take a step.
pub async fn update(
    tx: &mut Transaction<'_, Any>,
    row: &LabelRow,
    before: &LabelRow,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE hqs_labels SET state = $2, number = $3, level = $4, score = $5, \
         valid_from = $6, valid_until = $7, preparer_id = $8, recommendation = $9, \
         decider_id = $10, reason = $11, response = $12, reminders = $13, updated_at = $14, \
         prepared_file = $18 \
         WHERE id = $1 AND state = $15 AND updated_at = $16 AND reminders = $17",
    )
    .bind(&row.id)
    .bind(&row.state)
    .bind(&row.number)
    .bind(&row.level)
    .bind(row.score)
    .bind(&row.valid_from)
    .bind(&row.valid_until)
    .bind(&row.preparer_id)
    .bind(&row.recommendation)
    .bind(&row.decider_id)
    .bind(&row.reason)
    .bind(&row.response)
    .bind(&row.reminders)
    .bind(row.updated_at)
    .bind(&before.state)
    .bind(before.updated_at)
    .bind(&before.reminders)
    .bind(row.prepared_file)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn find<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    id: &str,
) -> Result<Option<LabelRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM hqs_labels WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// The file whose check is `check_id`.
pub async fn of_check(db: &Db, check_id: &str) -> Result<Option<LabelRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM hqs_labels WHERE check_id = $1"))
        .bind(check_id)
        .fetch_optional(db)
        .await
}

/// A structure's files, newest first.
pub async fn of_structure<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    structure_id: &str,
) -> Result<Vec<LabelRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM hqs_labels WHERE structure_id = $1 \
         ORDER BY created_at DESC, id DESC"
    ))
    .bind(structure_id)
    .fetch_all(db)
    .await
}

/// Files in one of `states`, oldest change first (all of them: the sweep must see every
/// held label).
pub async fn in_states(db: &Db, states: &[&str]) -> Result<Vec<LabelRow>, sqlx::Error> {
    let marks: Vec<String> = (1..=states.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM hqs_labels WHERE state IN ({}) ORDER BY updated_at, id",
        if marks.is_empty() { "''".to_owned() } else { marks.join(", ") }
    );
    let mut query = sqlx::query_as(&sql);
    for state in states {
        query = query.bind(*state);
    }
    query.fetch_all(db).await
}

/// The latest file carrying `number`.
pub async fn by_number(db: &Db, number: &str) -> Result<Option<LabelRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM hqs_labels WHERE number = $1 \
         ORDER BY created_at DESC, id DESC LIMIT 1"
    ))
    .bind(number)
    .fetch_optional(db)
    .await
}

/// Reserves the next number of `year` (`HQS-<year>-<n>`) for a structure; `None` when
/// another grant took it first (the caller tries again).
pub async fn reserve_number(
    tx: &mut Transaction<'_, Any>,
    year: i64,
    structure_id: &str,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    let prefix = format!("HQS-{year:04}-");
    let taken: Vec<(String,)> =
        sqlx::query_as("SELECT number FROM hqs_label_numbers WHERE number LIKE $1")
            .bind(format!("{prefix}%"))
            .fetch_all(&mut **tx)
            .await?;
    let next = taken
        .iter()
        .filter_map(|(n,)| n.strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    let number = crate::domain::label::LabelNumber::new(year, next).to_string();
    let done = sqlx::query(
        "INSERT INTO hqs_label_numbers (number, structure_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (number) DO NOTHING",
    )
    .bind(&number)
    .bind(structure_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok((done.rows_affected() == 1).then_some(number))
}

/// A granted label in the public registry.
#[derive(Debug, Clone, FromRow)]
pub struct RegistryRow {
    pub number: String,
    pub level: Option<String>,
    pub valid_until: String,
    pub structure_name: String,
    pub structure_slug: String,
    pub commune_name: Option<String>,
}

/// Labels held now (granted), by structure name.
pub async fn registry(db: &Db) -> Result<Vec<RegistryRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT l.number, l.level, l.valid_until, s.name AS structure_name, \
         s.slug AS structure_slug, s.commune_name FROM hqs_labels l \
         JOIN structures s ON s.id = l.structure_id \
         WHERE l.state = 'granted' AND s.status = 'published' ORDER BY s.name, l.number",
    )
    .fetch_all(db)
    .await
}
