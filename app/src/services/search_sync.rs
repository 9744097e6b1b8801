//! Keeps the search indexes true to the database: the outbox's entries are claimed, the
//! current rows reloaded, Meilisearch updated, and the entries deleted only once Meilisearch
//! has applied the change. Meilisearch being down never loses a change: the entries wait.

use std::collections::HashMap;

use crate::{
    db::{Db, search_outbox},
    search::{
        SearchEngine, SearchError,
        documents::{self, Changes},
        settings::{self, SETTINGS_VERSION},
    },
};

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// How long the lease and a claim last: past it, another server may take the work over.
pub const LEASE_MS: i64 = 30_000;
/// Entries handled per round.
const BATCH: i64 = 200;
/// Structures read per page by a full rebuild.
const PAGE: i64 = 500;
/// How long a rebuild waits for Meilisearch to index one page (behind the others).
const REBUILD_WAIT: std::time::Duration = std::time::Duration::from_secs(600);
/// Past this many entries waiting (a bulk import, a long outage), a full rebuild catches up
/// faster than entry by entry.
pub const CATCH_UP_ABOVE: i64 = 2_000;

/// Whether so many changes wait that a full rebuild is the faster way to catch up.
pub async fn needs_rebuild(db: &Db) -> Result<bool, SyncError> {
    Ok(search_outbox::pending(db).await? > CATCH_UP_ABOVE)
}

/// Sets the indexes up when their settings changed (or were never applied), and then queues
/// a full rebuild. Returns whether it did.
pub async fn ensure_settings(db: &Db, engine: &SearchEngine, now: i64) -> Result<bool, SyncError> {
    if search_outbox::settings_version(db).await?.as_deref() == Some(SETTINGS_VERSION) {
        return Ok(false);
    }
    engine.apply_settings("structures", &settings::structures()).await?;
    engine.apply_settings("offers", &settings::offers()).await?;
    let mut tx = crate::db::begin(db).await?;
    search_outbox::rebuild_all(&mut tx, SETTINGS_VERSION, now).await?;
    tx.commit().await?;
    tracing::info!(version = SETTINGS_VERSION, "search settings applied, full reindex queued");
    Ok(true)
}

/// One round: claims due entries as `worker`, brings the indexes up to date, and deletes the
/// entries. Returns how many entries were applied. On failure the entries are released, to
/// be retried after `retry_ms`.
///
/// `now` is the wall clock (leases are shared between servers); `today` is the application's
/// clock, which decides whether a label is still valid.
pub async fn sync_once(
    db: &Db,
    engine: &SearchEngine,
    worker: &str,
    now: i64,
    today: i64,
    retry_ms: i64,
) -> Result<usize, SyncError> {
    if !search_outbox::has_due(db, now).await? {
        return Ok(0);
    }
    // One server at a time applies the outbox: two servers applying readings of one item
    // concurrently could land an older reading after a newer one.
    if !search_outbox::hold_lease(db, worker, now, now + LEASE_MS).await? {
        return Ok(0);
    }
    let claimed = search_outbox::claim(db, worker, now, now + LEASE_MS, BATCH).await?;
    if claimed.is_empty() {
        return Ok(0);
    }
    let ids: Vec<String> = claimed.iter().map(|r| r.id.clone()).collect();
    match apply(db, engine, &claimed, today).await {
        Ok(()) => {
            search_outbox::done(db, &ids).await?;
            Ok(ids.len())
        }
        Err(error) => {
            search_outbox::release(db, &ids, now + retry_ms).await?;
            Err(error)
        }
    }
}

async fn apply(
    db: &Db,
    engine: &SearchEngine,
    claimed: &[search_outbox::OutboxRow],
    now: i64,
) -> Result<(), SyncError> {
    let mut changes = Changes::default();
    let profiles = documents::Profiles::load(db).await?;
    let mut seen = std::collections::HashSet::new();
    for row in claimed {
        if !seen.insert((row.entity.clone(), row.entity_id.clone())) {
            continue;
        }
        match row.entity.as_str() {
            "structure" => {
                documents::for_structure(db, &row.entity_id, now, &profiles, &mut changes).await?
            }
            _ => documents::for_offer(db, &row.entity_id, now, &profiles, &mut changes).await?,
        }
    }
    // The same document may come from a structure and from one of its offers: the last
    // reading wins, and a document put is not also removed.
    let structures: HashMap<String, _> =
        changes.structures.into_iter().map(|d| (d.id.clone(), d)).collect();
    let offers: HashMap<String, _> =
        changes.offers.into_iter().map(|d| (d.id.clone(), d)).collect();
    let structures_gone: Vec<String> =
        changes.structures_gone.into_iter().filter(|id| !structures.contains_key(id)).collect();
    let offers_gone: Vec<String> =
        changes.offers_gone.into_iter().filter(|id| !offers.contains_key(id)).collect();
    let structures: Vec<_> = structures.into_values().collect();
    let offers: Vec<_> = offers.into_values().collect();
    // Every change is handed over before waiting: Meilisearch applies one while the next
    // arrives, and the entries are deleted only once all of them are applied.
    let tasks = [
        engine.send("offers", &offers).await?,
        engine.send_removal("offers", &offers_gone).await?,
        engine.send("structures", &structures).await?,
        engine.send_removal("structures", &structures_gone).await?,
    ];
    for task in tasks.into_iter().flatten() {
        engine.wait(task).await?;
    }
    Ok(())
}

/// What a full rebuild did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rebuilt {
    pub structures: usize,
    pub offers: usize,
    pub millis: u128,
}

/// Rebuilds both indexes from the database into new indexes, then swaps them in: search
/// keeps answering from the old ones meanwhile. The outbox lease is held throughout, so
/// changes made during the rebuild wait in the outbox and are applied to the new indexes
/// right after the swap: none is lost. The request `token` is answered with the report.
/// Returns `None` when another server holds the lease.
pub async fn rebuild(
    db: &Db,
    engine: &SearchEngine,
    token: &str,
    worker: &str,
    clock: &(dyn Fn() -> i64 + Sync),
    today: i64,
) -> Result<Option<Rebuilt>, SyncError> {
    let started = std::time::Instant::now();
    if !search_outbox::hold_lease(db, worker, clock(), clock() + LEASE_MS).await? {
        return Ok(None);
    }
    for next in ["structures_next", "offers_next"] {
        engine.drop_index(next).await?;
    }
    engine.apply_settings("structures_next", &settings::structures()).await?;
    engine.apply_settings("offers_next", &settings::offers()).await?;
    // Everything in the outbox now is covered by what the rebuild reads next.
    let covered = search_outbox::all_ids(db).await?;
    let profiles = documents::Profiles::load(db).await?;
    let (mut structures, mut offers) = (0, 0);
    let mut tasks = Vec::new();
    let mut after = String::new();
    loop {
        let rows = crate::db::structures::published_after(db, &after, PAGE).await?;
        let Some(last) = rows.last() else { break };
        after = last.id.clone();
        let mut changes = Changes::default();
        for row in &rows {
            documents::for_structure(db, &row.id, today, &profiles, &mut changes).await?;
        }
        structures += changes.structures.len();
        offers += changes.offers.len();
        // Sent without waiting: Meilisearch indexes this page while the next one is read.
        tasks.extend(engine.send("structures_next", &changes.structures).await?);
        tasks.extend(engine.send("offers_next", &changes.offers).await?);
        // Keep the lease while the rebuild lasts.
        if !search_outbox::hold_lease(db, worker, clock(), clock() + LEASE_MS).await? {
            return Ok(None); // Lost to another server: its own rebuild or rounds take over.
        }
    }
    for task in tasks {
        engine.wait_patiently(task, REBUILD_WAIT).await?;
        if !search_outbox::hold_lease(db, worker, clock(), clock() + LEASE_MS).await? {
            return Ok(None); // Lost to another server: its own rebuild or rounds take over.
        }
    }
    engine.swap(&[("structures", "structures_next"), ("offers", "offers_next")]).await?;
    for old in ["structures_next", "offers_next"] {
        engine.drop_index(old).await?;
    }
    let millis = started.elapsed().as_millis();
    search_outbox::finish_rebuild(db, token, &covered, (structures, offers, millis)).await?;
    Ok(Some(Rebuilt { structures, offers, millis }))
}
