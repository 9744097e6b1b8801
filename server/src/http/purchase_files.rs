//! Buyers' purchases files: `POST /veille/imports/envoi` receives a plain multipart form (it
//! works without JavaScript) and keeps the file pending; the mapping and preview page takes
//! over from there. The file's field is streamed to the import service piece by piece: it is
//! never held whole.

use app::{
    domain::{Outcome, watch::bounds},
    server_fns::request,
    services::watch,
    state::AppState,
};
use axum::{
    extract::{FromRequest, Multipart, Request, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};

use super::multipart::{answer, signed_in};

/// The body a purchases file may have: the largest file and the form's other fields. The
/// service refuses a file past its own bounds first, with its French message.
pub const MAX_BODY_BYTES: usize = bounds::CSV_BYTES as usize + 64 * 1024;

const LIST: &str = "/veille/imports";

/// `POST /veille/imports/envoi`: fields `organisation_id`, then `file` (the form's order).
/// Answers with a redirection to the new import's page, or to the list with the French error
/// in a flash (field `fichier`).
pub async fn upload(State(state): State<AppState>, request: Request) -> Response {
    let user = match signed_in(&state, request.headers()).await {
        Ok(user) => user,
        Err(refused) => return refused,
    };
    let Ok(mut form) = Multipart::from_request(request, &state).await else {
        return (StatusCode::BAD_REQUEST, "Envoyez le fichier avec le formulaire de la page.")
            .into_response();
    };
    let mut organisation_id = String::new();
    let outcome = loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => {
                break Ok(Outcome::invalid(
                    "fichier",
                    "Choisissez le fichier de vos achats (CSV ou XLSX).",
                ));
            }
            Err(error) => {
                return (error.status(), "Le formulaire n'a pas pu être reçu.").into_response();
            }
        };
        match field.name() {
            Some("organisation_id") => organisation_id = field.text().await.unwrap_or_default(),
            Some("file") => {
                let file_name = field.file_name().unwrap_or_default().to_owned();
                let upload = watch::Upload { organisation_id, file_name };
                break watch::upload(&state, &user, upload, field).await;
            }
            _ => {}
        }
    };
    match outcome {
        Ok(Outcome::Done(id)) => {
            Redirect::to(&format!("{LIST}/{}", request::encode(&id))).into_response()
        }
        other => {
            answer(&state, LIST, other, "envoye", "fichier", "Ce fichier ne convient pas.").await
        }
    }
}
