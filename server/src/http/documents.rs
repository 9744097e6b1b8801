//! Files of the structures: `POST /documents` receives a plain multipart form (it works
//! without JavaScript), `GET /documents/{id}` serves a file to those who may see it.

use app::{
    domain::{FormAnswer, FormResult, accounts::SessionUser},
    error::AppError,
    server::request,
    services::{accounts, directory::documents},
    state::AppState,
};
use axum::{
    extract::{FromRequest, Multipart, Path, Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};

/// The body a multipart upload may have: the largest file and the form's other fields.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024 + 64 * 1024;

pub(super) async fn session_user(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<SessionUser>, AppError> {
    match request::session_token_in(headers) {
        Some(token) => accounts::current_user(state, &token).await,
        None => Ok(None),
    }
}

pub(super) fn status_of(error: &AppError) -> Response {
    (error.status_code(), error.to_string()).into_response()
}

/// `POST /documents`: fields `structure_id`, `purpose`, optional `offer_id`, `label_id`,
/// `back` (the page to return to), and `file`. Answers with a redirection to `back`, carrying
/// `document=1` or the French error as `erreur_document`.
pub async fn upload(State(state): State<AppState>, request: Request) -> Response {
    // Rights first: a visitor's request is refused before its body is read.
    let user = match session_user(&state, request.headers()).await {
        Ok(Some(user)) => user,
        Ok(None) => return status_of(&AppError::Unauthenticated),
        Err(error) => return status_of(&error),
    };
    let Ok(mut form) = Multipart::from_request(request, &state).await else {
        return (StatusCode::BAD_REQUEST, "Envoyez le fichier avec le formulaire de la page.")
            .into_response();
    };
    let mut upload = documents::Upload {
        structure_id: String::new(),
        purpose: String::new(),
        offer_id: None,
        label_id: None,
        file_name: String::new(),
        bytes: Vec::new(),
    };
    let mut back = String::new();
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => {
                let status = error.status();
                return (status, "Le fichier n'a pas pu être reçu (5 Mo au plus).").into_response();
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            upload.file_name = field.file_name().unwrap_or_default().to_owned();
            match field.bytes().await {
                Ok(bytes) => upload.bytes = bytes.to_vec(),
                Err(error) => {
                    return (error.status(), "Le fichier n'a pas pu être reçu (5 Mo au plus).")
                        .into_response();
                }
            }
            continue;
        }
        let value = field.text().await.unwrap_or_default();
        match name.as_str() {
            "structure_id" => upload.structure_id = value,
            "purpose" => upload.purpose = value,
            "offer_id" => upload.offer_id = Some(value),
            "label_id" => upload.label_id = Some(value),
            "back" => back = value,
            _ => {}
        }
    }
    let page = request::local_path(&back)
        .map(str::to_owned)
        .unwrap_or_else(|| format!("/espace/structures/{}", upload.structure_id));
    match documents::upload(&state, &user, upload).await {
        Ok(outcome) => match outcome.form_result() {
            FormResult::Done => {
                Redirect::to(&request::with_query(&page, "document", "1")).into_response()
            }
            FormResult::Invalid(errors) => Redirect::to(&request::with_query(
                &page,
                "erreur_document",
                errors.get("document").unwrap_or("Ce fichier ne convient pas."),
            ))
            .into_response(),
            FormResult::Refused(reason) => {
                Redirect::to(&request::with_query(&page, "erreur_document", reason)).into_response()
            }
        },
        Err(error) => status_of(&error),
    }
}

/// `GET /documents/{id}`: the file, to those who may see it (404 for the others, so that
/// private evidence does not even show it exists).
pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let viewer = match session_user(&state, &headers).await {
        Ok(viewer) => viewer,
        Err(error) => return status_of(&error),
    };
    match documents::open(&state, viewer.as_ref(), &id).await {
        Ok(Some((document, content))) => {
            file_response(&document.content_type, &document.file_name, content)
        }
        Ok(None) => (StatusCode::NOT_FOUND, "Document introuvable.").into_response(),
        Err(error) => status_of(&error),
    }
}

/// A stored file as an answer: its type, shown inline when an image, downloaded otherwise,
/// never sniffed by the browser, cached privately for a few minutes.
pub(super) fn file_response(content_type: &str, file_name: &str, content: Vec<u8>) -> Response {
    let disposition = if content_type.starts_with("image/") { "inline" } else { "attachment" };
    let file_name: String = file_name.chars().filter(char::is_ascii_graphic).collect();
    let mut response = content.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&format!("{disposition}; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=300"));
    response
}
