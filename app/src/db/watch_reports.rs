//! The `watch_report_subscriptions` and `watch_report_sends` tables: who receives the watch's
//! scheduled report, and which reports went out.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct Subscription {
    pub user_id: String,
    pub frequency: String,
    /// `AAAA-MM-JJ`.
    pub since: String,
}

/// Sets the person's choice; `since` changes only when the frequency does.
pub async fn upsert(
    tx: &mut Transaction<'_, Any>,
    user_id: &str,
    frequency: &str,
    since: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO watch_report_subscriptions (user_id, frequency, since, updated_at) \
         VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id) DO UPDATE SET \
           since = CASE WHEN watch_report_subscriptions.frequency = excluded.frequency \
                   THEN watch_report_subscriptions.since ELSE excluded.since END, \
           frequency = excluded.frequency, updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(frequency)
    .bind(since)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn delete(tx: &mut Transaction<'_, Any>, user_id: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM watch_report_subscriptions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn find(db: &Db, user_id: &str) -> Result<Option<Subscription>, sqlx::Error> {
    sqlx::query_as(
        "SELECT user_id, frequency, since FROM watch_report_subscriptions WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(db)
    .await
}

/// The subscriptions at `frequency` whose report of `period` is not sent, made on or before
/// `sending_day`, at most `limit`.
pub async fn unsent(
    db: &Db,
    frequency: &str,
    period: &str,
    sending_day: &str,
    limit: i64,
) -> Result<Vec<Subscription>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.user_id, s.frequency, s.since FROM watch_report_subscriptions s \
         WHERE s.frequency = $1 AND s.since <= $3 \
         AND NOT EXISTS (SELECT 1 FROM watch_report_sends r \
                         WHERE r.user_id = s.user_id AND r.period = $2) \
         ORDER BY s.user_id LIMIT $4",
    )
    .bind(frequency)
    .bind(period)
    .bind(sending_day)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Claims the sending of a person's report of `period`; false when it was already sent (by
/// this server or another).
pub async fn claim_send(
    tx: &mut Transaction<'_, Any>,
    user_id: &str,
    period: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO watch_report_sends (user_id, period, sent_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id, period) DO NOTHING",
    )
    .bind(user_id)
    .bind(period)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}
