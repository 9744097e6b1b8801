//! Buyers' purchases files: `POST /veille/imports/envoi` receives a plain multipart form (it
//! works without JavaScript) and keeps the file pending; the mapping and preview page takes
//! over from there.

use app::{server_fns::request, services::watch, state::AppState};
use axum::{
    extract::{Request, State},
    response::{IntoResponse, Redirect, Response},
};

use super::multipart::{UploadForm, answer, signed_in};

/// The body a purchases file may have: the largest file and the form's other fields.
pub const MAX_BODY_BYTES: usize = watch::files::MAX_UPLOAD_BYTES + 64 * 1024;

const LIST: &str = "/veille/imports";

/// `POST /veille/imports/envoi`: fields `organisation_id` and `file`. Answers with a
/// redirection to the new import's page, or to the list with the French error in a flash
/// (field `fichier`).
pub async fn upload(State(state): State<AppState>, request: Request) -> Response {
    let user = match signed_in(&state, request.headers()).await {
        Ok(user) => user,
        Err(refused) => return refused,
    };
    let form =
        match UploadForm::read_as(&state, user, request, watch::files::MAX_UPLOAD_BYTES).await {
            Ok(form) => form,
            Err(refused) => return refused,
        };
    let upload = watch::Upload {
        organisation_id: form.text("organisation_id"),
        file_name: form.file_name,
        bytes: form.bytes,
    };
    match watch::upload(&state, &form.user, upload).await {
        Ok(app::domain::Outcome::Done(id)) => {
            Redirect::to(&format!("{LIST}/{}", request::encode(&id))).into_response()
        }
        other => {
            answer(&state, LIST, other, "envoye", "fichier", "Ce fichier ne convient pas.").await
        }
    }
}
