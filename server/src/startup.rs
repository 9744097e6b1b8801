//! Builds the application from its settings and runs it until asked to stop.

use std::{future::Future, net::SocketAddr};

use anyhow::Context;
use app::{
    db::{self, DbOptions},
    search::SearchEngine,
    state::AppState,
};
use leptos::config::LeptosOptions;
use secrecy::ExposeSecret;
use tokio::{net::TcpListener, sync::watch};

use crate::{Settings, http, meili::EmbeddedMeili};

/// A server ready to accept connections: database migrated, Meilisearch reachable (or
/// started), socket bound.
pub struct Application {
    listener: TcpListener,
    state: AppState,
    meili: Option<EmbeddedMeili>,
}

impl Application {
    #[tracing::instrument(name = "build_application", skip_all)]
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&settings.data_dir).with_context(|| {
            format!(
                "cannot create the data directory {}",
                settings.data_dir.display()
            )
        })?;
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
        let state = AppState {
            leptos_options,
            db,
            search,
        };
        Ok(Self {
            listener,
            state,
            meili,
        })
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
        let Self {
            listener,
            state,
            meili,
        } = self;
        let db = state.db.clone();
        tracing::info!(address = %listener.local_addr()?, "Ecossol is listening");
        axum::serve(listener, http::router(state))
            .with_graceful_shutdown(shutdown)
            .await
            .context("the HTTP server failed")?;
        if let Some(meili) = meili {
            meili.stop().await;
        }
        db.close().await;
        tracing::info!("Ecossol stopped");
        Ok(())
    }
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutdown requested");
}
