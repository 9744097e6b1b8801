use std::{path::Path, time::Duration};

use anyhow::Context;
use secrecy::SecretString;
use tokio::{process::Child, sync::watch, task::JoinHandle};

use super::{
    MeiliProcess, binary, free_port, master_key, platform, process::embedded_dir,
    wait_until_healthy,
};

const START_LIMIT: Duration = Duration::from_secs(60);
const STOP_LIMIT: Duration = Duration::from_secs(10);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// A Meilisearch child process owned by this server: started with it, restarted when it
/// dies, stopped with it.
pub struct EmbeddedMeili {
    url: String,
    master_key: SecretString,
    pid: watch::Receiver<Option<u32>>,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl EmbeddedMeili {
    /// Starts Meilisearch with its database under `data_dir/meilisearch` and waits until it
    /// is healthy. `port` 0 picks a free port, kept across restarts.
    pub async fn start(data_dir: &Path, port: u16, binary: Option<&Path>) -> anyhow::Result<Self> {
        let dir = embedded_dir(data_dir);
        let spec = MeiliProcess {
            binary: binary::locate(binary)?,
            master_key: master_key(&dir)?,
            dir,
            port: if port == 0 { free_port()? } else { port },
        };
        let url = spec.url();
        let mut child = spawn(&spec)?;
        let healthy =
            wait_until_healthy(&url, || matches!(child.try_wait(), Ok(Some(_))), START_LIMIT).await;
        if let Err(error) = healthy {
            child.start_kill().ok();
            return Err(error);
        }
        tracing::info!(url, pid = child.id(), "embedded Meilisearch is up");
        let (pid_tx, pid) = watch::channel(child.id());
        let (stop, stop_rx) = watch::channel(false);
        let task = tokio::spawn(supervise(spec.clone(), child, pid_tx, stop_rx));
        Ok(Self { url, master_key: spec.master_key, pid, stop, task })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn master_key(&self) -> &SecretString {
        &self.master_key
    }

    /// The process id of the running Meilisearch, if one runs right now.
    pub fn pid(&self) -> Option<u32> {
        *self.pid.borrow()
    }

    /// Follows the process id of the running Meilisearch (None while it restarts).
    pub fn pid_watch(&self) -> watch::Receiver<Option<u32>> {
        self.pid.clone()
    }

    /// Stops Meilisearch cleanly (SIGTERM, then SIGKILL after a grace period).
    pub async fn stop(self) {
        self.stop.send(true).ok();
        self.task.await.ok();
    }
}

fn spawn(spec: &MeiliProcess) -> anyhow::Result<Child> {
    let mut command = tokio::process::Command::from(spec.command()?);
    command.kill_on_drop(true);
    command.spawn().with_context(|| format!("cannot start {}", spec.binary.display()))
}

async fn supervise(
    spec: MeiliProcess,
    mut child: Child,
    pid: watch::Sender<Option<u32>>,
    mut stop: watch::Receiver<bool>,
) {
    let mut backoff = Duration::from_millis(500);
    loop {
        tokio::select! {
            status = child.wait() => {
                pid.send_replace(None);
                tracing::warn!(?status, "embedded Meilisearch exited; restarting it");
            }
            _ = stop.changed() => {
                shut_down(&mut child).await;
                pid.send_replace(None);
                return;
            }
        }
        // Restart, backing off while it keeps failing, until asked to stop.
        loop {
            tokio::select! {
                () = tokio::time::sleep(backoff) => {}
                _ = stop.changed() => return,
            }
            match spawn(&spec) {
                Ok(mut restarted) => {
                    let ok = wait_until_healthy(
                        &spec.url(),
                        || matches!(restarted.try_wait(), Ok(Some(_))),
                        START_LIMIT,
                    )
                    .await;
                    if ok.is_ok() {
                        tracing::info!(pid = restarted.id(), "embedded Meilisearch restarted");
                        pid.send_replace(restarted.id());
                        child = restarted;
                        backoff = Duration::from_millis(500);
                        break;
                    }
                    restarted.start_kill().ok();
                }
                Err(error) => tracing::error!(error = format!("{error:#}"), "restart failed"),
            }
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
    }
}

async fn shut_down(child: &mut Child) {
    // A child that has already exited has no id and needs no signal.
    let asked = child.id().is_none_or(platform::terminate);
    if !asked || tokio::time::timeout(STOP_LIMIT, child.wait()).await.is_err() {
        tracing::warn!("Meilisearch did not stop when asked; killing it");
        child.kill().await.ok();
    }
    tracing::info!("embedded Meilisearch stopped");
}
