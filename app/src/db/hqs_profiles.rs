//! The `hqs_profiles` table: buyers' requirement profiles.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct ProfileRow {
    pub id: String,
    pub organisation_id: String,
    pub name: String,
    pub description: String,
    pub shared: i64,
    pub referential_version: i64,
    /// JSON of `domain::hqs::Requirements`.
    pub requirements: String,
    pub template: Option<String>,
    pub archived_at: Option<i64>,
    pub created_by: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A profile with its organisation's name, for lists.
#[derive(Debug, Clone, FromRow)]
pub struct ListedProfile {
    pub id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub name: String,
    pub shared: i64,
    pub referential_version: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, organisation_id, name, description, shared, referential_version, \
                       requirements, template, archived_at, created_by, created_at, updated_at";

pub async fn insert(tx: &mut Transaction<'_, Any>, row: &ProfileRow) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "INSERT INTO hqs_profiles ({COLUMNS}) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    ))
    .bind(&row.id)
    .bind(&row.organisation_id)
    .bind(&row.name)
    .bind(&row.description)
    .bind(row.shared)
    .bind(row.referential_version)
    .bind(&row.requirements)
    .bind(&row.template)
    .bind(row.archived_at)
    .bind(&row.created_by)
    .bind(row.created_at)
    .bind(row.updated_at)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Replaces what the owner edits.
pub async fn update(tx: &mut Transaction<'_, Any>, row: &ProfileRow) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE hqs_profiles SET name = $2, description = $3, shared = $4, \
         referential_version = $5, requirements = $6, updated_at = $7 WHERE id = $1",
    )
    .bind(&row.id)
    .bind(&row.name)
    .bind(&row.description)
    .bind(row.shared)
    .bind(row.referential_version)
    .bind(&row.requirements)
    .bind(row.updated_at)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn archive(tx: &mut Transaction<'_, Any>, id: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE hqs_profiles SET archived_at = $2, updated_at = $2 WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(&mut **tx)
        .await
        .map(|_| ())
}

pub async fn find(db: &Db, id: &str) -> Result<Option<ProfileRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM hqs_profiles WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

const LISTED: &str = "SELECT p.id, p.organisation_id, o.name AS organisation_name, p.name, \
                      p.shared, p.referential_version, p.updated_at \
                      FROM hqs_profiles p JOIN organisations o ON o.id = p.organisation_id";

/// The profiles a person may use: those of `organisations` and the shared ones (all when
/// `everything`, for the pôle). Archived ones are left out.
pub async fn visible(
    db: &Db,
    organisations: &[String],
    everything: bool,
) -> Result<Vec<ListedProfile>, sqlx::Error> {
    let placeholders: Vec<String> = (1..=organisations.len()).map(|n| format!("${n}")).collect();
    let mine = if placeholders.is_empty() {
        "FALSE".to_owned()
    } else {
        format!("p.organisation_id IN ({})", placeholders.join(", "))
    };
    let everything = if everything { "TRUE" } else { "FALSE" };
    let sql = format!(
        "{LISTED} WHERE p.archived_at IS NULL AND (p.shared = 1 OR {mine} OR {everything}) \
         ORDER BY o.name, p.name, p.id"
    );
    let mut query = sqlx::query_as(&sql);
    for id in organisations {
        query = query.bind(id);
    }
    query.fetch_all(db).await
}

/// Every profile in use (not archived): the search index keeps which ones each structure
/// satisfies.
pub async fn active(db: &Db) -> Result<Vec<ProfileRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM hqs_profiles WHERE archived_at IS NULL ORDER BY id"
    ))
    .fetch_all(db)
    .await
}
