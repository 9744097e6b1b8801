//! Files of the structures: `POST /documents` receives a plain multipart form (it works
//! without JavaScript), `GET /documents/{id}` serves a file to those who may see it.

use app::{server_fns::request, services::directory::uploads, state::AppState};
use axum::{
    extract::{Path, Request, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};

use super::multipart::{Audience, UploadForm, answer, file_response, session_user, status_of};

/// `POST /documents`: fields `structure_id`, `purpose`, optional `offer_id`, `certification_id`,
/// `back` (the page to return to), and `file`. Answers with a redirection to `back`, carrying
/// `document=1`, or the French error in a flash for that page (field `document`).
pub async fn upload(State(state): State<AppState>, request: Request) -> Response {
    let form = match UploadForm::read(&state, request).await {
        Ok(form) => form,
        Err(refused) => return refused,
    };
    let back = form.text("back");
    let upload = uploads::Upload {
        structure_id: form.text("structure_id"),
        purpose: form.text("purpose"),
        offer_id: form.field("offer_id"),
        certification_id: form.field("certification_id"),
        file_name: form.file_name,
        bytes: form.bytes,
    };
    let page = request::local_path(&back)
        .map(str::to_owned)
        .unwrap_or_else(|| format!("/espace/structures/{}", upload.structure_id));
    let outcome = uploads::upload(&state, &form.user, upload).await;
    answer(&state, &page, outcome, "document", "document", "Ce fichier ne convient pas.").await
}

/// `GET /documents/{id}`: the file, to those who may see it (404 for the others, so that
/// private evidence does not even show it exists); evidence, and the files of a structure
/// or offer not published, are never cached.
pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let viewer = match session_user(&state, &headers).await {
        Ok(viewer) => viewer,
        Err(error) => return status_of(&error),
    };
    match uploads::open(&state, viewer.as_ref(), &id).await {
        Ok(Some(uploads::Opened { document, content, public })) => {
            let audience = if public { Audience::Public } else { Audience::Private };
            file_response(&document.content_type, &document.file_name, content, audience)
        }
        Ok(None) => (StatusCode::NOT_FOUND, "Document introuvable.").into_response(),
        Err(error) => status_of(&error),
    }
}
