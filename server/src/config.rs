//! Settings: defaults that run with nothing set, then an optional TOML file, then `ECOSSOL_*`
//! environment variables. Secrets are wrapped so that they never print.

use std::{
    net::{IpAddr, Ipv4Addr},
    path::{Path, PathBuf},
    time::Duration,
};

use anyhow::Context;
use secrecy::{ExposeSecret, SecretString};
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
    /// Reverse proxies trusted to tell the client's address in `X-Forwarded-For`.
    pub trusted_proxies: Vec<IpAddr>,
    /// Years a granted HQS label lasts (2 unless configured).
    pub label_years: u32,
    pub database: DatabaseSettings,
    pub meili: MeiliSettings,
    pub mail: MailSettings,
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
    /// directory when it exists), then the environment.
    pub fn load() -> anyhow::Result<Self> {
        let file = std::env::var_os("ECOSSOL_CONFIG").map(PathBuf::from).or_else(|| {
            let default = PathBuf::from("ecossol.toml");
            default.exists().then_some(default)
        });
        let base = match file {
            Some(path) => Self::from_file(&path)?,
            None => Self::default(),
        };
        base.with_overrides(|name| std::env::var(name).ok())
    }

    pub fn from_file(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
        toml::from_str(&text)
            .with_context(|| format!("invalid configuration file {}", path.display()))
    }

    /// Applies `ECOSSOL_*` overrides read through `var`.
    pub fn with_overrides(mut self, var: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let parse_err = |name: &str| format!("{name} has an invalid value");
        if let Some(v) = var("ECOSSOL_DATA_DIR") {
            self.data_dir = v.into();
        }
        if let Some(v) = var("ECOSSOL_HOST") {
            self.host = v.parse().with_context(|| parse_err("ECOSSOL_HOST"))?;
        }
        if let Some(v) = var("ECOSSOL_PORT") {
            self.port = v.parse().with_context(|| parse_err("ECOSSOL_PORT"))?;
        }
        if let Some(v) = var("ECOSSOL_SITE_ROOT") {
            self.site_root = v.into();
        }
        if let Some(v) = var("ECOSSOL_PUBLIC_URL") {
            self.public_url = Some(v.trim_end_matches('/').to_owned());
        }
        if let Some(v) = var("ECOSSOL_TRUSTED_PROXIES") {
            self.trusted_proxies = v
                .split(',')
                .filter(|s| !s.trim().is_empty())
                .map(|s| s.trim().parse())
                .collect::<Result<_, _>>()
                .with_context(|| parse_err("ECOSSOL_TRUSTED_PROXIES"))?;
        }
        if let Some(v) = var("ECOSSOL_LABEL_YEARS") {
            self.label_years = v
                .parse()
                .ok()
                .filter(|years| (1..=10).contains(years))
                .with_context(|| parse_err("ECOSSOL_LABEL_YEARS (1 to 10)"))?;
        }
        if let Some(v) = var("ECOSSOL_SMTP_URL") {
            self.mail.smtp_url = Some(v.into());
        }
        if let Some(v) = var("ECOSSOL_MAIL_FROM") {
            self.mail.from = v;
        }
        if let Some(v) = var("ECOSSOL_DATABASE_URL") {
            self.database.url = Some(v.into());
        }
        if let Some(v) = var("ECOSSOL_DATABASE_MAX_CONNECTIONS") {
            self.database.max_connections =
                v.parse().with_context(|| parse_err("ECOSSOL_DATABASE_MAX_CONNECTIONS"))?;
        }
        if let Some(v) = var("ECOSSOL_MEILI_URL") {
            self.meili.url = Some(v);
        }
        if let Some(v) = var("ECOSSOL_MEILI_KEY") {
            self.meili.key = Some(v.into());
        }
        if let Some(v) = var("ECOSSOL_MEILI_INDEX_PREFIX") {
            self.meili.index_prefix = v;
        }
        if let Some(v) = var("ECOSSOL_MEILI_PORT") {
            self.meili.port = v.parse().with_context(|| parse_err("ECOSSOL_MEILI_PORT"))?;
        }
        if let Some(v) = var("ECOSSOL_MEILI_BINARY") {
            self.meili.binary = Some(v.into());
        }
        if let Some(v) = var("ECOSSOL_MEILI_TIMEOUT_MS") {
            self.meili.timeout_ms =
                v.parse().with_context(|| parse_err("ECOSSOL_MEILI_TIMEOUT_MS"))?;
        }
        self.validate()?;
        Ok(self)
    }

    fn validate(&self) -> anyhow::Result<()> {
        if self.meili.key.is_some() && self.meili.url.is_none() {
            anyhow::bail!("ECOSSOL_MEILI_KEY is set without ECOSSOL_MEILI_URL");
        }
        if let Some(url) = &self.database.url {
            app::db::Backend::from_url(url.expose_secret())?;
        }
        if self.meili.timeout_ms == 0 {
            anyhow::bail!("the Meilisearch timeout must be positive");
        }
        Ok(())
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
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> =
            pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn defaults_run_with_nothing_set() {
        let settings = Settings::default().with_overrides(env(&[])).expect("valid");
        assert_eq!(settings.port, 3000);
        assert_eq!(settings.database_url().expose_secret(), "sqlite://data/ecossol.db");
        assert!(settings.meili.url.is_none(), "embedded Meilisearch by default");
    }

    #[test]
    fn environment_overrides_the_defaults() {
        let settings = Settings::default()
            .with_overrides(env(&[
                ("ECOSSOL_DATA_DIR", "/srv/ecossol"),
                ("ECOSSOL_PORT", "8080"),
                ("ECOSSOL_DATABASE_URL", "postgres://app:pw@db/ecossol"),
                ("ECOSSOL_MEILI_URL", "http://search:7700"),
                ("ECOSSOL_MEILI_KEY", "k3y-k3y-k3y-k3y-k3y"),
            ]))
            .expect("valid");
        assert_eq!(settings.data_dir, PathBuf::from("/srv/ecossol"));
        assert_eq!(settings.port, 8080);
        assert_eq!(settings.database_url().expose_secret(), "postgres://app:pw@db/ecossol");
        assert_eq!(settings.meili.url.as_deref(), Some("http://search:7700"));
    }

    #[test]
    fn the_default_database_follows_the_data_dir() {
        let settings =
            Settings::default().with_overrides(env(&[("ECOSSOL_DATA_DIR", "/tmp/x")])).expect("ok");
        assert_eq!(settings.database_url().expose_secret(), "sqlite:///tmp/x/ecossol.db");
    }

    #[test]
    fn bad_values_are_refused_with_the_variable_named() {
        let error = Settings::default()
            .with_overrides(env(&[("ECOSSOL_PORT", "http")]))
            .expect_err("not a port");
        assert!(error.to_string().contains("ECOSSOL_PORT"));
        let error = Settings::default()
            .with_overrides(env(&[("ECOSSOL_DATABASE_URL", "mysql://x")]))
            .expect_err("unsupported");
        assert!(error.to_string().contains("unsupported"));
        assert!(
            Settings::default()
                .with_overrides(env(&[("ECOSSOL_MEILI_KEY", "orphan-key-0000")]))
                .is_err()
        );
    }

    #[test]
    fn secrets_never_print() {
        let settings = Settings::default()
            .with_overrides(env(&[
                ("ECOSSOL_DATABASE_URL", "postgres://app:hunter2-secret@db/ecossol"),
                ("ECOSSOL_MEILI_URL", "http://search:7700"),
                ("ECOSSOL_MEILI_KEY", "master-key-do-not-print"),
            ]))
            .expect("valid");
        let printed = format!("{settings:?}");
        assert!(!printed.contains("hunter2-secret"), "{printed}");
        assert!(!printed.contains("do-not-print"), "{printed}");
    }

    #[test]
    fn a_config_file_is_read_and_unknown_keys_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("ecossol.toml");
        std::fs::write(&path, "port = 4000\n[meili]\nindex_prefix = \"prod_\"\n").expect("write");
        let settings = Settings::from_file(&path).expect("valid file");
        assert_eq!(settings.port, 4000);
        assert_eq!(settings.meili.index_prefix, "prod_");
        std::fs::write(&path, "prot = 4000\n").expect("write");
        assert!(Settings::from_file(&path).is_err());
    }
}
