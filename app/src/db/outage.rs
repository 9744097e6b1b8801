//! Which database failures mean « the database cannot be reached now » (a 503 that the next
//! try may not get) rather than a bug or bad data (a 500 to fix).
//!
//! The pool gives up on a connection it cannot open within its acquire timeout, or at once
//! when the server refuses it; a connection the server killed fails its next query. What
//! each backend says then:
//! - any: the pool timed out or is closed, the socket or TLS failed, the driver's worker died;
//! - PostgreSQL: a FATAL or PANIC error (the server ends the session: database shut down or
//!   restarting, backend terminated, « not currently accepting connections », too many
//!   connections, bad credentials after a change), SQLSTATE class 08 (connection exception),
//!   57P01/57P02/57P03 (admin shutdown, crash shutdown, cannot connect now) and 53300 (too
//!   many connections) whatever their severity;
//! - SQLite: the file is locked beyond the busy timeout (BUSY, LOCKED), cannot be opened
//!   (CANTOPEN), or the disk fails or is full (IOERR, FULL).

use sqlx::{
    error::DatabaseError,
    postgres::{PgDatabaseError, PgSeverity},
    sqlite::SqliteError,
};

/// PostgreSQL codes that mean the server is going away, starting, or full.
const PG_UNAVAILABLE: &[&str] = &["57P01", "57P02", "57P03", "53300"];

/// SQLite's primary result codes BUSY, LOCKED, IOERR, FULL and CANTOPEN.
const SQLITE_UNAVAILABLE: &[i32] = &[5, 6, 10, 13, 14];

/// Whether `error` says the database is out of reach rather than that a query is wrong.
pub fn is_outage(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(error) => database_says_outage(error.as_ref()),
        _ => false,
    }
}

fn database_says_outage(error: &dyn DatabaseError) -> bool {
    if let Some(pg) = error.try_downcast_ref::<PgDatabaseError>() {
        let code = pg.code();
        return matches!(pg.severity(), PgSeverity::Fatal | PgSeverity::Panic)
            || code.starts_with("08")
            || PG_UNAVAILABLE.contains(&code);
    }
    if let Some(sqlite) = error.try_downcast_ref::<SqliteError>() {
        // The extended code; its low byte is the primary one.
        let code = sqlite.code().and_then(|c| c.parse::<i32>().ok()).unwrap_or_default();
        return SQLITE_UNAVAILABLE.contains(&(code & 0xff));
    }
    false
}

#[cfg(test)]
mod tests {
    //! PostgreSQL's errors cannot be made without a server: the integration test
    //! `security::database_outage` takes a real database away. SQLite's are made here, on
    //! real files.

    use std::str::FromStr;

    use sqlx::{
        ConnectOptions, Connection, Executor,
        sqlite::{SqliteConnectOptions, SqliteConnection},
    };

    use super::*;

    async fn open(path: &std::path::Path) -> SqliteConnection {
        SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .busy_timeout(std::time::Duration::ZERO)
            .connect()
            .await
            .expect("open")
    }

    #[test]
    fn the_pool_and_the_socket_failing_are_outages() {
        assert!(is_outage(&sqlx::Error::PoolTimedOut));
        assert!(is_outage(&sqlx::Error::PoolClosed));
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert!(is_outage(&sqlx::Error::Io(refused)));
        assert!(!is_outage(&sqlx::Error::RowNotFound));
        assert!(!is_outage(&sqlx::Error::ColumnNotFound("x".into())));
    }

    #[tokio::test]
    async fn a_sqlite_file_that_cannot_be_opened_is_an_outage() {
        let dir = tempfile_dir("cantopen");
        let missing = dir.join("no-such-folder").join("ecossol.db");
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", missing.display()))
            .expect("options");
        let error = options.connect().await.expect_err("no folder, no file");
        assert!(is_outage(&error), "{error:?}");
        std::fs::remove_dir_all(dir).ok();
    }

    #[tokio::test]
    async fn a_sqlite_file_locked_by_another_writer_is_an_outage_and_a_bad_query_is_not() {
        let dir = tempfile_dir("busy");
        let path = dir.join("ecossol.db");
        let mut holder = open(&path).await;
        holder.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)").await.expect("table");
        holder.execute("BEGIN IMMEDIATE").await.expect("write lock");
        let mut other = open(&path).await;
        let busy = other.execute("INSERT INTO t (id) VALUES (1)").await.expect_err("locked");
        assert!(is_outage(&busy), "{busy:?}");

        holder.execute("COMMIT").await.expect("commit");
        other.execute("INSERT INTO t (id) VALUES (1)").await.expect("free again");
        let duplicate = other.execute("INSERT INTO t (id) VALUES (1)").await.expect_err("dup");
        assert!(!is_outage(&duplicate), "a constraint is a bug to see: {duplicate:?}");
        let typo = other.execute("SELEC 1").await.expect_err("syntax");
        assert!(!is_outage(&typo), "{typo:?}");
        holder.close().await.ok();
        other.close().await.ok();
        std::fs::remove_dir_all(dir).ok();
    }

    fn tempfile_dir(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("ecossol-outage-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }
}
