//! The `need_milestones` table: the steps of a need that mail someone once (the buyer's
//! « 1, 2, 5 fournisseurs intéressés », the follow-up after the start date).

use sqlx::{Any, Transaction};

use super::Db;

/// Claims a milestone of a need; false when it was already reached (by this server or
/// another).
pub async fn claim(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    milestone: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO need_milestones (need_id, milestone, reached_at) VALUES ($1, $2, $3) \
         ON CONFLICT (need_id, milestone) DO NOTHING",
    )
    .bind(need_id)
    .bind(milestone)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// The awarded needs whose `milestone` is not reached, whose start day (or, without one,
/// deadline) is before `today` (`AAAA-MM-JJ`).
pub async fn awarded_started_without(
    db: &Db,
    milestone: &str,
    today: &str,
    limit: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT n.id FROM needs n WHERE n.state = 'awarded' \
         AND COALESCE(n.start_on, n.deadline_on) < $2 \
         AND NOT EXISTS (SELECT 1 FROM need_milestones m \
                         WHERE m.need_id = n.id AND m.milestone = $1) \
         ORDER BY n.id LIMIT $3",
    )
    .bind(milestone)
    .bind(today)
    .bind(limit)
    .fetch_all(db)
    .await
}
