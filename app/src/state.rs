//! The state shared by every request handler, server function and worker.

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::{db::Db, search::SearchEngine};

/// One per server process; cheap to clone. Holds no data that another server instance would
/// need: everything durable lives in the database or the data directory.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub search: SearchEngine,
}
