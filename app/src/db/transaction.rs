//! Write transactions that behave alike on both databases.

use sqlx::{Any, Transaction};

use super::Db;

/// Opens a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads, then writes after another
/// connection committed, fails with SQLITE_BUSY_SNAPSHOT instead of waiting its turn.
pub async fn begin(db: &Db) -> Result<Transaction<'static, Any>, sqlx::Error> {
    if db.connect_options().database_url.scheme() == "sqlite" {
        db.begin_with("BEGIN IMMEDIATE").await
    } else {
        #[expect(clippy::disallowed_methods, reason = "this is the one place that may")]
        db.begin().await
    }
}
