//! The `join_requests` table: a person asks to join an organisation; its owners decide.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    organisation_id: &str,
    user_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO join_requests (id, organisation_id, user_id, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(organisation_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn has_pending(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    user_id: &str,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM join_requests \
         WHERE organisation_id = $1 AND user_id = $2 AND status = 'pending'",
    )
    .bind(organisation_id)
    .bind(user_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(n > 0)
}

#[derive(Debug, Clone, FromRow)]
pub struct PendingRow {
    pub id: String,
    pub user_id: String,
    pub display_name: String,
    pub email: Option<String>,
}

pub async fn pending_for(db: &Db, organisation_id: &str) -> Result<Vec<PendingRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT j.id, j.user_id, u.display_name, u.email FROM join_requests j \
         JOIN users u ON u.id = j.user_id \
         WHERE j.organisation_id = $1 AND j.status = 'pending' ORDER BY j.created_at",
    )
    .bind(organisation_id)
    .fetch_all(db)
    .await
}

/// Decides a pending request of `organisation_id`; returns its requester, or None if there
/// is no such pending request.
pub async fn decide(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    organisation_id: &str,
    accepted: bool,
    decided_by: &str,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    let user: Option<String> = sqlx::query_scalar(
        "SELECT user_id FROM join_requests WHERE id = $1 AND organisation_id = $2 AND status = 'pending'",
    )
    .bind(id)
    .bind(organisation_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(user) = user else { return Ok(None) };
    let updated = sqlx::query(
        "UPDATE join_requests SET status = $2, decided_by = $3, decided_at = $4 \
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(if accepted { "accepted" } else { "refused" })
    .bind(decided_by)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok((updated.rows_affected() == 1).then_some(user))
}
