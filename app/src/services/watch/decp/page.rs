//! `/veille/decp`: the pôle's animators (and administrators) import DECP files from the
//! browser and see the past imports.

use std::io::Cursor;

use super::store::{Options, Report, import};
use crate::{
    db::decp_ledger::{self, DecpImportRow},
    domain::{
        accounts::Acting,
        calendar::french_date,
        needs::budget::euros,
        watch::decp_views::{DecpImportView, DecpPage},
    },
    error::AppError,
    state::AppState,
};

/// The largest DECP file sent from the browser (larger ones: `server import-decp`).
pub const MAX_UPLOAD_BYTES: usize = 50 * 1024 * 1024;
const LISTED: i64 = 100;

fn may_import(user: &Acting) -> Result<(), AppError> {
    if user.moderates() { Ok(()) } else { Err(AppError::Forbidden) }
}

fn view(row: DecpImportRow) -> DecpImportView {
    let kept = row.decp_read - row.decp_outside;
    DecpImportView {
        on: french_date(row.created_at),
        read: row.decp_read,
        kept,
        added: kept - row.decp_updated,
        updated: row.decp_updated,
        outside: row.decp_outside,
        concessions: row.decp_concessions,
        lines: row.line_count,
        matched: row.matched_count,
        total: euros(row.total_cents),
        file_name: row.file_name,
        id: row.id,
    }
}

pub async fn page(state: &AppState, user: &Acting) -> Result<DecpPage, AppError> {
    may_import(user)?;
    let rows = decp_ledger::imports(&state.db, LISTED).await?;
    Ok(DecpPage {
        imports: rows.into_iter().map(view).collect(),
        buyers: state.decp_buyers.clone(),
    })
}

/// A file sent from the page: imported (or tried, for a dry run).
#[tracing::instrument(skip_all, fields(user_id = %user.id, bytes = bytes.len()))]
pub async fn upload(
    state: &AppState,
    user: &Acting,
    file_name: &str,
    bytes: Vec<u8>,
    dry_run: bool,
) -> Result<Report, AppError> {
    may_import(user)?;
    let options = Options {
        buyers: &state.decp_buyers,
        dry_run,
        user_id: Some(&user.id),
        now: state.clock.now_ms(),
    };
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Ok(Report::refused(
            "Ce fichier dépasse 50 Mo : importez-le avec la commande « server import-decp ».",
        ));
    }
    import(&state.db, Cursor::new(bytes), file_name, &options).await
}
