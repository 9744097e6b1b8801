use std::{
    fs::OpenOptions,
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use anyhow::Context;
use secrecy::{ExposeSecret, SecretString};

use super::platform;

/// What Meilisearch may use for indexing. Its default, two thirds of the machine's memory,
/// makes every small write pay for buffers sized to it: on a 24 GiB machine a one-offer edit
/// of a 100,000-offer index took 185 ms at the median and 2 s at worst, against 41 ms and
/// 59 ms with this bound, and a full rebuild is no slower (docs/benchmarks.md).
pub const INDEXING_MEMORY: &str = "256MiB";

/// How to start one Meilisearch process: executable, database folder, port and master key.
#[derive(Debug, Clone)]
pub struct MeiliProcess {
    pub binary: PathBuf,
    /// Holds the database (`data.ms`), dumps, snapshots and the log file.
    pub dir: PathBuf,
    pub port: u16,
    pub master_key: SecretString,
}

impl MeiliProcess {
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The command, bound to 127.0.0.1, logging to `meilisearch.log` in its folder.
    /// The master key goes through the environment, never the command line.
    pub fn command(&self) -> anyhow::Result<Command> {
        std::fs::create_dir_all(&self.dir)
            .with_context(|| format!("cannot create {}", self.dir.display()))?;
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join("meilisearch.log"))
            .context("cannot open the Meilisearch log file")?;
        let mut command = Command::new(&self.binary);
        command
            .arg("--db-path")
            .arg(self.dir.join("data.ms"))
            .arg("--dump-dir")
            .arg(self.dir.join("dumps"))
            .arg("--snapshot-dir")
            .arg(self.dir.join("snapshots"))
            .arg("--http-addr")
            .arg(format!("127.0.0.1:{}", self.port))
            .args(["--env", "production", "--no-analytics", "--log-level", "WARN"])
            // Meilisearch indexes with half the processors unless told otherwise; a rebuild
            // is when Ecossol needs it fast, and the web server is then mostly idle.
            .arg("--max-indexing-threads")
            .arg(std::thread::available_parallelism().map_or(1, |n| n.get()).to_string())
            .args(["--max-indexing-memory", INDEXING_MEMORY])
            .env("MEILI_MASTER_KEY", self.master_key.expose_secret())
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        platform::die_with_parent(&mut command);
        platform::without_huge_pages(&mut command);
        Ok(command)
    }
}

/// A port that was free a moment ago on 127.0.0.1.
pub fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("no free local port")?;
    Ok(listener.local_addr()?.port())
}

/// Polls `GET /health` until Meilisearch answers, the process exits, or `limit` passes.
pub async fn wait_until_healthy(
    url: &str,
    mut exited: impl FnMut() -> bool,
    limit: Duration,
) -> anyhow::Result<()> {
    let client = reqwest::Client::builder().timeout(Duration::from_secs(2)).build()?;
    let health = format!("{url}/health");
    let start = Instant::now();
    loop {
        if let Ok(response) = client.get(&health).send().await
            && response.status().is_success()
        {
            return Ok(());
        }
        if exited() {
            anyhow::bail!("Meilisearch exited during start-up (see meilisearch.log)");
        }
        if start.elapsed() > limit {
            anyhow::bail!("Meilisearch did not become healthy within {limit:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The folder of the embedded Meilisearch inside the data directory.
pub fn embedded_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("meilisearch")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_bounds_indexing_memory_and_keeps_the_key_off_the_command_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let spec = MeiliProcess {
            binary: PathBuf::from("meilisearch"),
            dir: dir.path().to_owned(),
            port: 7700,
            master_key: "a-master-key-never-on-the-command-line".to_owned().into(),
        };
        let command = spec.command().expect("command");
        let args: Vec<String> =
            command.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
        let bound = args.iter().position(|a| a == "--max-indexing-memory").expect("bounded");
        assert_eq!(args[bound + 1], INDEXING_MEMORY);
        assert!(!args.iter().any(|a| a.contains("never-on-the-command-line")));
    }
}
