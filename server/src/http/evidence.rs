//! Evidence for compliance checks: `POST /hqs/controles/{id}/pieces` receives a plain
//! multipart form (it works without JavaScript); `GET /hqs/pieces/{id}` serves a piece to
//! those who may see its check.

use app::{
    domain::{FormAnswer, FormResult},
    server::request,
    services::hqs::checks,
    state::AppState,
};
use axum::{
    extract::{FromRequest, Multipart, Path, Request, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};

use super::documents::{file_response, session_user, status_of};

/// `POST /hqs/controles/{id}/pieces`: fields `kind`, `valid_until`, `file`. Answers with a
/// redirection to the check's page carrying `piece=1` or the French error as `erreur_piece`.
pub async fn upload(
    State(state): State<AppState>,
    Path(check_id): Path<String>,
    request: Request,
) -> Response {
    // Rights first: a visitor's request is refused before its body is read.
    let user = match session_user(&state, request.headers()).await {
        Ok(Some(user)) => user,
        Ok(None) => return status_of(&app::error::AppError::Unauthenticated),
        Err(error) => return status_of(&error),
    };
    let Ok(mut form) = Multipart::from_request(request, &state).await else {
        return (StatusCode::BAD_REQUEST, "Envoyez la pièce avec le formulaire de la page.")
            .into_response();
    };
    let mut upload = checks::Upload {
        check_id: check_id.clone(),
        kind: String::new(),
        valid_until: String::new(),
        file_name: String::new(),
        bytes: Vec::new(),
    };
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => {
                let status = error.status();
                return (status, "La pièce n'a pas pu être reçue (5 Mo au plus).").into_response();
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            upload.file_name = field.file_name().unwrap_or_default().to_owned();
            match field.bytes().await {
                Ok(bytes) => upload.bytes = bytes.to_vec(),
                Err(error) => {
                    return (error.status(), "La pièce n'a pas pu être reçue (5 Mo au plus).")
                        .into_response();
                }
            }
            continue;
        }
        let value = field.text().await.unwrap_or_default();
        match name.as_str() {
            "kind" => upload.kind = value,
            "valid_until" => upload.valid_until = value,
            _ => {}
        }
    }
    let page = format!("/hqs/controles/{}", request::encode(&check_id));
    match checks::upload(&state, &user, upload).await {
        Ok(outcome) => match outcome.form_result() {
            FormResult::Done => {
                Redirect::to(&request::with_query(&page, "piece", "1")).into_response()
            }
            FormResult::Invalid(errors) => {
                let message = ["file", "kind", "valid_until"]
                    .iter()
                    .find_map(|f| errors.get(f))
                    .unwrap_or("Cette pièce ne convient pas.");
                Redirect::to(&request::with_query(&page, "erreur_piece", message)).into_response()
            }
            FormResult::Refused(reason) => {
                Redirect::to(&request::with_query(&page, "erreur_piece", reason)).into_response()
            }
        },
        Err(error) => status_of(&error),
    }
}

/// `GET /hqs/pieces/{id}`: the piece, to those who may see its check (404 for the others).
pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let user = match session_user(&state, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return status_of(&app::error::AppError::Unauthenticated),
        Err(error) => return status_of(&error),
    };
    match checks::evidence_file(&state, &user, &id).await {
        Ok(Some((file_name, content_type, content))) => {
            file_response(&content_type, &file_name, content)
        }
        Ok(None) => (StatusCode::NOT_FOUND, "Pièce introuvable.").into_response(),
        Err(error) => status_of(&error),
    }
}
