//! The ledger's revision: each function of `db/` that writes `purchases` calls [`record`] in
//! the same transaction, once per statement (a batch of an import, not a line). The number
//! of rows is the revision, by which every app server knows whether its in-memory copy of
//! the ledger (`services::watch::indicators::snapshot`) is current: rows are never deleted,
//! and a change is counted only once its transaction commits, together with the lines.
//!
//! A row per change rather than one counter row bumped in place: on PostgreSQL a counter
//! would stay locked from a long import's first batch to its commit, holding back every
//! other write of the ledger (an award, a declaration of hours) for up to a minute.

use sqlx::{Any, Executor};

use super::Db;

/// Counts a change of the ledger; `what` names the writer (`import`, `decp`, `award`…).
pub async fn record<'e, E>(executor: E, what: &str) -> Result<(), sqlx::Error>
where
    E: Executor<'e, Database = Any>,
{
    sqlx::query("INSERT INTO ledger_changes (id, what) VALUES ($1, $2)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(what)
        .execute(executor)
        .await?;
    Ok(())
}

/// The ledger's revision: the number of changes committed.
pub async fn revision(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM ledger_changes").fetch_one(db).await
}

#[cfg(test)]
mod tests {
    /// Every statement of `db/` that writes the ledger is counted: a file with more such
    /// statements than calls to [`super::record`] forgot one, and the watch would show
    /// figures older than the ledger until the next change.
    #[test]
    fn every_write_of_the_ledger_records_a_change() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/db");
        let mut missing = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("db/") {
            let path = entry.expect("entry").path();
            if path.ends_with("ledger_changes.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source");
            let writes = ["INTO purchases (", "UPDATE purchases SET", "DELETE FROM purchases"]
                .iter()
                .map(|w| text.matches(w).count())
                .sum::<usize>();
            let records = text.matches("ledger_changes::record(").count();
            if writes > records {
                missing.push(format!("{}: {writes} writes, {records} records", path.display()));
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}
