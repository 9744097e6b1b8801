//! Builds the application from its settings and runs it until asked to stop.

use std::{future::Future, net::SocketAddr};

use anyhow::Context;
use app::{
    clock::{SharedClock, SystemClock},
    db::{self, DbOptions},
    search::SearchEngine,
    services::{accounts::PasswordHashing, cached::Cached, directory, figures},
    state::AppState,
};
use leptos::config::LeptosOptions;
use secrecy::ExposeSecret;
use tokio::{net::TcpListener, sync::watch};

use crate::{
    Settings, http,
    meili::EmbeddedMeili,
    workers::{
        mail::{Delivery, MailWorker},
        search::SearchWorker,
    },
};

/// Concurrent password hashes (19 MiB each): bounded so that a burst of sign-ins cannot
/// exhaust memory or the blocking thread pool.
const CONCURRENT_HASHES: usize = 4;

/// What the application's state is made of besides the settings.
pub struct StateParts {
    pub db: db::Db,
    pub search: SearchEngine,
    pub clock: SharedClock,
    pub hashing: PasswordHashing,
    pub leptos_options: LeptosOptions,
    pub public_url: String,
}

/// The application's state: the parts, and what the settings fix.
pub fn app_state(settings: &Settings, parts: StateParts) -> AppState {
    let StateParts { db, search, clock, hashing, leptos_options, public_url } = parts;
    AppState {
        leptos_options,
        db,
        search,
        clock,
        hashing,
        public_url,
        trusted_proxies: settings.trusted_proxies.clone(),
        label_years: settings.label_years,
        need_mailing: settings.needs,
        decp_buyers: settings.watch.decp_buyers.clone(),
        import_bounds: settings.watch.import_bounds,
        ledger: Default::default(),
        directory_csv: Cached::new(directory::export::EXPORT_FRESH_FOR_MS),
        figures: Cached::new(figures::FRESH_FOR_MS),
    }
}

/// A server ready to accept connections: database migrated, Meilisearch reachable (or
/// started), socket bound.
pub struct Application {
    listener: TcpListener,
    state: AppState,
    meili: Option<EmbeddedMeili>,
    mail: MailWorker,
    /// Where the audit log's daily checkpoints are written.
    checkpoints: std::path::PathBuf,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        Self::build_with_clock(settings, std::sync::Arc::new(SystemClock)).await
    }

    /// Like [`Application::build`], with a clock that tests can move.
    #[tracing::instrument(name = "build_application", skip_all)]
    pub async fn build_with_clock(settings: Settings, clock: SharedClock) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&settings.data_dir).with_context(|| {
            format!("cannot create the data directory {}", settings.data_dir.display())
        })?;
        // Every append to the audit log is sealed with this key: installed before anything
        // can write.
        crate::audit::install_key(&settings, crate::audit::Missing::Create)?;
        let checkpoints = settings.audit.checkpoint_dir(&settings.data_dir);
        let db_options = DbOptions {
            max_connections: settings.database.max_connections,
            ..DbOptions::default()
        };
        let db = db::connect(settings.database_url().expose_secret(), &db_options).await?;

        let (meili, url, key) = match &settings.meili.url {
            Some(url) => (None, url.clone(), settings.meili.key.clone()),
            None => {
                let embedded = EmbeddedMeili::start(
                    &settings.data_dir,
                    settings.meili.port,
                    settings.meili.binary.as_deref(),
                )
                .await
                .context("cannot start the embedded Meilisearch")?;
                let (url, key) = (embedded.url().to_owned(), embedded.master_key().clone());
                (Some(embedded), url, Some(key))
            }
        };
        let search = SearchEngine::new(
            &url,
            key.as_ref().map(|k| k.expose_secret()),
            settings.meili.index_prefix.clone(),
            settings.meili_timeout(),
        )?;

        let listener = TcpListener::bind((settings.host, settings.port))
            .await
            .with_context(|| format!("cannot listen on {}:{}", settings.host, settings.port))?;
        let leptos_options = LeptosOptions::builder()
            .output_name("ecossol")
            .site_root(settings.site_root.to_string_lossy().into_owned())
            .site_pkg_dir("pkg")
            .site_addr(listener.local_addr()?)
            .build();
        let public_url = settings
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", leptos_options.site_addr));
        let mail = MailWorker {
            db: db.clone(),
            clock: clock.clone(),
            delivery: Delivery::from_settings(&settings.mail, &settings.data_dir)?,
            from: settings.mail.from.clone(),
        };
        let hashing =
            tokio::task::spawn_blocking(|| PasswordHashing::new(CONCURRENT_HASHES)).await??;
        let parts = StateParts { db, search, clock, hashing, leptos_options, public_url };
        let state = app_state(&settings, parts);
        Ok(Self { listener, state, meili, mail, checkpoints })
    }

    pub fn address(&self) -> anyhow::Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Follows the embedded Meilisearch's process id; `None` with an external Meilisearch.
    pub fn meili_pid(&self) -> Option<watch::Receiver<Option<u32>>> {
        self.meili.as_ref().map(EmbeddedMeili::pid_watch)
    }

    /// Serves until `shutdown` completes, lets requests in flight finish, then stops the
    /// embedded Meilisearch and closes the database.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let Self { listener, state, meili, mail, checkpoints } = self;
        let db = state.db.clone();
        let (stop_workers, workers_stop) = watch::channel(false);
        let search = SearchWorker {
            db: state.db.clone(),
            engine: state.search.clone(),
            clock: state.clock.clone(),
            id: format!("server-{}", uuid::Uuid::new_v4().simple()),
        };
        let search = tokio::spawn(search.run(workers_stop.clone()));
        let labels = tokio::spawn(crate::workers::labels::run(state.clone(), workers_stop.clone()));
        let needs = tokio::spawn(crate::workers::needs::run(state.clone(), workers_stop.clone()));
        let reports =
            tokio::spawn(crate::workers::watch_reports::run(state.clone(), workers_stop.clone()));
        let checkpoints = crate::workers::audit_checkpoints::CheckpointWorker {
            db: state.db.clone(),
            clock: state.clock.clone(),
            dir: checkpoints,
        };
        let checkpoints = tokio::spawn(checkpoints.run(workers_stop.clone()));
        let mail = tokio::spawn(mail.run(workers_stop));
        tracing::info!(address = %listener.local_addr()?, "Ecossol is listening");
        let app = http::router(state).into_make_service_with_connect_info::<SocketAddr>();
        // Small answers go out at once: without TCP_NODELAY, a response written in two parts
        // waits for the client's delayed acknowledgement (about 40 ms on Linux).
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            if let Err(error) = tcp.set_nodelay(true) {
                tracing::debug!(%error, "cannot set TCP_NODELAY");
            }
        });
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
            .context("the HTTP server failed")?;
        stop_workers.send(true).ok();
        mail.await.ok();
        search.await.ok();
        labels.await.ok();
        needs.await.ok();
        reports.await.ok();
        checkpoints.await.ok();
        if let Some(meili) = meili {
            meili.stop().await;
        }
        db.close().await;
        tracing::info!("Ecossol stopped");
        Ok(())
    }
}

/// Completes on SIGINT (Ctrl-C) or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    // No SIGTERM off Unix: Ctrl-C only.
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutdown requested");
}
