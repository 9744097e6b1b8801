//! A DECP file imported in one transaction: read on a blocking thread, its kept contracts
//! coming over a bounded channel in batches; each batch's contracts already in the ledger
//! (same buyer SIRET and id) are updated, the others inserted. Any error, or a dry run, and
//! the transaction is rolled back: nothing is stored.

use std::{collections::HashMap, io::Read};

use serde_json::json;
use tokio::sync::mpsc;

use super::read::{RecordError, Screen, Tally, read_all};
use crate::{
    db::{
        Db,
        decp_ledger::{self, DecpCounts, DecpLine, NewDecpImport},
    },
    domain::{files::clean_file_name, watch::text::file_key},
    error::AppError,
    services::{audit, watch::matching::Directory},
};

/// How to import.
pub struct Options<'a> {
    /// The buyers' SIRETs whose contracts are kept wherever they are carried out.
    pub buyers: &'a [String],
    pub dry_run: bool,
    /// Who sent the file (none from the command line).
    pub user_id: Option<&'a str>,
    pub now: i64,
}

/// What an import did, or would do (dry run), or why it did nothing (errors).
#[derive(Debug, Default)]
pub struct Report {
    pub import_id: Option<String>,
    pub dry_run: bool,
    pub read: u64,
    pub kept: u64,
    pub added: u64,
    pub updated: u64,
    pub outside: u64,
    pub concessions: u64,
    pub matched: u64,
    pub total_cents: i64,
    pub errors: Vec<RecordError>,
    pub error_count: u64,
}

impl Report {
    pub fn is_ok(&self) -> bool {
        self.error_count == 0
    }
}

/// Imports a DECP file (JSON or XML, told from its content).
#[tracing::instrument(skip_all, fields(file_name, dry_run = options.dry_run))]
pub async fn import(
    db: &Db,
    reader: impl Read + Send + 'static,
    file_name: &str,
    options: &Options<'_>,
) -> Result<Report, AppError> {
    let screen = Screen {
        buyers: options.buyers.iter().cloned().collect(),
        directory: Directory::load(db).await?,
        organisations: decp_ledger::buyers_by_siret(db).await?,
    };
    let (sender, mut batches) = mpsc::channel::<Vec<DecpLine>>(4);
    let reading = tokio::task::spawn_blocking(move || {
        read_all(reader, &screen, |batch| sender.blocking_send(batch).is_ok())
    });
    let id = uuid::Uuid::new_v4().to_string();
    let file_name = clean_file_name(file_name);
    let mut tx = crate::db::begin(db).await?;
    decp_ledger::plan_each_statement(&mut tx).await?;
    let new = NewDecpImport {
        id: &id,
        format: "json",
        file_name: &file_name,
        file_key: &file_key(&file_name),
        content_hash: "",
        size_bytes: 0,
        uploaded_by: options.user_id,
        now: options.now,
    };
    decp_ledger::insert_import(&mut tx, &new).await?;
    let mut updated = 0;
    while let Some(batch) = batches.recv().await {
        updated += store_batch(&mut tx, &id, options.now, batch).await?;
    }
    let tally = reading.await.map_err(AppError::internal)?;
    let mut report = report_of(&tally, updated, options.dry_run);
    if !report.is_ok() || options.dry_run {
        tx.rollback().await?;
        return Ok(report);
    }
    let counts = DecpCounts {
        read: to_i64(tally.read),
        updated: to_i64(updated),
        outside: to_i64(tally.outside),
        concessions: to_i64(tally.concessions),
    };
    let format = tally.format.map_or("json", |f| f.code());
    let size = to_i64(tally.size_bytes);
    decp_ledger::finish_import(&mut tx, &id, format, &tally.content_hash, size, &counts).await?;
    decp_ledger::recount(&mut tx, &id).await?;
    let details = json!({
        "source": "decp",
        "file_name": file_name,
        "read": tally.read,
        "kept": tally.kept,
        "updated": updated,
        "outside": tally.outside,
        "concessions": tally.concessions,
        "content_hash": tally.content_hash,
    });
    audit::record(
        &mut tx,
        options.user_id,
        ("purchase_import", &id),
        "imported",
        &details,
        options.now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(import_id = id, kept = tally.kept, updated, "DECP file imported");
    report.import_id = Some(id);
    Ok(report)
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn report_of(tally: &Tally, updated: u64, dry_run: bool) -> Report {
    Report {
        import_id: None,
        dry_run,
        read: tally.read,
        kept: tally.kept,
        added: tally.kept.saturating_sub(updated),
        updated,
        outside: tally.outside,
        concessions: tally.concessions,
        matched: tally.matched,
        total_cents: tally.total_cents,
        errors: tally.errors.clone(),
        error_count: tally.error_count,
    }
}

/// Stores a batch: the contracts already in the ledger are updated, the others inserted; a
/// contract given twice in the batch keeps its last version. Returns how many were updated (a repeat within the batch counts as an update).
async fn store_batch(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    import_id: &str,
    now: i64,
    batch: Vec<DecpLine>,
) -> Result<u64, AppError> {
    let keys: Vec<(&str, &str)> =
        batch.iter().map(|l| (l.buyer_siret.as_str(), l.external_id.as_str())).collect();
    let existing = decp_ledger::existing(tx, &keys).await?;
    let mut updated = 0;
    let mut stored: Vec<(&str, DecpLine)> = Vec::new();
    let mut fresh: Vec<(String, DecpLine)> = Vec::new();
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    for line in batch {
        let key = (line.buyer_siret.clone(), line.external_id.clone());
        if let Some(id) = existing.get(&key) {
            stored.push((id.as_str(), line));
            updated += 1;
        } else if let Some(i) = at.get(&key) {
            fresh[*i].1 = line;
            updated += 1;
        } else {
            at.insert(key, fresh.len());
            fresh.push((uuid::Uuid::new_v4().to_string(), line));
        }
    }
    let changes: Vec<(&str, &DecpLine)> = stored.iter().map(|(id, line)| (*id, line)).collect();
    decp_ledger::update(tx, import_id, &changes).await?;
    decp_ledger::insert(tx, import_id, now, &fresh).await?;
    Ok(updated)
}

impl Report {
    /// A file refused before it is read.
    pub fn refused(message: &str) -> Self {
        Self {
            errors: vec![RecordError {
                rank: 0,
                id: None,
                field: String::new(),
                message: message.to_owned(),
            }],
            error_count: 1,
            ..Self::default()
        }
    }
}
