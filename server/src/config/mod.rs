//! Settings: defaults that run with nothing set, then an optional TOML file, then `ECOSSOL_*`
//! environment variables, layered by figment. The defaults are the `Default` impls below,
//! which serde fills in for every key no source gives. Secrets are wrapped so that they never
//! print.

mod audit;
mod check;
mod names;
mod proxies;
mod sources;
mod watch;

use std::{
    net::{IpAddr, Ipv4Addr},
    path::PathBuf,
    time::Duration,
};

pub use audit::AuditSettings;
use figment::Figment;
use secrecy::SecretString;
use serde::Deserialize;

/// Everything the server needs to know to start.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Holds everything the embedded defaults write: SQLite file, Meilisearch data, files.
    pub data_dir: PathBuf,
    pub host: IpAddr,
    /// 0 asks the system for a free port.
    pub port: u16,
    /// Built site (`pkg/` with the WASM bundle, JS glue and CSS).
    pub site_root: PathBuf,
    /// Base of the links put in e-mails; default `http://<host>:<port>`.
    pub public_url: Option<String>,
    /// Reverse proxies trusted to tell the client's address in `X-Forwarded-For`: a list in the
    /// file, comma-separated in the environment.
    #[serde(deserialize_with = "proxies::list_or_comma_separated")]
    pub trusted_proxies: Vec<IpAddr>,
    /// Years a granted HQS label lasts (2 unless configured).
    pub label_years: u32,
    pub database: DatabaseSettings,
    pub meili: MeiliSettings,
    pub mail: MailSettings,
    /// How validated needs are mailed to the structures they reach.
    pub needs: app::domain::needs::Mailing,
    pub watch: watch::WatchSettings,
    /// The audit log's key and checkpoints.
    pub audit: AuditSettings,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MailSettings {
    /// `smtp://user:password@host:587` (STARTTLS) or `smtps://…` (TLS). Unset: messages are
    /// written as `.eml` files under `<data_dir>/mail`.
    pub smtp_url: Option<SecretString>,
    /// The sender of every message.
    pub from: String,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self { smtp_url: None, from: "Ecossol <ne-pas-repondre@ecossol.localhost>".to_owned() }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `sqlite://…` or `postgres://…`; default: `sqlite://<data_dir>/ecossol.db`.
    /// May hold a password, hence secret.
    pub url: Option<SecretString>,
    pub max_connections: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MeiliSettings {
    /// An external Meilisearch. When absent, the server runs its own.
    pub url: Option<String>,
    pub key: Option<SecretString>,
    /// Prefix of this deployment's index names.
    pub index_prefix: String,
    /// Port of the embedded Meilisearch; 0 picks a free one.
    pub port: u16,
    /// Path of the Meilisearch executable for the embedded mode; default: found in
    /// `node_modules` of the working directory or one of its parents.
    pub binary: Option<PathBuf>,
    /// Bound on every call to Meilisearch, in milliseconds.
    pub timeout_ms: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("data"),
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 3000,
            site_root: PathBuf::from("target/site"),
            public_url: None,
            trusted_proxies: Vec::new(),
            label_years: app::domain::label::validity::DEFAULT_YEARS,
            database: DatabaseSettings::default(),
            meili: MeiliSettings::default(),
            mail: MailSettings::default(),
            needs: app::domain::needs::Mailing::default(),
            watch: watch::WatchSettings::default(),
            audit: AuditSettings::default(),
        }
    }
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self { url: None, max_connections: 10 }
    }
}

impl Default for MeiliSettings {
    fn default() -> Self {
        Self {
            url: None,
            key: None,
            index_prefix: "ecossol_".to_owned(),
            port: 0,
            binary: None,
            timeout_ms: 5_000,
        }
    }
}

impl Settings {
    /// Defaults, then the file named by `ECOSSOL_CONFIG` (or `ecossol.toml` in the working
    /// directory when it exists), then the environment; every value is checked, whatever its
    /// source.
    pub fn load() -> anyhow::Result<Self> {
        Self::from_figment(sources::figment()?)
    }

    /// Extracts and checks the settings from `figment`; keys it lacks keep their defaults.
    /// Lossy: text such as an environment variable's `8080` is read as the number a numeric
    /// setting wants.
    pub fn from_figment(figment: Figment) -> anyhow::Result<Self> {
        let settings: Self = figment.extract_lossy().map_err(names::explain)?;
        settings.checked()
    }

    /// The database URL, defaulting to a SQLite file in the data directory.
    pub fn database_url(&self) -> SecretString {
        match &self.database.url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}", self.data_dir.join("ecossol.db").display()).into(),
        }
    }

    pub fn meili_timeout(&self) -> Duration {
        Duration::from_millis(self.meili.timeout_ms)
    }
}

#[cfg(test)]
mod tests;
