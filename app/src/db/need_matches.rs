//! The `need_matches` table: the structures a need was matched to, and their steps.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::needs::ladder::Steps;

#[derive(Debug, Clone)]
pub struct NewMatch<'a> {
    pub structure_id: &'a str,
    pub rank: i64,
    pub reasons: &'a [String],
    pub distance_km: Option<f64>,
}

/// Replaces the need's matches.
pub async fn replace(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    matches: &[NewMatch<'_>],
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM need_matches WHERE need_id = $1")
        .bind(need_id)
        .execute(&mut **tx)
        .await?;
    for m in matches {
        sqlx::query(
            "INSERT INTO need_matches (need_id, structure_id, rank, reasons, distance_km, matched_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(need_id)
        .bind(m.structure_id)
        .bind(m.rank)
        .bind(serde_json::to_string(m.reasons).unwrap_or_else(|_| "[]".into()))
        .bind(m.distance_km)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct MatchRow {
    pub need_id: String,
    pub structure_id: String,
    pub name: String,
    pub slug: String,
    pub organisation_id: Option<String>,
    pub rank: i64,
    pub reasons: String,
    pub distance_km: Option<f64>,
    pub notified_at: Option<i64>,
    pub opened_at: Option<i64>,
    pub viewed_at: Option<i64>,
    pub interested_at: Option<i64>,
    pub declined_at: Option<i64>,
    pub decline_reason: Option<String>,
    pub quoted_at: Option<i64>,
    pub shortlisted_at: Option<i64>,
    pub awarded_at: Option<i64>,
    pub not_retained_at: Option<i64>,
}

impl MatchRow {
    pub fn reasons(&self) -> Vec<String> {
        serde_json::from_str(&self.reasons).unwrap_or_default()
    }

    pub fn steps(&self) -> Steps {
        Steps {
            notified_at: self.notified_at,
            opened_at: self.opened_at,
            viewed_at: self.viewed_at,
            interested_at: self.interested_at,
            declined_at: self.declined_at,
            quoted_at: self.quoted_at,
            shortlisted_at: self.shortlisted_at,
            awarded_at: self.awarded_at,
            not_retained_at: self.not_retained_at,
        }
    }
}

const MATCH_COLUMNS: &str = "m.need_id, m.structure_id, s.name, s.slug, s.organisation_id, \
    m.rank, m.reasons, m.distance_km, m.notified_at, m.opened_at, m.viewed_at, \
    m.interested_at, m.declined_at, m.decline_reason, \
    (SELECT q.updated_at FROM quotes q WHERE q.need_id = m.need_id AND q.structure_id = m.structure_id) AS quoted_at, \
    m.shortlisted_at, m.awarded_at, m.not_retained_at";

/// One match of a need.
pub async fn find<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    need_id: &str,
    structure_id: &str,
) -> Result<Option<MatchRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {MATCH_COLUMNS} FROM need_matches m JOIN structures s ON s.id = m.structure_id \
         WHERE m.need_id = $1 AND m.structure_id = $2"
    ))
    .bind(need_id)
    .bind(structure_id)
    .fetch_optional(db)
    .await
}

/// The step a structure took on a need: one of the `*_at` columns, set once (the first
/// time counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Notified,
    Opened,
    Viewed,
    Interested,
    Declined,
    Shortlisted,
    Awarded,
    NotRetained,
}

impl Mark {
    fn column(self) -> &'static str {
        match self {
            Self::Notified => "notified_at",
            Self::Opened => "opened_at",
            Self::Viewed => "viewed_at",
            Self::Interested => "interested_at",
            Self::Declined => "declined_at",
            Self::Shortlisted => "shortlisted_at",
            Self::Awarded => "awarded_at",
            Self::NotRetained => "not_retained_at",
        }
    }
}

/// Sets a step's instant if it was not set; false when it was (or no such match). Two
/// servers claiming the same notification: one wins.
pub async fn mark(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    structure_id: &str,
    mark: Mark,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let column = mark.column();
    let done = sqlx::query(&format!(
        "UPDATE need_matches SET {column} = $3 \
         WHERE need_id = $1 AND structure_id = $2 AND {column} IS NULL"
    ))
    .bind(need_id)
    .bind(structure_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Clears a step (a shortlist undone; an interest turned into a refusal or back).
pub async fn unmark(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    structure_id: &str,
    mark: Mark,
) -> Result<(), sqlx::Error> {
    let column = mark.column();
    sqlx::query(&format!(
        "UPDATE need_matches SET {column} = NULL WHERE need_id = $1 AND structure_id = $2"
    ))
    .bind(need_id)
    .bind(structure_id)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn set_decline_reason(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    structure_id: &str,
    reason: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE need_matches SET decline_reason = $3 WHERE need_id = $1 AND structure_id = $2",
    )
    .bind(need_id)
    .bind(structure_id)
    .bind(reason)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// The next structures to tell of a need, in rank order.
pub async fn not_notified(
    db: &Db,
    need_id: &str,
    limit: i64,
) -> Result<Vec<MatchRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {MATCH_COLUMNS} FROM need_matches m JOIN structures s ON s.id = m.structure_id \
         WHERE m.need_id = $1 AND m.notified_at IS NULL ORDER BY m.rank LIMIT $2"
    ))
    .bind(need_id)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// How many structures of the need were told of it since `since`, and how many are
/// interested.
pub async fn notification_counts(
    db: &Db,
    need_id: &str,
    since: i64,
) -> Result<(i64, i64, Option<i64>), sqlx::Error> {
    sqlx::query_as(
        "SELECT \
           COALESCE(SUM(CASE WHEN notified_at >= $2 THEN 1 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN interested_at IS NOT NULL THEN 1 ELSE 0 END), 0), \
           MAX(notified_at) \
         FROM need_matches WHERE need_id = $1",
    )
    .bind(need_id)
    .bind(since)
    .fetch_one(db)
    .await
}

/// The structures a need reaches, in order.
pub async fn of_need(db: &Db, need_id: &str) -> Result<Vec<MatchRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {MATCH_COLUMNS} FROM need_matches m JOIN structures s ON s.id = m.structure_id \
         WHERE m.need_id = $1 ORDER BY m.rank, s.name"
    ))
    .bind(need_id)
    .fetch_all(db)
    .await
}

/// The needs matched to structures of the given organisations (a supplier's workspace).
pub async fn of_organisations(
    db: &Db,
    organisation_ids: &[String],
) -> Result<Vec<MatchRow>, sqlx::Error> {
    of_organisations_in(db, organisation_ids, None).await
}

/// The same, for one need only (its page).
pub async fn of_organisations_for(
    db: &Db,
    organisation_ids: &[String],
    need_id: &str,
) -> Result<Vec<MatchRow>, sqlx::Error> {
    of_organisations_in(db, organisation_ids, Some(need_id)).await
}

async fn of_organisations_in(
    db: &Db,
    organisation_ids: &[String],
    need_id: Option<&str>,
) -> Result<Vec<MatchRow>, sqlx::Error> {
    if organisation_ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (2..=organisation_ids.len() + 1).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT {MATCH_COLUMNS} FROM need_matches m JOIN structures s ON s.id = m.structure_id \
         JOIN needs n ON n.id = m.need_id \
         WHERE s.organisation_id IN ({}) AND n.state IN ('published', 'awarded') \
         AND ($1 IS NULL OR m.need_id = $1) \
         ORDER BY n.deadline_on DESC, n.id",
        marks.join(", ")
    );
    let mut query = sqlx::query_as(&sql).bind(need_id);
    for id in organisation_ids {
        query = query.bind(id);
    }
    query.fetch_all(db).await
}

/// The structures of a need told of it before `notified_before` that neither opened it nor
/// answered nor were reminded: those a reminder may go to.
pub async fn to_remind(
    db: &Db,
    need_id: &str,
    notified_before: i64,
) -> Result<Vec<MatchRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {MATCH_COLUMNS} FROM need_matches m JOIN structures s ON s.id = m.structure_id \
         WHERE m.need_id = $1 AND m.notified_at <= $2 AND {} ORDER BY m.rank",
        untouched("m")
    ))
    .bind(need_id)
    .bind(notified_before)
    .fetch_all(db)
    .await
}

/// A match nobody of the structure acted on: not reminded, not opened, not viewed, not
/// answered, no quote; `t` names the `need_matches` table in the query.
fn untouched(t: &str) -> String {
    format!(
        "{t}.reminded_at IS NULL AND {t}.opened_at IS NULL AND {t}.viewed_at IS NULL \
         AND {t}.interested_at IS NULL AND {t}.declined_at IS NULL \
         AND NOT EXISTS (SELECT 1 FROM quotes q \
                         WHERE q.need_id = {t}.need_id AND q.structure_id = {t}.structure_id)"
    )
}

/// Claims the reminder of a structure that is still untouched; false when it was reminded
/// (by this server or another) or acted in between.
pub async fn claim_reminder(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    structure_id: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(&format!(
        "UPDATE need_matches SET reminded_at = $3 \
         WHERE need_id = $1 AND structure_id = $2 AND notified_at IS NOT NULL AND {}",
        untouched("need_matches")
    ))
    .bind(need_id)
    .bind(structure_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// How many structures say they are interested in the need.
pub async fn interested_count<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    need_id: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM need_matches WHERE need_id = $1 AND interested_at IS NOT NULL",
    )
    .bind(need_id)
    .fetch_one(db)
    .await
}
