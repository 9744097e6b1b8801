//! `/veille/imports` and `/veille/imports/{id}`: the imports the person reads, and one import
//! with its columns, their roles and what it would import (pending) or imported.

use super::{PREVIEW_LINES, headers_of, mapping_of, preview::preview, stored::StoredFile};
use crate::{
    db::{
        purchase_imports::{self, ImportRow},
        purchase_ledger,
    },
    domain::{
        Code,
        accounts::Acting,
        needs::budget::euros,
        watch::{
            ColumnRole, Mapping, letter,
            views::{
                ColumnView, ImportPage, ImportsPage, OrganisationChoice, PreviewView, RoleChoice,
            },
        },
    },
    error::AppError,
    services::{
        needs::access::WRITERS,
        watch::{
            access,
            views::{self, line_of_ledger},
        },
    },
    state::AppState,
};

/// The imports a list shows.
const LISTED: i64 = 200;

/// `/veille/imports`: the imports the person reads, and where they may send a file.
pub async fn list(state: &AppState, user: &Acting) -> Result<ImportsPage, AppError> {
    let writes: Vec<_> = user.buyers_where(WRITERS).collect();
    let may_import_for = writes
        .iter()
        .filter(|s| s.verified)
        .map(|s| OrganisationChoice {
            id: s.organisation_id.clone(),
            name: s.organisation_name.clone(),
        })
        .collect();
    let awaiting_verification =
        writes.iter().filter(|s| !s.verified).map(|s| s.organisation_name.clone()).collect();
    let readable = access::readable_buyers(user);
    let rows = purchase_imports::listed(&state.db, readable.as_deref(), LISTED).await?;
    Ok(ImportsPage {
        may_import_for,
        awaiting_verification,
        imports: rows.iter().map(views::summary).collect(),
        everyone: readable.is_none(),
    })
}

fn role_choices() -> Vec<RoleChoice> {
    use strum::VariantArray;
    ColumnRole::VARIANTS
        .iter()
        .map(|r| RoleChoice {
            code: r.code().to_owned(),
            label: r.label().to_owned(),
            required: r.required(),
        })
        .collect()
}

fn columns(headers: &[String], samples: &[Vec<String>], mapping: &Mapping) -> Vec<ColumnView> {
    headers
        .iter()
        .enumerate()
        .map(|(i, header)| ColumnView {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            letter: letter(i),
            header: header.clone(),
            samples: samples.get(i).cloned().unwrap_or_default(),
            role: mapping
                .roles()
                .get(i)
                .copied()
                .flatten()
                .map(|r| r.code().to_owned())
                .unwrap_or_default(),
        })
        .collect()
}

/// What an imported (or replaced) file brought, from the ledger.
async fn imported(state: &AppState, row: &ImportRow) -> Result<PreviewView, AppError> {
    let stored = purchase_ledger::of_import(&state.db, &row.id, PREVIEW_LINES as i64).await?;
    Ok(PreviewView {
        lines: stored.iter().map(line_of_ledger).collect(),
        line_count: u64::try_from(row.line_count).unwrap_or(0),
        error_count: 0,
        errors: Vec::new(),
        total: euros(row.total_cents),
        matched_count: u64::try_from(row.matched_count).unwrap_or(0),
    })
}

/// `/veille/imports/{id}`: the import, to its buyer's members and the pôle (404 for the
/// others).
pub async fn page(state: &AppState, user: &Acting, id: &str) -> Result<ImportPage, AppError> {
    let row = purchase_imports::find(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let organisation_id = row.organisation_id.clone().unwrap_or_default();
    if !access::reads(user, &organisation_id) {
        return Err(AppError::NotFound);
    }
    let pending = row.state == "pending";
    let may_change = pending
        && access::writes_for(user, &organisation_id)
        && user.in_verified_buyer(&organisation_id);
    let headers = headers_of(&row);
    let mapping = mapping_of(&row, &headers);
    let (samples, preview, unreadable) = if pending {
        let file = StoredFile::of(&row)?;
        let max_lines = state.import_bounds.csv_lines;
        let read = preview(&state.db, &file, &row.file_name, mapping.clone(), max_lines).await?;
        match read.preview {
            Ok(preview) => (read.samples, Some(preview), None),
            Err(message) => (read.samples, None, Some(message)),
        }
    } else {
        (Vec::new(), Some(imported(state, &row).await?), None)
    };
    Ok(ImportPage {
        summary: views::summary(&row),
        may_change,
        columns: columns(&headers, &samples, &mapping),
        roles: role_choices(),
        preview,
        unreadable,
    })
}
