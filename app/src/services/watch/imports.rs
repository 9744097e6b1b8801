//! A buyer's purchases file: sent from the browser and kept pending, its columns mapped on
//! screen (the mapping remembered for the next file with the same header), previewed with
//! every error in French, then confirmed — all or nothing, in one transaction — or discarded.
//!
//! « The same file » is one the organisation already imported under the same name (folded:
//! case, accents and the « (1) » or « - Copie » of a second download ignored) or with the
//! same content (SHA-256). The name is what a buyer keeps when it corrects or completes its
//! yearly file (« achats-2025.csv » sent again in March with more lines must replace the
//! January copy, although its content changed); the content catches the same file renamed.
//! Importing it again replaces its lines instead of doubling them; the earlier import stays
//! listed as replaced.

use std::ops::ControlFlow;

use serde_json::json;
use sha2::{Digest, Sha256};
use tokio::sync::mpsc;

use super::{
    access,
    files::{self, Format, MAX_UPLOAD_BYTES, MAX_UPLOAD_LINES},
    matching::{Directory, Known},
    scan::{RowError, Scan, scan},
    views::{self, line_of_file, line_of_ledger},
};
use crate::{
    db::{
        Db, organisations, purchase_import_mappings,
        purchase_imports::{self, ImportRow, Imported, NewImport},
        purchase_ledger::{self, BATCH, ImportContext, NewLine},
    },
    domain::{
        Code, Outcome,
        accounts::Acting,
        files::clean_file_name,
        needs::budget::euros,
        watch::{
            ColumnRole, LedgerLine, Mapping,
            consideration::codes,
            letter, signature,
            text::{file_key, supplier_key},
            views::{
                ColumnView, ImportPage, ImportsPage, LineView, MappingForm, OrganisationChoice,
                PreviewView, RoleChoice, RowErrorView,
            },
        },
    },
    error::AppError,
    services::{audit, needs::access::WRITERS},
    state::AppState,
};

/// The lines a preview shows.
pub const PREVIEW_LINES: usize = 20;
/// The imports a list shows.
const LISTED: i64 = 200;

/// A file sent by a buyer.
pub struct Upload {
    pub organisation_id: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

fn invalid<T>(message: impl Into<String>) -> Outcome<T> {
    Outcome::invalid("fichier", message)
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The mapping of an import: the one chosen or remembered, else guessed from the header.
fn mapping_of(row: &ImportRow, headers: &[String]) -> Mapping {
    row.mapping
        .as_deref()
        .and_then(|text| Mapping::from_text(text, headers.len()))
        .unwrap_or_else(|| Mapping::guess(headers))
}

fn headers_of(row: &ImportRow) -> Vec<String> {
    serde_json::from_str(&row.headers).unwrap_or_default()
}

/// An import that no longer exists, asked for by someone who may import: said in French; to
/// anybody else, forbidden.
fn gone<T>(user: &Acting) -> Result<Outcome<T>, AppError> {
    if user.buyers_where(WRITERS).any(|s| s.verified) {
        Ok(Outcome::refused("Cet import n'existe plus : envoyez le fichier à nouveau."))
    } else {
        Err(AppError::Forbidden)
    }
}

/// Receives a file and keeps it pending; returns the import's id.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id = %upload.organisation_id))]
pub async fn upload(
    state: &AppState,
    user: &Acting,
    upload: Upload,
) -> Result<Outcome<String>, AppError> {
    if let Some(refused) = access::may_import(user, &upload.organisation_id)? {
        return Ok(refused);
    }
    if upload.bytes.is_empty() {
        return Ok(invalid("Choisissez le fichier de vos achats (CSV ou XLSX)."));
    }
    if upload.bytes.len() > MAX_UPLOAD_BYTES {
        return Ok(invalid(format!(
            "Ce fichier dépasse 20 Mo ({}) : découpez-le (par année, par exemple).",
            files::BOUNDS_TEXT
        )));
    }
    keep_pending(
        &state.db,
        &upload.organisation_id,
        &user.id,
        &upload.file_name,
        upload.bytes,
        state.clock.now_ms(),
    )
    .await
}

/// Reads a file's header and keeps it pending, with the mapping remembered for that header
/// (else guessed). For [`upload`] once the rights are checked, and for the demo data.
pub async fn keep_pending(
    db: &Db,
    organisation_id: &str,
    user_id: &str,
    file_name: &str,
    bytes: Vec<u8>,
    now: i64,
) -> Result<Outcome<String>, AppError> {
    let format = match Format::sniff(&bytes) {
        Ok(format) => format,
        Err(message) => return Ok(invalid(message)),
    };
    let (bytes, sheet) = tokio::task::spawn_blocking(move || {
        let sheet = files::sheet(&bytes, format, 0);
        (bytes, sheet)
    })
    .await
    .map_err(AppError::internal)?;
    let sheet = match sheet {
        Ok(sheet) => sheet,
        Err(message) => return Ok(invalid(message)),
    };
    let header_signature = hex_sha256(signature(&sheet.headers).as_bytes());
    let remembered = purchase_import_mappings::remembered(db, organisation_id, &header_signature)
        .await?
        .and_then(|text| Mapping::from_text(&text, sheet.headers.len()));
    let mapping = remembered.unwrap_or_else(|| Mapping::guess(&sheet.headers));
    let file_name = clean_file_name(file_name);
    let content_hash = hex_sha256(&bytes);
    let headers = serde_json::to_string(&sheet.headers).map_err(AppError::internal)?;
    let id = uuid::Uuid::new_v4().to_string();
    let mut tx = crate::db::begin(db).await?;
    purchase_imports::delete_pending_of(&mut tx, organisation_id, user_id).await?;
    purchase_imports::insert_pending(
        &mut tx,
        &NewImport {
            id: &id,
            organisation_id,
            format: format.code(),
            file_name: &file_name,
            file_key: &file_key(&file_name),
            content_hash: &content_hash,
            content: &bytes,
            headers: &headers,
            header_signature: &header_signature,
            mapping: Some(&mapping.text()),
            uploaded_by: user_id,
            now,
        },
    )
    .await?;
    let details = json!({
        "organisation_id": organisation_id,
        "file_name": file_name,
        "bytes": bytes.len(),
        "content_hash": content_hash,
    });
    audit::record(&mut tx, Some(user_id), ("purchase_import", &id), "uploaded", &details, now)
        .await?;
    tx.commit().await?;
    tracing::info!(import_id = id, bytes = bytes.len(), "purchases file kept pending");
    Ok(Outcome::Done(id))
}

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

fn error_views(file: &str, errors: &[RowError]) -> Vec<RowErrorView> {
    errors
        .iter()
        .map(|e| RowErrorView {
            file: file.to_owned(),
            line: e.line,
            column: e.column.clone(),
            message: e.message.clone(),
        })
        .collect()
}

/// What a pending file would import: its sample values, the first lines typed and matched,
/// every error.
struct Preview {
    samples: Vec<Vec<String>>,
    scan: Result<Scan, String>,
    lines: Vec<LineView>,
    matched: u64,
}

fn read_pending(bytes: &[u8], format: Format, mapping: &Mapping, directory: &Directory) -> Preview {
    let samples = files::sheet(bytes, format, 3).map(|s| s.samples).unwrap_or_default();
    let mut lines = Vec::new();
    let mut matched = 0;
    let scan = scan(bytes, format, mapping, MAX_UPLOAD_LINES, |number, line| {
        let known = directory.find_line(&line).map(|(k, _)| k);
        matched += u64::from(known.is_some());
        if lines.len() < PREVIEW_LINES {
            lines.push(line_of_file(number, &line, known));
        }
        ControlFlow::Continue(())
    });
    Preview { samples, scan, lines, matched }
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
    let mut samples = Vec::new();
    let mut unreadable = None;
    let preview = if pending {
        let bytes = purchase_imports::content(&state.db, id).await?.ok_or(AppError::Internal)?;
        let format = Format::from_code(&row.format).ok_or(AppError::Internal)?;
        let directory = Directory::load(&state.db).await?;
        let for_reading = mapping.clone();
        let reading = tokio::task::spawn_blocking(move || {
            read_pending(&bytes, format, &for_reading, &directory)
        })
        .await
        .map_err(AppError::internal)?;
        samples = reading.samples;
        match reading.scan {
            Ok(scan) => Some(PreviewView {
                lines: reading.lines,
                line_count: scan.lines,
                error_count: scan.error_count,
                errors: error_views(&row.file_name, &scan.errors),
                total: euros(scan.total_cents),
                matched_count: reading.matched,
            }),
            Err(message) => {
                unreadable = Some(message);
                None
            }
        }
    } else {
        let stored = purchase_ledger::of_import(&state.db, id, PREVIEW_LINES as i64).await?;
        Some(PreviewView {
            lines: stored.iter().map(line_of_ledger).collect(),
            line_count: u64::try_from(row.line_count).unwrap_or(0),
            error_count: 0,
            errors: Vec::new(),
            total: euros(row.total_cents),
            matched_count: u64::try_from(row.matched_count).unwrap_or(0),
        })
    };
    let columns = headers
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
        .collect();
    Ok(ImportPage {
        summary: views::summary(&row),
        may_change,
        columns,
        roles: role_choices(),
        preview,
        unreadable,
    })
}

/// A pending import the person may change, or the answer to give instead.
async fn pending_for(
    state: &AppState,
    user: &Acting,
    id: &str,
) -> Result<Result<(ImportRow, String), Outcome<String>>, AppError> {
    let Some(row) = purchase_imports::find(&state.db, id).await? else {
        return gone(user).map(Err);
    };
    let organisation_id = row.organisation_id.clone().unwrap_or_default();
    if let Some(refused) = access::may_import(user, &organisation_id)? {
        return Ok(Err(refused));
    }
    if row.state != "pending" {
        return Ok(Err(Outcome::refused(
            "Cet import est déjà enregistré : pour le corriger, envoyez le fichier à nouveau.",
        )));
    }
    Ok(Ok((row, organisation_id)))
}

/// Saves the mapping chosen on screen, and remembers it for the next file with this header.
#[tracing::instrument(skip_all, fields(user_id = %user.id, import_id = id))]
pub async fn map(
    state: &AppState,
    user: &Acting,
    id: &str,
    form: MappingForm,
) -> Result<Outcome<String>, AppError> {
    let (row, organisation_id) = match pending_for(state, user, id).await? {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let headers = headers_of(&row);
    let mapping = match Mapping::from_codes(&form.roles, &headers) {
        Ok(mapping) => mapping,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if !purchase_imports::set_mapping(&mut tx, id, &mapping.text()).await? {
        return Ok(Outcome::refused("Cet import vient d'être enregistré ou abandonné."));
    }
    purchase_import_mappings::remember(
        &mut tx,
        &organisation_id,
        &row.header_signature,
        &mapping.text(),
        &user.id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Outcome::Done(id.to_owned()))
}

/// A typed line as the ledger stores it.
fn new_line(number: u64, line: LedgerLine, found: Option<(&Known, &'static str)>) -> NewLine {
    let siret = line.supplier_id.as_ref().and_then(|s| s.siret()).map(str::to_owned);
    let siren = line.supplier_id.as_ref().map(|s| s.siren().to_owned());
    let (kind, code) = match &line.place {
        Some(place) => {
            let (kind, code) = place.columns();
            (Some(kind), Some(code.to_owned()))
        }
        None => (None, None),
    };
    NewLine {
        id: uuid::Uuid::new_v4().to_string(),
        line_number: i64::try_from(number).unwrap_or(i64::MAX),
        structure_id: found.map(|(k, _)| k.id.clone()),
        match_kind: found.map(|(_, kind)| kind),
        supplier_key: supplier_key(&line.supplier_name),
        supplier_name: line.supplier_name,
        supplier_siret: siret,
        supplier_siren: siren,
        amount_cents: line.amount_cents,
        purchased_on: line.date.day().iso(),
        purchased_year: line.date.year(),
        date_precision: line.date.precision(),
        cpv: line.cpv.map(String::from),
        category: line.category,
        buyer_siret: line.buyer_siret.map(String::from),
        buyer_entity: line.buying_entity,
        social_consideration: line
            .considerations
            .first()
            .copied()
            .unwrap_or(crate::domain::needs::SocialConsideration::None)
            .code(),
        social_considerations: codes(&line.considerations),
        insertion_hours_done: line.insertion_hours_done,
        execution_place_kind: kind,
        execution_place_code: code,
    }
}

/// What a confirmation stored.
struct Stored {
    lines: i64,
    total_cents: i64,
    matched: i64,
    replaced: Vec<String>,
}

/// Reads the whole file again and stores its lines in one transaction: any error, and
/// nothing is stored. The earlier imports of the same file lose their lines in the same
/// transaction. Returns the import's id.
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
    confirm_pending(&state.db, &row, &organisation_id, &user.id, now, MAX_UPLOAD_LINES).await
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
    let bytes = purchase_imports::content(db, id).await?.ok_or(AppError::Internal)?;
    let format = Format::from_code(&row.format).ok_or(AppError::Internal)?;
    let headers = headers_of(row);
    let mapping = mapping_of(row, &headers);
    let directory = Directory::load(db).await?;
    let mut tx = crate::db::begin(db).await?;
    let imported = Imported { id, mapping: &mapping.text(), imported_by: user_id, now };
    if !purchase_imports::mark_imported(&mut tx, &imported).await? {
        return Ok(Outcome::refused("Cet import vient d'être enregistré ou abandonné."));
    }
    let reading = Reading { bytes, format, mapping: mapping.clone(), directory, max_lines };
    let stored = match store_lines(&mut tx, row, &buyer, reading, now).await? {
        Ok(stored) => stored,
        Err(answer) => return Ok(answer),
    };
    purchase_imports::set_counts(&mut tx, id, stored.lines, stored.total_cents, stored.matched)
        .await?;
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
    });
    audit::record(&mut tx, Some(user_id), ("purchase_import", id), "imported", &details, now)
        .await?;
    tx.commit().await?;
    tracing::info!(import_id = id, lines = stored.lines, "purchases file imported");
    Ok(Outcome::Done(id.to_owned()))
}

/// A file to read and how.
struct Reading {
    bytes: Vec<u8>,
    format: Format,
    mapping: Mapping,
    directory: Directory,
    max_lines: u64,
}

/// The pass that stores: the file is read on a blocking thread, its typed and matched lines
/// come over a bounded channel in batches, each batch one INSERT; nothing but a few batches
/// is held at once.
async fn store_lines(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    row: &ImportRow,
    buyer: &organisations::BuyerIdentity,
    reading: Reading,
    now: i64,
) -> Result<Result<Stored, Outcome<String>>, AppError> {
    let organisation_id = row.organisation_id.as_deref().unwrap_or_default();
    let Reading { bytes, format, mapping, directory, max_lines } = reading;
    let (sender, mut batches) = mpsc::channel::<Vec<NewLine>>(4);
    let reader = tokio::task::spawn_blocking(move || {
        let mut batch = Vec::with_capacity(BATCH);
        let mut matched: i64 = 0;
        let scan = scan(&bytes, format, &mapping, max_lines, |number, line| {
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
    });
    let replaced =
        purchase_imports::same_file(tx, &row.id, organisation_id, &row.file_key, &row.content_hash)
            .await?;
    for earlier in &replaced {
        purchase_ledger::delete_of_import(tx, earlier).await?;
        purchase_imports::mark_replaced(tx, earlier, &row.id).await?;
    }
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
    let (scan, matched) = reader.await.map_err(AppError::internal)?;
    let scan = match scan {
        Ok(scan) => scan,
        Err(message) => return Ok(Err(invalid(message))),
    };
    if scan.error_count > 0 {
        return Ok(Err(Outcome::invalid(
            "import",
            format!(
                "{} erreur{} dans le fichier : rien n'a été importé. Corrigez le fichier, puis \
                 envoyez-le à nouveau.",
                scan.error_count,
                if scan.error_count > 1 { "s" } else { "" }
            ),
        )));
    }
    if scan.lines == 0 {
        return Ok(Err(invalid("Le fichier ne contient aucune ligne d'achat sous son en-tête.")));
    }
    Ok(Ok(Stored {
        lines: i64::try_from(scan.lines).unwrap_or(i64::MAX),
        total_cents: scan.total_cents,
        matched,
        replaced,
    }))
}

/// Abandons a pending import: its kept file is deleted.
#[tracing::instrument(skip_all, fields(user_id = %user.id, import_id = id))]
pub async fn discard(
    state: &AppState,
    user: &Acting,
    id: &str,
) -> Result<Outcome<String>, AppError> {
    let (row, organisation_id) = match pending_for(state, user, id).await? {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if !purchase_imports::delete_pending(&mut tx, id).await? {
        return Ok(Outcome::refused("Cet import vient d'être enregistré ou abandonné."));
    }
    let details = json!({ "organisation_id": organisation_id, "file_name": row.file_name });
    audit::record(&mut tx, Some(&user.id), ("purchase_import", id), "discarded", &details, now)
        .await?;
    tx.commit().await?;
    Ok(Outcome::Done(id.to_owned()))
}
