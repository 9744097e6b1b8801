//! The state shared by every request handler, server function and worker.

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::{
    clock::SharedClock, db::Db, search::SearchEngine, services::accounts::PasswordHashing,
};

/// One per server process; cheap to clone. Holds no data that another server instance would
/// need: everything durable lives in the database or the data directory.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub search: SearchEngine,
    pub clock: SharedClock,
    pub hashing: PasswordHashing,
    /// Base of the links put in e-mails, e.g. `https://ecossol.example` (no trailing slash).
    pub public_url: String,
    /// Reverse proxies whose `X-Forwarded-For` tells the client's address (for throttling).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Years a granted HQS label lasts.
    pub label_years: u32,
    /// How validated needs are mailed to the structures they reach.
    pub need_mailing: crate::domain::needs::Mailing,
    /// The buyers' SIRETs whose DECP contracts the watch keeps wherever they are carried out.
    pub decp_buyers: Vec<String>,
    /// What a buyer's purchases file may weigh and hold.
    pub import_bounds: crate::domain::watch::ImportBounds,
    /// This server's copy of the purchase ledger, for the watch's indicators.
    pub ledger: crate::services::watch::indicators::snapshot::LedgerSnapshots,
    /// This server's copy of the directory's public export (`/annuaire.csv`).
    pub directory_csv: crate::services::cached::Cached<axum::body::Bytes>,
    /// The home page's figures, read at most once a minute.
    pub figures: crate::services::cached::Cached<crate::domain::Figures>,
}

impl AppState {
    /// Whether cookies are marked `Secure`: when the site is served over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}
