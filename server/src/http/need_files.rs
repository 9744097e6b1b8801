//! The PDF files of a need and of its quotes. Uploads are plain multipart forms and removals
//! plain form posts (they work without JavaScript), answered by a redirection to the need's
//! page with a flash when refused; downloads are for those who may read each file.
//!
//! - `POST /besoins/{id}/fichiers`, `POST /besoins/{id}/fichiers/{file}/supprimer`,
//!   `GET /besoins/{id}/fichiers/{file}`: the buyer's files.
//! - `POST /besoins/{id}/devis/{structure}/fichiers`, `…/fichiers/{file}/supprimer`,
//!   `GET …/fichiers/{file}`: the files of that structure's quote.

use app::{
    domain::needs::attachments::NEED_FILE,
    server_fns::request,
    services::needs::files::{self, NewFile},
    state::AppState,
};
use axum::{
    extract::{Path, Request, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};

use super::multipart::{
    Audience, UploadForm, answer, file_response, session_user, signed_in, status_of,
};

const UNSUITABLE: &str = "Ce fichier ne convient pas.";

/// The flash's field and the address's marker of each form: the buyer's, the quote's.
fn field(structure_id: Option<&str>) -> &'static str {
    if structure_id.is_some() { "fichier_devis" } else { "fichier" }
}

fn need_page(need_id: &str) -> String {
    format!("/besoins/{}", request::encode(need_id))
}

pub async fn upload_to_need(
    State(state): State<AppState>,
    Path(need_id): Path<String>,
    request: Request,
) -> Response {
    upload(state, need_id, None, request).await
}

pub async fn upload_to_quote(
    State(state): State<AppState>,
    Path((need_id, structure_id)): Path<(String, String)>,
    request: Request,
) -> Response {
    upload(state, need_id, Some(structure_id), request).await
}

/// Field `file`. Rights first: the others are refused before the body is read. Answers with
/// a redirection to the need's page carrying `fichier=1` (`fichier_devis=1`), or the French
/// error in a flash for that page.
async fn upload(
    state: AppState,
    need_id: String,
    structure_id: Option<String>,
    request: Request,
) -> Response {
    let user = match signed_in(&state, request.headers()).await {
        Ok(user) => user,
        Err(refused) => return refused,
    };
    if let Err(error) = files::may_send(&state, &user, &need_id, structure_id.as_deref()).await {
        return status_of(&error);
    }
    let form = match UploadForm::read_as(&state, user, request, NEED_FILE.max_bytes).await {
        Ok(form) => form,
        Err(refused) => return refused,
    };
    let page = need_page(&need_id);
    let name = field(structure_id.as_deref());
    let file = NewFile { need_id, structure_id, file_name: form.file_name, bytes: form.bytes };
    let outcome = files::upload(&state, &form.user, file).await;
    answer(&state, &page, outcome, name, name, UNSUITABLE).await
}

pub async fn remove_from_need(
    State(state): State<AppState>,
    Path((need_id, file_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    remove(state, need_id, None, file_id, headers).await
}

pub async fn remove_from_quote(
    State(state): State<AppState>,
    Path((need_id, structure_id, file_id)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    remove(state, need_id, Some(structure_id), file_id, headers).await
}

/// Answers with a redirection to the need's page carrying `fichier_retire=1`
/// (`fichier_devis_retire=1`), or the refusal in a flash.
async fn remove(
    state: AppState,
    need_id: String,
    structure_id: Option<String>,
    file_id: String,
    headers: HeaderMap,
) -> Response {
    let user = match signed_in(&state, &headers).await {
        Ok(user) => user,
        Err(refused) => return refused,
    };
    let outcome = files::remove(&state, &user, &need_id, structure_id.as_deref(), &file_id).await;
    let name = field(structure_id.as_deref());
    let done = format!("{name}_retire");
    answer(&state, &need_page(&need_id), outcome, &done, name, UNSUITABLE).await
}

pub async fn download_of_need(
    State(state): State<AppState>,
    Path((need_id, file_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    download(state, need_id, None, file_id, headers).await
}

pub async fn download_of_quote(
    State(state): State<AppState>,
    Path((need_id, structure_id, file_id)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    download(state, need_id, Some(structure_id), file_id, headers).await
}

/// The file, downloaded, never sniffed, kept out of caches unless public; 404 for those who
/// may not read it, so that a private file does not even show it exists.
async fn download(
    state: AppState,
    need_id: String,
    structure_id: Option<String>,
    file_id: String,
    headers: HeaderMap,
) -> Response {
    let viewer = match session_user(&state, &headers).await {
        Ok(viewer) => viewer,
        Err(error) => return status_of(&error),
    };
    let found =
        files::open(&state, viewer.as_ref(), &need_id, structure_id.as_deref(), &file_id).await;
    match found {
        Ok(Some(file)) => {
            let audience = if file.public { Audience::Public } else { Audience::Private };
            file_response(&file.content_type, &file.file_name, file.content, audience)
        }
        Ok(None) => (StatusCode::NOT_FOUND, "Fichier introuvable.").into_response(),
        Err(error) => status_of(&error),
    }
}
