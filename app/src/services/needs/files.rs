//! The PDF files of a need and of its quotes.
//!
//! The buyer's files are added and removed by the need's writers while it is written,
//! examined or open, until its deadline; they are read by whoever reads the need (so a
//! published need's files are public). A quote's files are added and removed by the editors
//! of the matched structure while it may quote, and only once its quote is sent: the files
//! come with a quote (the buyer meets them on its line of the comparison, which lists
//! quotes), and the quote's form stays a plain server function that works hydrated, rather
//! than a multipart form. They are read by the structure's editors, the buyer's members and
//! the pôle's animators only.

use serde_json::json;

use super::{access, quotes};
use crate::{
    db::{
        need_files::{self, NeedFileRow, NewNeedFile},
        needs::{self, NeedRow},
        quotes as quote_rows,
        structures::{self, StructureRow},
    },
    domain::{
        FieldErrors, Outcome,
        accounts::Acting,
        calendar::Day,
        files::clean_file_name,
        needs::{
            attachments::{MAX_FILES, NEED_FILE, NeedFile, need_files_open},
            views::NeedView,
        },
    },
    error::AppError,
    services::{audit, directory::can_edit, storage},
    state::AppState,
};

/// A file sent for a need (`structure_id` `None`) or for a structure's quote.
pub struct NewFile {
    pub need_id: String,
    pub structure_id: Option<String>,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// A file to download, with whether anyone may (the buyer's files of a public need).
pub struct Download {
    pub file_name: String,
    pub content_type: String,
    pub content: Vec<u8>,
    pub public: bool,
}

fn invalid(message: impl Into<String>) -> Outcome<String> {
    let mut errors = FieldErrors::new();
    errors.add("file", message);
    Outcome::Invalid(errors)
}

/// The need and, for a quote's files, the structure, when the person writes these files:
/// the need's writers, or the editors of the structure. The others are refused outright.
async fn writer(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    structure_id: Option<&str>,
) -> Result<(NeedRow, Option<StructureRow>), AppError> {
    let structure = match structure_id {
        Some(id) => Some(quotes::edited_structure(state, user, id).await?),
        None => None,
    };
    let need = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    if structure.is_none() && !access::writes_for(user, &need.organisation_id) {
        return Err(AppError::Forbidden);
    }
    Ok((need, structure))
}

/// Why the files may not change now, if they may not.
async fn closed(
    state: &AppState,
    need: &NeedRow,
    structure: Option<&StructureRow>,
) -> Result<Option<String>, AppError> {
    let Some(structure) = structure else {
        let past = need.closed_on(Day::of_instant(state.clock.now_ms()));
        return Ok((!need_files_open(need.state, past)).then(|| {
            if past {
                "La date limite est passée : les pièces jointes ne changent plus.".to_owned()
            } else {
                format!(
                    "Ce besoin est « {} » : ses pièces jointes ne changent plus.",
                    need.state.label()
                )
            }
        }));
    };
    if let Some(why) = quotes::closed_to(state, need, &structure.id).await? {
        return Ok(Some(why.to_owned()));
    }
    if quote_rows::find(&state.db, &need.id, &structure.id).await?.is_none() {
        return Ok(Some("Envoyez d'abord votre devis : les pièces jointes l'accompagnent.".into()));
    }
    Ok(None)
}

/// Whether the person may send files there at all: checked before the body is read.
pub async fn may_send(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    structure_id: Option<&str>,
) -> Result<(), AppError> {
    writer(state, user, need_id, structure_id).await.map(|_| ())
}

/// Stores a PDF for the need or the quote; answers the need's id.
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id = %file.need_id, structure_id = ?file.structure_id))]
pub async fn upload(
    state: &AppState,
    user: &Acting,
    file: NewFile,
) -> Result<Outcome<String>, AppError> {
    let (need, structure) =
        writer(state, user, &file.need_id, file.structure_id.as_deref()).await?;
    if let Some(why) = closed(state, &need, structure.as_ref()).await? {
        return Ok(Outcome::refused(why));
    }
    let content_type = match NEED_FILE.check(&file.bytes) {
        Ok(content_type) => content_type,
        Err(message) => return Ok(invalid(message)),
    };
    let owner = structure.as_ref().map(|s| s.id.as_str());
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if need_files::count(&mut tx, &need.id, owner).await? >= MAX_FILES {
        let whose = if owner.is_some() { "Un devis" } else { "Un besoin" };
        return Ok(invalid(format!(
            "{whose} porte au plus {MAX_FILES} pièces jointes : retirez-en une d'abord."
        )));
    }
    // A quote's files are its structure's organisation's; the buyer's, the need's.
    let organisation_id = match &structure {
        Some(structure) => structure.organisation_id.as_deref(),
        None => Some(need.organisation_id.as_str()),
    };
    if let Some(organisation_id) = organisation_id
        && let Some(why) = storage::refusal(&mut tx, organisation_id, file.bytes.len(), now).await?
    {
        return Ok(invalid(why));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let file_name = clean_file_name(&file.file_name);
    let new = NewNeedFile {
        id: &id,
        need_id: &need.id,
        structure_id: owner,
        file_name: &file_name,
        content_type,
        content: &file.bytes,
        uploaded_by: &user.id,
        now,
    };
    need_files::insert(&mut tx, new).await?;
    let details = json!({
        "file": id,
        "file_name": file_name,
        "size_bytes": file.bytes.len(),
        "structure_id": owner,
        "structure": structure.as_ref().map(|s| &s.name),
    });
    audit::record(&mut tx, Some(&user.id), ("need", &need.id), "file_added", &details, now).await?;
    tx.commit().await?;
    tracing::info!(file_id = id, bytes = file.bytes.len(), "need file stored");
    Ok(Outcome::Done(need.id))
}

/// Removes a file of the need or of the quote; answers the need's id.
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id, structure_id, file_id))]
pub async fn remove(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    structure_id: Option<&str>,
    file_id: &str,
) -> Result<Outcome<String>, AppError> {
    let (need, structure) = writer(state, user, need_id, structure_id).await?;
    if let Some(why) = closed(state, &need, structure.as_ref()).await? {
        return Ok(Outcome::refused(why));
    }
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    let Some(removed) = need_files::delete(&mut tx, &need.id, structure_id, file_id).await? else {
        return Ok(Outcome::refused("Ce fichier n'existe plus."));
    };
    let details = json!({
        "file": removed.id,
        "file_name": removed.file_name,
        "size_bytes": removed.size_bytes,
        "structure_id": structure_id,
        "structure": structure.as_ref().map(|s| &s.name),
    });
    audit::record(&mut tx, Some(&user.id), ("need", &need.id), "file_removed", &details, now)
        .await?;
    tx.commit().await?;
    Ok(Outcome::Done(need.id))
}

/// The file, if `viewer` may read it (`None` for the others, as for a file that is not).
pub async fn open(
    state: &AppState,
    viewer: Option<&Acting>,
    need_id: &str,
    structure_id: Option<&str>,
    file_id: &str,
) -> Result<Option<Download>, AppError> {
    let Some(need) = needs::find(&state.db, need_id).await? else { return Ok(None) };
    let rights = access::rights(viewer, &need);
    let allowed = match (structure_id, viewer) {
        (None, _) => access::can_read(rights, &need),
        (Some(_), _) if rights.buyer || rights.moderates => true,
        (Some(id), Some(user)) => {
            structures::find(&state.db, id).await?.is_some_and(|s| can_edit(user, &s))
        }
        (Some(_), None) => false,
    };
    if !allowed {
        return Ok(None);
    }
    let found = need_files::find_with_content(&state.db, need_id, structure_id, file_id).await?;
    Ok(found.map(|(row, content)| Download {
        file_name: row.file_name,
        content_type: row.content_type,
        content,
        public: structure_id.is_none() && need.state.is_public(),
    }))
}

fn listed(row: NeedFileRow) -> NeedFile {
    NeedFile {
        id: row.id,
        file_name: row.file_name,
        size_bytes: row.size_bytes,
        structure_id: row.structure_id,
    }
}

/// Puts the files in the need's page: the buyer's for every reader; the quote's in the
/// supplier's side; every quote's in the buyer's comparison, read in one query.
pub(super) async fn fill(
    state: &AppState,
    row: &NeedRow,
    view: &mut NeedView,
) -> Result<(), AppError> {
    let db = &state.db;
    let past = row.closed_on(Day::of_instant(state.clock.now_ms()));
    view.files = need_files::of_owner(db, &row.id, None).await?.into_iter().map(listed).collect();
    view.adds_files = view.rights.manages && need_files_open(row.state, past);
    if let Some(side) = view.supplier.as_mut() {
        let files = need_files::of_owner(db, &row.id, Some(&side.structure_id)).await?;
        side.files = files.into_iter().map(listed).collect();
    }
    if let Some(comparison) = view.comparison.as_mut() {
        let all = need_files::of_quotes(db, &row.id).await?;
        for line in &mut comparison.quotes {
            line.files = all
                .iter()
                .filter(|f| f.structure_id.as_deref() == Some(line.structure_id.as_str()))
                .cloned()
                .map(listed)
                .collect();
        }
    }
    Ok(())
}
