//! The search worker: applies the search outbox to Meilisearch, continuously, backing off
//! while Meilisearch is unreachable. Several servers may run one each: leases in the outbox
//! make each entry processed by one of them.

use std::time::Duration;

use app::{
    clock::{Clock, SharedClock, SystemClock},
    db::Db,
    db::search_outbox,
    search::SearchEngine,
    services::search_sync::{ensure_settings, needs_rebuild, rebuild, sync_once},
};
use tokio::sync::watch;

/// Pause between rounds when the outbox is empty: how long a change may wait before the
/// worker sees it. An idle round only reads: whether a rebuild is asked for, how many entries
/// wait, whether one is due (`search_outbox::has_due`).
const IDLE: Duration = Duration::from_millis(25);
/// Longest pause after failures.
const MAX_BACKOFF_MS: i64 = 5_000;

pub struct SearchWorker {
    pub db: Db,
    pub engine: SearchEngine,
    pub clock: SharedClock,
    /// This server's name in the outbox's claims.
    pub id: String,
}

impl SearchWorker {
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let mut settings_ready = false;
        let mut failures: u32 = 0;
        loop {
            let pause = match self.round(&mut settings_ready).await {
                Ok(0) => {
                    failures = 0;
                    IDLE
                }
                Ok(_) => {
                    failures = 0;
                    Duration::ZERO
                }
                Err(error) => {
                    failures = failures.saturating_add(1);
                    tracing::warn!(error = %error, failures, "search sync failed; will retry");
                    Duration::from_millis(u64::try_from(backoff_ms(failures)).unwrap_or(0))
                }
            };
            if pause.is_zero() && !*stop.borrow() {
                continue;
            }
            tokio::select! {
                () = tokio::time::sleep(pause) => {}
                _ = stop.changed() => return,
            }
        }
    }

    async fn round(
        &self,
        settings_ready: &mut bool,
    ) -> Result<usize, app::services::search_sync::SyncError> {
        let now = SystemClock.now_ms();
        if !*settings_ready {
            ensure_settings(&self.db, &self.engine, now).await?;
            *settings_ready = true;
        }
        let mut requested = search_outbox::rebuild_requested(&self.db).await?;
        if requested.is_none() && needs_rebuild(&self.db).await? {
            tracing::info!("many search changes waiting: a full rebuild catches up");
            let token = format!("catch-up-{now}");
            search_outbox::request_rebuild(&self.db, &token).await?;
            requested = Some(token);
        }
        if let Some(token) = requested {
            let now = || SystemClock.now_ms();
            if let Some(done) =
                rebuild(&self.db, &self.engine, &token, &self.id, &now, self.clock.now_ms()).await?
            {
                tracing::info!(
                    structures = done.structures,
                    offers = done.offers,
                    millis = done.millis as u64,
                    "search indexes rebuilt and swapped"
                );
            }
        }
        let retry = backoff_ms(1);
        // Read again: a rebuild may have lasted longer than a lease.
        let now = SystemClock.now_ms();
        sync_once(&self.db, &self.engine, &self.id, now, self.clock.now_ms(), retry).await
    }
}

/// 200 ms, doubling with each failure, up to 5 s.
fn backoff_ms(failures: u32) -> i64 {
    (200_i64 << failures.saturating_sub(1).min(10)).min(MAX_BACKOFF_MS)
}

#[cfg(test)]
mod tests {
    use super::backoff_ms;

    #[test]
    fn backoff_doubles_up_to_five_seconds() {
        assert_eq!(backoff_ms(1), 200);
        assert_eq!(backoff_ms(2), 400);
        assert_eq!(backoff_ms(6), 5_000);
        assert_eq!(backoff_ms(100), 5_000);
    }
}
