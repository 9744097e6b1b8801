//! The `search_outbox` table: changes waiting to reach the search index.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

/// What changed: a structure (its offers are reindexed with it) or one offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Structure,
    Offer,
}

impl Entity {
    pub fn code(self) -> &'static str {
        match self {
            Self::Structure => "structure",
            Self::Offer => "offer",
        }
    }
}

#[derive(Debug, Clone, FromRow)]
pub struct OutboxRow {
    pub id: String,
    pub entity: String,
    pub entity_id: String,
}

/// Records a change, in the transaction that makes it.
pub async fn enqueue(
    tx: &mut Transaction<'_, Any>,
    entity: Entity,
    entity_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO search_outbox (id, entity, entity_id, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(entity.code())
    .bind(entity_id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Claims up to `limit` due entries, oldest first, for `worker` until `lease_until`, and
/// returns them. The claim re-checks that each entry is still free, so that two servers
/// claiming at once never get the same entry.
pub async fn claim(
    db: &Db,
    worker: &str,
    now: i64,
    lease_until: i64,
    limit: i64,
) -> Result<Vec<OutboxRow>, sqlx::Error> {
    sqlx::query(
        "UPDATE search_outbox SET claimed_by = $1, claimed_until = $2, attempts = attempts + 1 \
         WHERE (claimed_until IS NULL OR claimed_until < $3) AND id IN ( \
           SELECT id FROM search_outbox WHERE claimed_until IS NULL OR claimed_until < $3 \
           ORDER BY created_at, id LIMIT $4)",
    )
    .bind(worker)
    .bind(lease_until)
    .bind(now)
    .bind(limit)
    .execute(db)
    .await?;
    sqlx::query_as(
        "SELECT id, entity, entity_id FROM search_outbox \
         WHERE claimed_by = $1 AND claimed_until = $2 ORDER BY created_at, id",
    )
    .bind(worker)
    .bind(lease_until)
    .fetch_all(db)
    .await
}

/// Removes entries the index has applied.
pub async fn done(db: &Db, ids: &[String]) -> Result<(), sqlx::Error> {
    let mut tx = super::begin(db).await?;
    delete(&mut tx, ids).await?;
    tx.commit().await
}

async fn delete(tx: &mut Transaction<'_, Any>, ids: &[String]) -> Result<(), sqlx::Error> {
    for chunk in ids.chunks(CHUNK) {
        let sql = format!("DELETE FROM search_outbox WHERE id IN ({})", placeholders(chunk, 1));
        let mut query = sqlx::query(&sql);
        for id in chunk {
            query = query.bind(id);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Gives entries back, to be tried again from `retry_at`.
pub async fn release(db: &Db, ids: &[String], retry_at: i64) -> Result<(), sqlx::Error> {
    let mut tx = super::begin(db).await?;
    for chunk in ids.chunks(CHUNK) {
        let sql = format!(
            "UPDATE search_outbox SET claimed_by = NULL, claimed_until = $1 WHERE id IN ({})",
            placeholders(chunk, 2)
        );
        let mut query = sqlx::query(&sql).bind(retry_at);
        for id in chunk {
            query = query.bind(id);
        }
        query.execute(&mut *tx).await?;
    }
    tx.commit().await
}

/// Ids per statement: well under SQLite's and PostgreSQL's limits on parameters.
const CHUNK: usize = 500;

/// `$first, $first+1, …`, one per item.
fn placeholders<T>(items: &[T], first: usize) -> String {
    (first..first + items.len()).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ")
}

/// The ids of every entry now in the outbox (a full rebuild covers them all).
pub async fn all_ids(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM search_outbox").fetch_all(db).await
}

/// Whether some entry is due (free, or its claim expired): an idle worker's check, which
/// writes nothing.
pub async fn has_due(db: &Db, now: i64) -> Result<bool, sqlx::Error> {
    let due: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM search_outbox WHERE claimed_until IS NULL OR claimed_until < $1 LIMIT 1",
    )
    .bind(now)
    .fetch_optional(db)
    .await?;
    Ok(due.is_some())
}

pub async fn pending(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM search_outbox").fetch_one(db).await
}

/// The settings version the indexes were last set up with.
pub async fn settings_version(db: &Db) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT value FROM search_state WHERE key = 'settings_version'")
        .fetch_optional(db)
        .await
}

/// Records the settings version and queues every structure (and so every offer) for
/// reindexing, in one transaction.
pub async fn rebuild_all(
    tx: &mut Transaction<'_, Any>,
    version: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM search_state WHERE key = 'settings_version'")
        .execute(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO search_state (key, value) VALUES ('settings_version', $1)")
        .bind(version)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO search_outbox (id, entity, entity_id, created_at) \
         SELECT $2 || id, 'structure', id, $1 FROM structures",
    )
    .bind(now)
    .bind(format!("rebuild-{}-", uuid::Uuid::new_v4().simple()))
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Takes or renews the outbox lease for `worker` until `until`; false when another server
/// holds it.
pub async fn hold_lease(db: &Db, worker: &str, now: i64, until: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE search_lease SET holder = $1, until = $2 \
         WHERE name = 'outbox' AND (holder = $1 OR until < $3)",
    )
    .bind(worker)
    .bind(until)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A value of the search state (`reindex_requested`, `reindex_done`…).
pub async fn state(db: &Db, key: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT value FROM search_state WHERE key = $1")
        .bind(key)
        .fetch_optional(db)
        .await
}

pub async fn set_state(db: &Db, key: &str, value: Option<&str>) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM search_state WHERE key = $1").bind(key).execute(db).await?;
    if let Some(value) = value {
        sqlx::query("INSERT INTO search_state (key, value) VALUES ($1, $2)")
            .bind(key)
            .bind(value)
            .execute(db)
            .await?;
    }
    Ok(())
}

/// Asks for a full rebuild; `token` (no spaces) names the request, so that its asker finds
/// its own report (see [`rebuild_report`]).
pub async fn request_rebuild(db: &Db, token: &str) -> Result<(), sqlx::Error> {
    set_state(db, "reindex_requested", Some(token)).await
}

/// The pending request's token, if any.
pub async fn rebuild_requested(db: &Db) -> Result<Option<String>, sqlx::Error> {
    state(db, "reindex_requested").await
}

/// Ends the rebuild asked for with `token`, in one transaction: removes the entries it
/// covered, records its report, and clears the request only if it is still that one (a
/// request made during the rebuild waits for the next). Whoever sees the outbox empty then
/// also finds the report.
pub async fn finish_rebuild(
    db: &Db,
    token: &str,
    covered: &[String],
    (structures, offers, millis): (usize, usize, u128),
) -> Result<(), sqlx::Error> {
    let mut tx = super::begin(db).await?;
    delete(&mut tx, covered).await?;
    sqlx::query("DELETE FROM search_state WHERE key = 'reindex_done'").execute(&mut *tx).await?;
    sqlx::query("INSERT INTO search_state (key, value) VALUES ('reindex_done', $1)")
        .bind(format!("{token} {structures} {offers} {millis}"))
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM search_state WHERE key = 'reindex_requested' AND value = $1")
        .bind(token)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// The report of the rebuild asked for with `token`, once done: (structures, offers,
/// milliseconds).
pub async fn rebuild_report(db: &Db, token: &str) -> Result<Option<(u64, u64, u64)>, sqlx::Error> {
    let Some(done) = state(db, "reindex_done").await? else { return Ok(None) };
    let parts: Vec<&str> = done.split(' ').collect();
    Ok(match parts.as_slice() {
        [t, s, o, ms] if *t == token => match (s.parse(), o.parse(), ms.parse()) {
            (Ok(s), Ok(o), Ok(ms)) => Some((s, o, ms)),
            _ => None,
        },
        _ => None,
    })
}
