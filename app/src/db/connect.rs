use std::{path::Path, str::FromStr, time::Duration};

use anyhow::Context;
use sqlx::{
    AnyPool, Executor,
    any::{AnyConnectOptions, AnyPoolOptions},
};

/// The pool every repository takes. Cheap to clone.
pub type Db = AnyPool;

/// Which database a URL designates. Decided here and nowhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The database a pool talks to.
    pub fn of(db: &Db) -> Self {
        if db.connect_options().database_url.scheme() == "sqlite" {
            Self::Sqlite
        } else {
            Self::Postgres
        }
    }

    pub fn from_url(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres)
        } else {
            anyhow::bail!("unsupported database URL scheme (expected sqlite: or postgres://)")
        }
    }
}

/// How to open the pool.
#[derive(Debug, Clone)]
pub struct DbOptions {
    pub max_connections: u32,
    pub acquire_timeout: Duration,
}

impl Default for DbOptions {
    fn default() -> Self {
        Self { max_connections: 10, acquire_timeout: Duration::from_secs(5) }
    }
}

/// Opens the database designated by `url`, creating a SQLite file (and its folder) if needed,
/// and applies the pending migrations.
///
/// SQLite runs in WAL mode with foreign keys enforced and a busy timeout, so that the web
/// server and background workers can share the file.
pub async fn connect(url: &str, options: &DbOptions) -> anyhow::Result<Db> {
    sqlx::any::install_default_drivers();
    let backend = Backend::from_url(url)?;
    let url = match backend {
        Backend::Sqlite => sqlite_url_creating_file(url)?,
        Backend::Postgres => url.to_owned(),
    };
    let connect_options =
        AnyConnectOptions::from_str(&url).context("the database URL cannot be parsed")?;
    let pool = AnyPoolOptions::new()
        .max_connections(options.max_connections)
        .acquire_timeout(options.acquire_timeout)
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                }
                Ok(())
            })
        })
        .connect_with(connect_options)
        .await
        .context("cannot connect to the database")?;
    sqlx::migrate!("../migrations")
        .run(&pool)
        .await
        .context("cannot apply the database migrations")?;
    Ok(pool)
}

/// Makes sure the folder of a `sqlite:` file exists and asks SQLite to create the file.
fn sqlite_url_creating_file(url: &str) -> anyhow::Result<String> {
    let rest = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path != ":memory:"
        && let Some(parent) = Path::new(path).parent().filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    let query = match (query.is_empty(), query.contains("mode=")) {
        (true, _) => "mode=rwc".to_owned(),
        (false, true) => query.to_owned(),
        (false, false) => format!("{query}&mode=rwc"),
    };
    Ok(format!("sqlite://{path}?{query}"))
}

/// Whether the database answers a trivial query.
pub async fn ping(db: &Db) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT 1").execute(db).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_decides_the_backend() {
        assert_eq!(Backend::from_url("sqlite://data/ecossol.db").ok(), Some(Backend::Sqlite));
        assert_eq!(Backend::from_url("sqlite::memory:").ok(), Some(Backend::Sqlite));
        assert_eq!(Backend::from_url("postgres://u@h/db").ok(), Some(Backend::Postgres));
        assert_eq!(Backend::from_url("postgresql://u@h/db").ok(), Some(Backend::Postgres));
        assert!(Backend::from_url("mysql://u@h/db").is_err());
    }

    #[test]
    fn sqlite_urls_ask_for_creation_unless_a_mode_is_given() {
        let dir = std::env::temp_dir().join(format!("ecossol-url-{}", std::process::id()));
        let url = format!("sqlite://{}/x.db", dir.display());
        let made = sqlite_url_creating_file(&url).expect("valid");
        assert!(made.ends_with("x.db?mode=rwc"), "{made}");
        assert!(dir.is_dir());
        let kept = sqlite_url_creating_file(&format!("{url}?mode=ro")).expect("valid");
        assert!(kept.ends_with("x.db?mode=ro"), "{kept}");
        std::fs::remove_dir_all(dir).ok();
    }
}
