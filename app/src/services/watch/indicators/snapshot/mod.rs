//! The watch's indicators are computed in memory, over a compact copy of the ledger that
//! each app server keeps and reads again when the ledger's revision has moved
//! (`db::ledger_changes`). A view of the dashboard at a million lines then costs a few
//! passes over an array instead of a few grouped scans of the table with their joins (see
//! docs/benchmarks.md « Watch »). The structures' kinds and communes and the buyer
//! organisations' kinds change without the ledger: they are read at each view
//! ([`Ledger`]), a few thousand short rows.
//!
//! Several servers each hold their own copy; none holds anything another needs, and a copy
//! is never older than the revision read at the start of a request.

mod build;
mod filter;
mod interner;
mod read;

use std::sync::Arc;

pub use read::{BuyerCell, Lines, Read, Rows, SupplierCounts};

use crate::{
    db::{Db, ledger_changes},
    error::AppError,
};
use build::Snapshot;

/// The current copy of the ledger, shared by the server's requests.
#[derive(Clone, Default)]
pub struct LedgerSnapshots {
    current: Arc<tokio::sync::Mutex<Option<Arc<Snapshot>>>>,
}

impl std::fmt::Debug for LedgerSnapshots {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LedgerSnapshots")
    }
}

impl LedgerSnapshots {
    /// A copy at least as recent as the ledger's revision now. One request reads the
    /// ledger again when it has moved; the others wait for that copy rather than read it too.
    async fn current(&self, db: &Db) -> Result<Arc<Snapshot>, sqlx::Error> {
        let revision = ledger_changes::revision(db).await?;
        let mut slot = self.current.lock().await;
        // A copy is labelled with the revision read before its lines: it holds at least
        // that revision's lines, so it serves every request that read that one or an older.
        if let Some(snapshot) = slot.as_ref().filter(|s| s.revision >= revision) {
            return Ok(Arc::clone(snapshot));
        }
        *slot = None; // not two copies in memory while the new one is read
        let fresh = Arc::new(Snapshot::read(db, revision).await?);
        *slot = Some(Arc::clone(&fresh));
        Ok(fresh)
    }
}

/// The ledger as a view of the dashboard reads it: the copy, with the structures' and
/// organisations' attributes of the moment.
pub struct Ledger {
    snapshot: Arc<Snapshot>,
    attributes: build::Attributes,
}

/// The ledger now, for one view.
pub async fn ledger(db: &Db, snapshots: &LedgerSnapshots) -> Result<Ledger, AppError> {
    let snapshot = snapshots.current(db).await?;
    let attributes = build::Attributes::read(db, &snapshot).await?;
    Ok(Ledger { snapshot, attributes })
}
