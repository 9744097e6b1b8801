//! A real Ecossol server per test.

use std::path::PathBuf;

use std::sync::Arc;

use app::{clock::ManualClock, state::AppState};
use secrecy::ExposeSecret;
use server::{
    Application, Settings,
    config::{AuditSettings, DatabaseSettings, MeiliSettings},
};
use tokio::{sync::oneshot, task::JoinHandle};

use crate::{TestBackend, backend::PgTestDatabase, meili::shared_meili};

/// A running server and what the test needs to talk to it.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`
    pub address: String,
    /// A client that keeps cookies and does not follow redirects.
    pub client: reqwest::Client,
    pub backend: TestBackend,
    pub database_url: String,
    /// The server's data directory.
    pub data_dir: PathBuf,
    /// The server's clock: it stands still unless the test moves it.
    pub clock: Arc<ManualClock>,
    /// The embedded Meilisearch's process id, when the test asked for the embedded mode.
    pub meili_pid: Option<tokio::sync::watch::Receiver<Option<u32>>>,
    /// The server's state (database pool, search engine…), for tests that act beside it.
    pub state: AppState,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<anyhow::Result<()>>>,
    _data: tempfile::TempDir,
    _pg: Option<PgTestDatabase>,
}

/// The audit key of every server the harness runs in this process: a process seals with
/// one key (`app::services::audit::install`). Servers run as processes of their own
/// (`tests::ServerProcess`) make theirs in their data directory.
pub const AUDIT_KEY: &str = "0e5c0550a1d1e0a0d17c4e1a0c0e5c0550a1d1e0a0d17c4e1a0c0e5c0550a1d1";

/// The workspace's root folder (where `target/site` is built).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_owned()
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Spawns a server after letting the test adjust its settings.
pub async fn spawn_app_with(customise: impl FnOnce(&mut Settings)) -> TestApp {
    // Quiet unless RUST_LOG asks for logs.
    server::telemetry::init("off");
    let backend = TestBackend::current();
    let data = tempfile::tempdir().expect("temp data dir");
    let pg = match backend {
        TestBackend::Sqlite => None,
        TestBackend::Postgres => Some(PgTestDatabase::create().await),
    };
    let database_url = match &pg {
        Some(pg) => pg.url.clone(),
        None => format!("sqlite://{}", data.path().join("ecossol.db").display()),
    };
    let meili = shared_meili().await;

    let mut settings = Settings {
        data_dir: data.path().to_owned(),
        port: 0,
        site_root: workspace_root().join("target/site"),
        database: DatabaseSettings { url: Some(database_url.clone().into()), max_connections: 5 },
        meili: MeiliSettings {
            url: Some(meili.url.clone()),
            key: Some(meili.key.expose_secret().to_owned().into()),
            index_prefix: format!("t{}_", uuid::Uuid::new_v4().simple()),
            ..MeiliSettings::default()
        },
        audit: AuditSettings { key: Some(AUDIT_KEY.into()), ..AuditSettings::default() },
        ..Settings::default()
    };
    customise(&mut settings);
    // A test may point the server at another database (e.g. a second server on the first's).
    let database_url =
        settings.database.url.as_ref().map_or(database_url, |url| url.expose_secret().to_owned());

    let clock = Arc::new(ManualClock::new());
    let application = Application::build_with_clock(settings, clock.clone())
        .await
        .expect("the application builds");
    let address = format!("http://{}", application.address().expect("bound"));
    let meili_pid = application.meili_pid();
    let state = application.state().clone();
    let (shutdown, stop) = oneshot::channel::<()>();
    let server = tokio::spawn(application.run_until(async {
        stop.await.ok();
    }));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        // A request that never completes fails its test in a minute instead of stalling
        // the whole run.
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .expect("HTTP client");
    TestApp {
        address,
        client,
        backend,
        database_url,
        data_dir: data.path().to_owned(),
        meili_pid,
        state,
        clock,
        shutdown: Some(shutdown),
        server: Some(server),
        _data: data,
        _pg: pg,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// The page a plain form post redirected `client` to (with its flash), as HTML.
    pub async fn follow(&self, client: &reqwest::Client, redirect: &reqwest::Response) -> String {
        assert!(redirect.status().is_redirection(), "{}", redirect.status());
        let location = redirect.headers()["location"].to_str().expect("location");
        let page = client.get(self.url(location)).send().await.expect("GET");
        page.text().await.expect("page")
    }

    /// Stops the server gracefully and waits until it has stopped.
    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            shutdown.send(()).ok();
        }
        if let Some(server) = self.server.take() {
            server.await.expect("server task").expect("clean stop");
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            shutdown.send(()).ok();
        }
        if let Some(server) = self.server.take() {
            server.abort();
        }
        // `pg` drops its database when the fields drop, after this.
    }
}

impl TestApp {
    /// The ids of the documents in one of this app's indexes (`structures` or `offers`) that
    /// match `query` (empty: all), straight from Meilisearch.
    pub async fn indexed(&self, index: &str, query: &str) -> Vec<String> {
        #[derive(serde::Deserialize)]
        struct Hit {
            id: String,
        }
        let name = self.state.search.index_name(index);
        let results = self
            .state
            .search
            .client()
            .index(name)
            .search()
            .with_query(query)
            .with_limit(1000)
            .execute::<Hit>()
            .await;
        match results {
            Ok(results) => results.hits.into_iter().map(|h| h.result.id).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Waits until the search outbox is empty. The bound only stops a test that would hang:
    /// on a loaded CI machine, a worker backing off from a stopped Meilisearch (up to 5 s
    /// between tries) took more than 20 s to catch up once it was back.
    pub async fn search_caught_up(&self) -> bool {
        crate::eventually(60, async || {
            app::db::search_outbox::pending(&self.state.db).await.is_ok_and(|n| n == 0)
        })
        .await
    }
}
