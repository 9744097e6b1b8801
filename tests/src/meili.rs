//! One Meilisearch process for the whole test run (each test has its own index prefix), and
//! dedicated ones for tests that stop theirs.

use std::{
    path::PathBuf,
    sync::{OnceLock, mpsc},
    time::Duration,
};

use secrecy::SecretString;
use server::meili::{MeiliProcess, free_port, locate_binary, wait_until_healthy};

/// Where a Meilisearch for tests listens, and its master key.
#[derive(Debug, Clone)]
pub struct SharedMeili {
    pub url: String,
    pub key: SecretString,
}

static SHARED: OnceLock<SharedMeili> = OnceLock::new();

/// The run's Meilisearch, started on first use and healthy when this returns. It lives as
/// long as the test process: the kernel kills it when the process exits.
pub async fn shared_meili() -> SharedMeili {
    let meili = SHARED
        .get_or_init(|| {
            let process = process_spec("shared");
            let url = process.url();
            let key = process.master_key.clone();
            keep_running(process);
            SharedMeili { url, key }
        })
        .clone();
    wait_until_healthy(&meili.url, || false, Duration::from_secs(60))
        .await
        .expect("the shared Meilisearch starts");
    meili
}

/// A Meilisearch of its own for a test that stops it; killed when the returned guard drops.
pub async fn start_dedicated_meili() -> (SharedMeili, tokio::process::Child) {
    let process = process_spec(&uuid::Uuid::new_v4().simple().to_string());
    let mut command = tokio::process::Command::from(process.command().expect("command"));
    command.kill_on_drop(true);
    let child = command.spawn().expect("Meilisearch starts");
    wait_until_healthy(&process.url(), || false, Duration::from_secs(60))
        .await
        .expect("the dedicated Meilisearch becomes healthy");
    (SharedMeili { url: process.url(), key: process.master_key.clone() }, child)
}

fn process_spec(name: &str) -> MeiliProcess {
    let dir = runs_dir().join(format!("{}-{name}", std::process::id()));
    MeiliProcess {
        binary: locate_binary(None).expect("Meilisearch installed by `make test`"),
        dir,
        port: free_port().expect("free port"),
        master_key: format!("test-master-key-{}", uuid::Uuid::new_v4().simple()).into(),
    }
}

/// Folder of the test runs' Meilisearch databases; those of finished runs are removed.
fn runs_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("ecossol-test-meili");
    std::fs::create_dir_all(&dir).expect("temp dir");
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let pid = name.split('-').next().unwrap_or_default();
            let alive = PathBuf::from("/proc").join(pid).exists();
            if !alive {
                std::fs::remove_dir_all(entry.path()).ok();
            }
        }
    }
    dir
}

/// Spawns the process from a thread that outlives every test, so that the parent-death
/// signal only fires when the test process itself ends.
fn keep_running(process: MeiliProcess) {
    let (started, result) = mpsc::channel();
    std::thread::spawn(move || {
        let spawned = process.command().and_then(|mut c| Ok(c.spawn()?));
        match spawned {
            Ok(mut child) => {
                started.send(Ok(())).ok();
                child.wait().ok();
                // Keep the thread (the child's parent) alive even if Meilisearch died.
                loop {
                    std::thread::park();
                }
            }
            Err(error) => {
                started.send(Err(format!("{error:#}"))).ok();
            }
        }
    });
    result.recv().expect("keeper thread").expect("the shared Meilisearch starts");
}

/// A Meilisearch of its own that a test can stop and start again (same port, key and
/// database).
pub struct DedicatedMeili {
    pub info: SharedMeili,
    process: MeiliProcess,
    child: Option<tokio::process::Child>,
}

impl DedicatedMeili {
    pub async fn start() -> Self {
        let process = process_spec(&uuid::Uuid::new_v4().simple().to_string());
        let info = SharedMeili { url: process.url(), key: process.master_key.clone() };
        let mut meili = Self { info, process, child: None };
        meili.restart().await;
        meili
    }

    /// Kills the process and waits until it is gone.
    pub async fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().await.ok();
        }
    }

    /// Starts the process again and waits until it is healthy.
    pub async fn restart(&mut self) {
        let mut command = tokio::process::Command::from(self.process.command().expect("command"));
        command.kill_on_drop(true);
        self.child = Some(command.spawn().expect("Meilisearch starts"));
        wait_until_healthy(&self.info.url, || false, Duration::from_secs(60))
            .await
            .expect("the dedicated Meilisearch becomes healthy");
    }
}
