//! The audit log's daily checkpoint: once a day (Paris), the chain is verified — whole, and
//! against the last checkpoint kept — and its head is signed into
//! `<checkpoint_dir>/audit-checkpoint-<day>.json`, then recorded for the animators' desk.
//! Looked for every hour. A day that already has its file is left alone, so servers sharing
//! the folder write it once, and each server with a folder of its own keeps its own anchor;
//! a chain that does not verify is never signed.

use std::{path::PathBuf, time::Duration};

use app::{
    clock::SharedClock,
    db::Db,
    domain::{audit, calendar::iso_date},
    services::audit::checkpoint,
};
use tokio::sync::watch;

const EVERY: Duration = Duration::from_secs(3600);

pub struct CheckpointWorker {
    pub db: Db,
    pub clock: SharedClock,
    pub dir: PathBuf,
}

impl CheckpointWorker {
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        loop {
            match self.once().await {
                Ok(Some(path)) => {
                    tracing::info!(file = %path.display(), "audit checkpoint written")
                }
                Ok(None) => {}
                Err(error) => tracing::error!(error = format!("{error:#}"), "audit checkpoint"),
            }
            tokio::select! {
                () = tokio::time::sleep(EVERY) => {}
                _ = stop.changed() => return,
            }
        }
    }

    /// Writes today's checkpoint unless its file exists; the file written, if any.
    pub async fn once(&self) -> anyhow::Result<Option<PathBuf>> {
        let now = self.clock.now_ms();
        if self.dir.join(audit::file_name(&iso_date(now))).exists() {
            return Ok(None);
        }
        let previous = crate::audit::latest_checkpoint(&self.dir)?;
        let taken = checkpoint::take(&self.db, previous.as_ref().map(|(_, c)| c), now).await?;
        let checkpoint = taken.map_err(|verdict| {
            anyhow::anyhow!("the audit log does not verify, no checkpoint signed: {verdict}")
        })?;
        let path = crate::audit::write_checkpoint(&self.dir, &checkpoint)?;
        checkpoint::record(&self.db, &checkpoint).await?;
        Ok(Some(path))
    }
}
