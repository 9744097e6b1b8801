//! Confirming a pending import: the whole file read again from its chunks and its lines
//! stored in one transaction — any error, and nothing is stored. The earlier imports of the
//! same file lose their lines in the same transaction; the file's chunks go once its lines
//! are the record.

use std::ops::ControlFlow;

use serde_json::json;
use tokio::sync::mpsc;

use super::{
    invalid,
    lines::new_line,
    pending::pending_for,
    stored::{self, StoredFile},
};
use crate::{
    db::{
        Db, insertion_hours, organisations, purchase_import_chunks, purchase_import_mappings,
        purchase_imports::{self, ImportRow, Imported},
        purchase_ledger::{self, BATCH, ImportContext, NewLine},
    },
    domain::{Outcome, accounts::Acting},
    error::AppError,
    services::{
        audit,
        watch::{
            matching::Directory,
            scan::{Scan, scan},
        },
    },
    state::AppState,
};

/// What a confirmation stored.
struct Stored {
    lines: i64,
    total_cents: i64,
    matched: i64,
    replaced: Vec<String>,
    /// Insertion-hour declarations moved from the replaced imports' lines.
    declarations_kept: u64,
}

/// Stores the lines of a pending import the person may confirm. Returns the import's id.
#[tracing::instrument(skip_all, fields(user_id = %user.id, import_id = id))]
pub async fn confirm(
    state: &AppState,
    user: &Acting,
    id: &str,
) -> Result<Outcome<String>, AppError> {
    let (row, organisation_id) = match pending_for(state, user, id).await? {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let now = state.clock.now_ms();
    let max_lines = state.import_bounds.csv_lines;
    confirm_pending(&state.db, &row, &organisation_id, &user.id, now, max_lines).await
}

/// Confirms a pending import whose rights were checked (or of the demo data, or of a
/// benchmark), refusing a file of more than `max_lines` lines.
pub async fn confirm_pending(
    db: &Db,
    row: &ImportRow,
    organisation_id: &str,
    user_id: &str,
    now: i64,
    max_lines: u64,
) -> Result<Outcome<String>, AppError> {
    let id = row.id.as_str();
    let buyer =
        organisations::buyer_identity(db, organisation_id).await?.ok_or(AppError::Forbidden)?;
    let file = StoredFile::of(row)?;
    let mapping = super::mapping_of(row, &super::headers_of(row));
    let directory = Directory::load(db).await?;
    let mut tx = crate::db::begin(db).await?;
    let imported = Imported { id, mapping: &mapping.text(), imported_by: user_id, now };
    if !purchase_imports::mark_imported(&mut tx, &imported).await? {
        return Ok(Outcome::refused("Cet import vient d'être enregistré ou abandonné."));
    }
    let reading = Reading { db, file, mapping: mapping.clone(), directory, max_lines };
    let stored = match store_lines(&mut tx, row, &buyer, reading, now).await? {
        Ok(stored) => stored,
        Err(answer) => return Ok(answer),
    };
    purchase_imports::set_counts(&mut tx, id, stored.lines, stored.total_cents, stored.matched)
        .await?;
    purchase_import_chunks::delete_of(&mut tx, id).await?;
    purchase_import_mappings::remember(
        &mut tx,
        organisation_id,
        &row.header_signature,
        &mapping.text(),
        user_id,
        now,
    )
    .await?;
    let details = json!({
        "organisation_id": organisation_id,
        "file_name": row.file_name,
        "lines": stored.lines,
        "total_cents": stored.total_cents,
        "matched": stored.matched,
        "replaced": stored.replaced,
        "declarations_kept": stored.declarations_kept,
    });
    audit::record(&mut tx, Some(user_id), ("purchase_import", id), "imported", &details, now)
        .await?;
    tx.commit().await?;
    tracing::info!(import_id = id, lines = stored.lines, "purchases file imported");
    Ok(Outcome::Done(id.to_owned()))
}

/// A file to read and how.
struct Reading<'a> {
    db: &'a Db,
    file: StoredFile,
    mapping: crate::domain::watch::Mapping,
    directory: Directory,
    max_lines: u64,
}

/// The pass that stores: the file is read from its chunks on a blocking thread, its typed
/// and matched lines come over a bounded channel in batches, each batch one INSERT; nothing
/// but a couple of chunks and a few batches is held at once.
async fn store_lines(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    row: &ImportRow,
    buyer: &organisations::BuyerIdentity,
    reading: Reading<'_>,
    now: i64,
) -> Result<Result<Stored, Outcome<String>>, AppError> {
    let organisation_id = row.organisation_id.as_deref().unwrap_or_default();
    let Reading { db, file, mapping, directory, max_lines } = reading;
    let (sender, mut batches) = mpsc::channel::<Vec<NewLine>>(4);
    let reader = stored::start(db, &file, move |input| {
        let mut batch = Vec::with_capacity(BATCH);
        let mut matched: i64 = 0;
        let scan = scan(input, &mapping, max_lines, |number, line| {
            let found = directory.find_line(&line);
            matched += i64::from(found.is_some());
            batch.push(new_line(number, line, found));
            if batch.len() == BATCH && sender.blocking_send(std::mem::take(&mut batch)).is_err() {
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        });
        if !batch.is_empty() {
            sender.blocking_send(batch).ok();
        }
        (scan, matched)
    })
    .await?;
    let context = ImportContext {
        source: "file",
        import_id: &row.id,
        buyer_organisation_id: Some(organisation_id),
        buyer_name: &buyer.name,
        buyer_kind: buyer.buyer_kind.as_deref(),
        buyer_siret: buyer.siret.as_deref(),
        now,
    };
    while let Some(batch) = batches.recv().await {
        purchase_ledger::insert_lines(tx, &context, &batch).await?;
    }
    let (scan, matched) = reader.finish().await?;
    let scan = match scan {
        Ok(scan) => scan,
        Err(message) => return Ok(Err(invalid(message))),
    };
    if let Some(refused) = refusal(&scan) {
        return Ok(Err(refused));
    }
    // The earlier imports of the same file go once the new lines are in: the hours declared
    // on their clause contracts move to the same contracts of this file first.
    let replaced =
        purchase_imports::same_file(tx, &row.id, organisation_id, &row.file_key, &row.content_hash)
            .await?;
    let mut declarations_kept = 0;
    for earlier in &replaced {
        declarations_kept += insertion_hours::carry_over(tx, earlier, &row.id).await?;
        purchase_ledger::delete_of_import(tx, earlier).await?;
        purchase_imports::mark_replaced(tx, earlier, &row.id).await?;
    }
    Ok(Ok(Stored {
        lines: i64::try_from(scan.lines).unwrap_or(i64::MAX),
        total_cents: scan.total_cents,
        matched,
        replaced,
        declarations_kept,
    }))
}

/// Why a file read to its end is not imported, when it is not.
fn refusal(scan: &Scan) -> Option<Outcome<String>> {
    if scan.error_count > 0 {
        return Some(Outcome::invalid(
            "import",
            format!(
                "{} erreur{} dans le fichier : rien n'a été importé. Corrigez le fichier, puis \
                 envoyez-le à nouveau.",
                scan.error_count,
                if scan.error_count > 1 { "s" } else { "" }
            ),
        ));
    }
    if scan.lines == 0 {
        return Some(invalid("Le fichier ne contient aucune ligne d'achat sous son en-tête."));
    }
    None
}
