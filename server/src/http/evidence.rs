//! Evidence for compliance checks: `POST /hqs/controles/{id}/pieces` receives a plain
//! multipart form (it works without JavaScript); `GET /hqs/pieces/{id}` serves a piece to
//! those who may see its check.

use app::{server_fns::request, services::hqs::checks, state::AppState};
use axum::{
    extract::{Path, Request, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};

use super::multipart::{Audience, UploadForm, answer, file_response, session_user, status_of};

/// `POST /hqs/controles/{id}/pieces`: fields `kind`, `valid_until`, `file`. Answers with a
/// redirection to the check's page carrying `piece=1` or the French error as `erreur_piece`.
pub async fn upload(
    State(state): State<AppState>,
    Path(check_id): Path<String>,
    request: Request,
) -> Response {
    let form = match UploadForm::read(&state, request).await {
        Ok(form) => form,
        Err(refused) => return refused,
    };
    let page = format!("/hqs/controles/{}", request::encode(&check_id));
    let upload = checks::Upload {
        check_id,
        kind: form.text("kind"),
        valid_until: form.text("valid_until"),
        file_name: form.file_name,
        bytes: form.bytes,
    };
    let outcome = checks::upload(&state, &form.user, upload).await;
    answer(&state, &page, outcome, "piece", "piece", "Cette pièce ne convient pas.").await
}

/// `GET /hqs/pieces/{id}`: the piece, to those who may see its check (404 for the others),
/// never cached: a frozen check or a member gone must not keep it readable.
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
            file_response(&content_type, &file_name, content, Audience::Private)
        }
        Ok(None) => (StatusCode::NOT_FOUND, "Pièce introuvable.").into_response(),
        Err(error) => status_of(&error),
    }
}
