//! The real server binary as a process of its own, for the tests that kill it.
//!
//! `TestApp` runs the server inside the test process, where it cannot be killed without
//! killing the test. `ServerProcess` runs `<target dir>/debug/server` (the binary cargo
//! built beside the test executable) on its own database (a SQLite file, or a fresh
//! PostgreSQL database), its own data directory — where it makes its audit key at the first
//! start, as in production — and the run's shared Meilisearch, under an index prefix of its
//! own. `kill()` sends SIGKILL; `restart()` starts it again on the same database, data
//! directory and port.
//!
//! Cargo builds a package's binary before a test run only for that package's integration
//! tests: the `server` package has one (`server/tests/integration.rs`), so `make test` and
//! `cargo test -p server -p tests … --test integration` build the binary first. With
//! `-p tests` alone it is the one built last: a missing binary, or one older than a source
//! of the server, fails the test with how to build it.

use std::{
    path::PathBuf,
    process::Stdio,
    time::{Duration, Instant},
};

use secrecy::ExposeSecret;

use crate::{TestBackend, backend::PgTestDatabase, meili::shared_meili, workspace_root};

/// A server binary running as a child process of the test.
pub struct ServerProcess {
    /// `http://127.0.0.1:<port>`, the same after a restart.
    pub address: String,
    pub backend: TestBackend,
    pub database_url: String,
    /// The server's data directory (audit key, checkpoints, mail files).
    pub data_dir: PathBuf,
    /// What the server writes on its standard output and error, across restarts.
    pub log: PathBuf,
    /// The prefix of its Meilisearch indexes.
    pub index_prefix: String,
    environment: Vec<(&'static str, String)>,
    child: Option<tokio::process::Child>,
    root: tempfile::TempDir,
    _pg: Option<PgTestDatabase>,
}

/// How to get a fresh binary, for the messages below.
const BUILD_IT: &str = "build it with `cargo build -p server --bin server`, or test with \
                        `-p server` too, as `make test` does";

/// `<target dir>/debug/server`: the test executable runs from `<target dir>/debug/deps`.
/// Refused when a source of the server is newer: a test would run yesterday's code.
pub fn server_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the test executable's path");
    let binary = exe
        .ancestors()
        .skip(1)
        .map(|dir| dir.join(format!("server{}", std::env::consts::EXE_SUFFIX)))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| panic!("no server binary beside {}: {BUILD_IT}", exe.display()));
    let built = modified(&binary);
    let root = workspace_root();
    let mut sources = vec![root.join("Cargo.lock")];
    for dir in ["app/src", "server/src", "migrations"] {
        collect_sources(&root.join(dir), &mut sources);
    }
    if let Some(newer) = sources.iter().find(|source| modified(source) > built) {
        panic!("{} is older than {}: {BUILD_IT}", binary.display(), newer.display());
    }
    binary
}

fn modified(path: &std::path::Path) -> std::time::SystemTime {
    std::fs::metadata(path).and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH)
}

/// The `.rs` and `.sql` files under `dir`.
fn collect_sources(dir: &std::path::Path, into: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for path in entries.flatten().map(|entry| entry.path()) {
        if path.is_dir() {
            collect_sources(&path, into);
        } else if path.extension().is_some_and(|ext| ext == "rs" || ext == "sql") {
            into.push(path);
        }
    }
}

impl ServerProcess {
    /// Starts a server on a fresh database and waits until it is ready.
    pub async fn start() -> Self {
        let backend = TestBackend::current();
        let root = tempfile::tempdir().expect("temp dir");
        let data_dir = root.path().join("data");
        let pg = match backend {
            TestBackend::Sqlite => None,
            TestBackend::Postgres => Some(PgTestDatabase::create().await),
        };
        let database_url = match &pg {
            Some(pg) => pg.url.clone(),
            None => format!("sqlite://{}", data_dir.join("ecossol.db").display()),
        };
        let meili = shared_meili().await;
        let port = server::meili::free_port().expect("free port");
        let index_prefix = format!("p{}_", uuid::Uuid::new_v4().simple());
        let environment = vec![
            ("ECOSSOL_DATA_DIR", data_dir.display().to_string()),
            ("ECOSSOL_HOST", "127.0.0.1".to_owned()),
            ("ECOSSOL_PORT", port.to_string()),
            ("ECOSSOL_DATABASE_URL", database_url.clone()),
            ("ECOSSOL_DATABASE_MAX_CONNECTIONS", "5".to_owned()),
            ("ECOSSOL_MEILI_URL", meili.url.clone()),
            ("ECOSSOL_MEILI_KEY", meili.key.expose_secret().to_owned()),
            ("ECOSSOL_MEILI_INDEX_PREFIX", index_prefix.clone()),
            ("ECOSSOL_SITE_ROOT", workspace_root().join("target/site").display().to_string()),
            (
                "RUST_LOG",
                std::env::var("RUST_LOG").unwrap_or_else(|_| "warn,sqlx=error".to_owned()),
            ),
        ];
        let mut process = Self {
            address: format!("http://127.0.0.1:{port}"),
            backend,
            database_url,
            log: root.path().join("server.log"),
            data_dir,
            index_prefix,
            environment,
            child: None,
            root,
            _pg: pg,
        };
        process.restart().await;
        process
    }

    /// The server binary with this server's settings (and no other `ECOSSOL_*` variable of
    /// the test's environment), run in the temporary folder, its output appended to `log`.
    pub fn command(&self, args: &[&str]) -> std::process::Command {
        let mut command = std::process::Command::new(server_binary());
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("ECOSSOL_") {
                command.env_remove(name);
            }
        }
        command.envs(self.environment.iter().map(|(k, v)| (*k, v))).args(args);
        command.current_dir(self.root.path()).stdin(Stdio::null());
        command
    }

    /// Runs a command of the binary (`audit verify`…) to its end: its exit status and output.
    pub async fn run(&self, args: &[&str]) -> std::process::Output {
        let mut command = tokio::process::Command::from(self.command(args));
        command.output().await.expect("the server binary runs")
    }

    /// Starts the server (again) and waits until `/healthz` answers 200.
    pub async fn restart(&mut self) {
        assert!(self.child.is_none(), "the server is already running");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("server log");
        let mut command = self.command(&["serve"]);
        command.stdout(log.try_clone().expect("log")).stderr(log);
        // Killed with the test's thread, should the test itself be killed.
        server::meili::die_with_parent(&mut command);
        let mut command = tokio::process::Command::from(command);
        command.kill_on_drop(true);
        let mut child = command.spawn().expect("the server binary starts");
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .expect("HTTP client");
        let started = Instant::now();
        loop {
            let health = client.get(format!("{}/healthz", self.address)).send().await;
            if health.is_ok_and(|r| r.status() == 200) {
                break;
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!("the server exited at start-up ({status}):\n{}", self.log_text());
            }
            if started.elapsed() > Duration::from_secs(60) {
                panic!("the server was not ready within 60 s:\n{}", self.log_text());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.child = Some(child);
    }

    /// Sends SIGKILL and waits until the process is gone: no shutdown, no flush, no
    /// finishing of requests in flight.
    pub async fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().await.expect("SIGKILL");
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// The server's output so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}
