//! The application's state for commands that run the services without serving (`server
//! seed-demo`). They never search: their changes reach the search outbox, which the servers'
//! workers apply. So the search engine is only named, and never called.

use std::sync::Arc;

use app::{
    clock::SystemClock, db::Db, search::SearchEngine, services::accounts::PasswordHashing,
    state::AppState,
};
use leptos::config::LeptosOptions;

use crate::{
    Settings,
    startup::{StateParts, app_state},
};

/// Where the embedded Meilisearch would listen; unused (see the module's note).
const UNUSED_SEARCH: &str = "http://127.0.0.1:7700";

pub async fn state(settings: &Settings, db: Db) -> anyhow::Result<AppState> {
    let url = settings.meili.url.clone().unwrap_or_else(|| UNUSED_SEARCH.to_owned());
    let prefix = settings.meili.index_prefix.clone();
    let search = SearchEngine::new(&url, None, prefix, settings.meili_timeout())?;
    let hashing = tokio::task::spawn_blocking(|| PasswordHashing::new(1)).await??;
    let public_url = settings
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}:{}", settings.host, settings.port));
    let parts = StateParts {
        db,
        search,
        clock: Arc::new(SystemClock),
        hashing,
        leptos_options: LeptosOptions::builder().output_name("ecossol").build(),
        public_url,
    };
    Ok(app_state(settings, parts))
}
