//! Receiving a buyer's purchases file: its pieces as they arrive (a form's field, a file on
//! disk, bytes in memory) become chunk rows of about 1 MiB, written one by one outside any
//! transaction under an import row still « receiving »; once the whole file is stored and
//! its header read back, one transaction makes it the person's pending import. Any refusal
//! or failure deletes the row and its chunks: nothing is kept.

use std::fmt::Display;

use futures_util::{Stream, StreamExt};
use serde_json::json;

use super::{
    invalid,
    receive::{Receipt, Received},
    stored::{self, StoredFile},
};
use crate::{
    db::{
        Db, purchase_import_chunks, purchase_import_mappings,
        purchase_imports::{self, NewImport},
    },
    domain::{
        Outcome,
        accounts::Acting,
        files::clean_file_name,
        watch::{ImportBounds, Mapping, signature, text::file_key},
    },
    error::AppError,
    services::{
        audit,
        watch::{access, files},
    },
    state::AppState,
};

/// An upload left half-way (the server stopped during it) is deleted after this long.
const LEFT_AFTER_MS: i64 = 6 * 3600 * 1000;

/// A file sent by a buyer; its bytes follow as pieces.
pub struct Upload {
    pub organisation_id: String,
    pub file_name: String,
}

/// Who keeps a file pending, and when.
pub struct Keeper<'a> {
    pub organisation_id: &'a str,
    pub user_id: &'a str,
    pub file_name: &'a str,
    pub now: i64,
}

/// Receives a file sent from the browser, once the person may import for the buyer (else
/// nothing of it is read), and keeps it pending; returns the import's id.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id = %upload.organisation_id))]
pub async fn upload<B: AsRef<[u8]>, E: Display>(
    state: &AppState,
    user: &Acting,
    upload: Upload,
    pieces: impl Stream<Item = Result<B, E>>,
) -> Result<Outcome<String>, AppError> {
    if let Some(refused) = access::may_import(user, &upload.organisation_id)? {
        return Ok(refused);
    }
    let keeper = Keeper {
        organisation_id: &upload.organisation_id,
        user_id: &user.id,
        file_name: &upload.file_name,
        now: state.clock.now_ms(),
    };
    keep_pending(&state.db, state.import_bounds, &keeper, pieces).await
}

/// Receives a file's pieces and keeps it pending, with the mapping remembered for its header
/// (else guessed). For [`upload`] once the rights are checked, for the demo data and the
/// benchmarks.
pub async fn keep_pending<B: AsRef<[u8]>, E: Display>(
    db: &Db,
    bounds: ImportBounds,
    keeper: &Keeper<'_>,
    pieces: impl Stream<Item = Result<B, E>>,
) -> Result<Outcome<String>, AppError> {
    purchase_imports::delete_left_receiving(db, keeper.now - LEFT_AFTER_MS).await?;
    let mut chunks = Chunks { db, keeper, id: uuid::Uuid::new_v4().to_string(), next: 0 };
    let mut left = Leftover { db: db.clone(), id: Some(chunks.id.clone()) };
    let kept = receive(&mut chunks, bounds, pieces).await;
    let kept = match kept {
        Ok(Ok(received)) => keep(db, keeper, &chunks.id, &received).await,
        Ok(Err(message)) => Ok(invalid(message)),
        Err(failure) => Err(failure),
    };
    if !matches!(kept, Ok(Outcome::Done(_))) {
        purchase_imports::delete_receiving(db, &chunks.id).await?;
    }
    left.id = None;
    kept
}

/// The chunk rows of a file being received, under its import row (inserted with the first
/// chunk, when the format is known).
struct Chunks<'a> {
    db: &'a Db,
    keeper: &'a Keeper<'a>,
    id: String,
    next: i64,
}

impl Chunks<'_> {
    async fn store(&mut self, format: files::Format, chunk: Vec<u8>) -> Result<(), AppError> {
        if chunk.is_empty() {
            return Ok(());
        }
        if self.next == 0 {
            let file_name = clean_file_name(self.keeper.file_name);
            let new = NewImport {
                id: &self.id,
                organisation_id: self.keeper.organisation_id,
                format: format.code(),
                file_name: &file_name,
                file_key: &file_key(&file_name),
                uploaded_by: self.keeper.user_id,
                now: self.keeper.now,
            };
            purchase_imports::insert_receiving(self.db, &new).await?;
        }
        purchase_import_chunks::insert(self.db, &self.id, self.next, chunk, self.keeper.now)
            .await?;
        self.next += 1;
        Ok(())
    }
}

/// Stores the pieces; a refusal (French) reads the rest of them without keeping them, so
/// that the browser, still sending, gets the answer.
async fn receive<B: AsRef<[u8]>, E: Display>(
    chunks: &mut Chunks<'_>,
    bounds: ImportBounds,
    pieces: impl Stream<Item = Result<B, E>>,
) -> Result<Result<Received, String>, AppError> {
    let mut pieces = std::pin::pin!(pieces);
    let mut receipt = Receipt::new(bounds);
    let mut refused = None;
    while let Some(piece) = pieces.next().await {
        let piece = match piece {
            Ok(piece) => piece,
            // The body's limit, past a refusal's reading: the refusal is the answer.
            Err(_) if refused.is_some() => break,
            Err(error) => {
                tracing::info!(%error, "purchases file not received whole");
                return Ok(Err("Le fichier n'a pas pu être reçu en entier : envoyez-le à \
                               nouveau."
                    .into()));
            }
        };
        if refused.is_some() {
            continue;
        }
        if let Err(message) = receipt.piece(piece.as_ref()) {
            refused = Some(message);
            continue;
        }
        while let Some(chunk) = receipt.full_chunk() {
            let format = receipt.format().ok_or(AppError::Internal)?;
            chunks.store(format, chunk).await?;
        }
    }
    if let Some(message) = refused {
        return Ok(Err(message));
    }
    let (last, received) = match receipt.finish() {
        Ok(finished) => finished,
        Err(message) => return Ok(Err(message)),
    };
    chunks.store(received.format, last).await?;
    Ok(Ok(received))
}

/// Reads the stored file's header and makes it the person's one pending import.
async fn keep(
    db: &Db,
    keeper: &Keeper<'_>,
    id: &str,
    received: &Received,
) -> Result<Outcome<String>, AppError> {
    let file = StoredFile {
        import_id: id.to_owned(),
        format: received.format,
        encoding: received.encoding.unwrap_or(files::TextEncoding::Utf8),
    };
    let sheet = match stored::read(db, &file, |input| files::sheet(input, 0)).await? {
        Ok(sheet) => sheet,
        Err(message) => return Ok(invalid(message)),
    };
    let header_signature = super::hex_sha256(signature(&sheet.headers).as_bytes());
    let remembered =
        purchase_import_mappings::remembered(db, keeper.organisation_id, &header_signature)
            .await?
            .and_then(|text| Mapping::from_text(&text, sheet.headers.len()));
    let mapping = remembered.unwrap_or_else(|| Mapping::guess(&sheet.headers));
    let headers = serde_json::to_string(&sheet.headers).map_err(AppError::internal)?;
    let size_bytes = i64::try_from(received.size).unwrap_or(i64::MAX);
    let mut tx = crate::db::begin(db).await?;
    purchase_imports::delete_pending_of(&mut tx, keeper.organisation_id, keeper.user_id).await?;
    let finished = purchase_imports::Received {
        id,
        content_hash: &received.content_hash,
        size_bytes,
        text_encoding: received.encoding.map(files::TextEncoding::code),
        headers: &headers,
        header_signature: &header_signature,
        mapping: &mapping.text(),
    };
    if !purchase_imports::finish_receiving(&mut tx, &finished).await? {
        return Ok(Outcome::refused(
            "L'envoi a duré trop longtemps : envoyez le fichier à nouveau.",
        ));
    }
    let details = json!({
        "organisation_id": keeper.organisation_id,
        "file_name": clean_file_name(keeper.file_name),
        "bytes": received.size,
        "content_hash": received.content_hash,
    });
    let subject = ("purchase_import", id);
    audit::record(&mut tx, Some(keeper.user_id), subject, "uploaded", &details, keeper.now).await?;
    tx.commit().await?;
    tracing::info!(import_id = id, bytes = received.size, "purchases file kept pending");
    Ok(Outcome::Done(id.to_owned()))
}

/// Deletes the file being received when its upload stops half-way (the browser gone: the
/// request's future dropped); the upload itself deletes it on any refusal or failure.
struct Leftover {
    db: Db,
    id: Option<String>,
}

impl Drop for Leftover {
    fn drop(&mut self) {
        let (Some(id), Ok(runtime)) = (self.id.take(), tokio::runtime::Handle::try_current())
        else {
            return;
        };
        let db = self.db.clone();
        runtime.spawn(async move {
            if let Err(error) = purchase_imports::delete_receiving(&db, &id).await {
                tracing::warn!(%error, import_id = id, "a file left half-way stays until later");
            }
        });
    }
}
