//! What the file routes share: the session's user, a plain multipart form read once (file and
//! text fields), the redirection that answers it (with a flash when refused), and a stored
//! file as an answer.

use std::collections::HashMap;

use app::{
    domain::{
        FieldErrors, Flash, Outcome, accounts::Acting, directory::upload::EVIDENCE, files::MB,
        needs::attachments::NEED_FILE,
    },
    error::AppError,
    server_fns::{cookies::site_cookie_header, request},
    services::{accounts, flash},
    state::AppState,
};
use axum::{
    extract::{FromRequest, Multipart, Request, multipart::MultipartError},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};

/// What a multipart form adds to its file: the other fields and the parts' headers.
const FORM_OVERHEAD: usize = 64 * 1024;

/// The body a multipart upload to the structures' and checks' routes may have: their
/// largest file (evidence) and the form's other fields.
pub const MAX_UPLOAD_BYTES: usize = EVIDENCE.max_bytes + FORM_OVERHEAD;

/// The body an upload of a need's or a quote's file may have.
pub const MAX_NEED_UPLOAD_BYTES: usize = NEED_FILE.max_bytes + FORM_OVERHEAD;

fn not_received(max_file_bytes: usize) -> String {
    format!("Le fichier n'a pas pu être reçu ({} Mo au plus).", max_file_bytes / MB)
}

pub async fn session_user(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Acting>, AppError> {
    match request::session_token_in(headers, state.secure_cookies()) {
        Some(token) => accounts::acting_for_session(state, &token).await,
        None => Ok(None),
    }
}

/// The signed-in person, or the answer that refuses the others (401).
pub async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<Acting, Response> {
    match session_user(state, headers).await {
        Ok(Some(user)) => Ok(user),
        Ok(None) => Err(status_of(&AppError::Unauthenticated)),
        Err(error) => Err(status_of(&error)),
    }
}

pub fn status_of(error: &AppError) -> Response {
    (error.status_code(), error.to_string()).into_response()
}

/// A multipart form as received: its `file` field and its text fields.
pub struct UploadForm {
    pub user: Acting,
    pub file_name: String,
    pub bytes: Vec<u8>,
    fields: HashMap<String, String>,
}

impl UploadForm {
    /// Reads the form of a signed-in person. Rights first: a visitor's request is refused
    /// before its body is read.
    pub async fn read(state: &AppState, request: Request) -> Result<Self, Response> {
        let user = signed_in(state, request.headers()).await?;
        Self::read_as(state, user, request, EVIDENCE.max_bytes).await
    }

    /// Reads the form of `user`, whose rights the caller checked; its file is at most
    /// `max_file_bytes` (the route's body limit says so too).
    pub async fn read_as(
        state: &AppState,
        user: Acting,
        request: Request,
        max_file_bytes: usize,
    ) -> Result<Self, Response> {
        let Ok(mut form) = Multipart::from_request(request, state).await else {
            return Err((
                StatusCode::BAD_REQUEST,
                "Envoyez le fichier avec le formulaire de la page.",
            )
                .into_response());
        };
        let refused =
            |error: MultipartError| (error.status(), not_received(max_file_bytes)).into_response();
        let mut upload =
            Self { user, file_name: String::new(), bytes: Vec::new(), fields: HashMap::new() };
        loop {
            let field = match form.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => return Ok(upload),
                Err(error) => return Err(refused(error)),
            };
            let name = field.name().unwrap_or_default().to_owned();
            if name == "file" {
                upload.file_name = field.file_name().unwrap_or_default().to_owned();
                match field.bytes().await {
                    Ok(bytes) => upload.bytes = bytes.to_vec(),
                    Err(error) => return Err(refused(error)),
                }
            } else {
                upload.fields.insert(name, field.text().await.unwrap_or_default());
            }
        }
    }

    /// A text field, when the form sent it.
    pub fn field(&self, name: &str) -> Option<String> {
        self.fields.get(name).cloned()
    }

    /// A text field, empty when absent.
    pub fn text(&self, name: &str) -> String {
        self.field(name).unwrap_or_default()
    }
}

/// Answers an upload with a redirection to `page`: `done` set to 1, or the French error kept
/// in a flash for the page as the error of the field `field` (the first error of the form, or
/// `unsuitable`).
pub async fn answer<T>(
    state: &AppState,
    page: &str,
    outcome: Result<Outcome<T>, AppError>,
    done: &str,
    field: &str,
    unsuitable: &str,
) -> Response {
    let message = match outcome {
        Ok(Outcome::Done(_)) => {
            return Redirect::to(&request::with_query(page, done, "1")).into_response();
        }
        Ok(Outcome::Invalid(errors)) => errors.first().unwrap_or(unsuitable).to_owned(),
        Ok(Outcome::Refused(reason)) => reason,
        Err(failure) => return status_of(&failure),
    };
    let mut errors = FieldErrors::new();
    errors.add(field, message);
    let kept = Flash::for_page(page, errors, None, Vec::new());
    let token = match flash::keep(state, &kept).await {
        Ok(token) => token,
        Err(failure) => return status_of(&failure),
    };
    let mut response = Redirect::to(page).into_response();
    let secure = state.secure_cookies();
    if let Some(cookie) = site_cookie_header(flash::COOKIE, &token, flash::LIFETIME_S, secure) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// Who may see a stored file, which decides how long it may be cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Shown on public pages (a published structure's logo or photos, a public need's
    /// files): cached privately for a few minutes.
    Public,
    /// Evidence, a check's pieces, a private need's files: never stored by any cache, the
    /// browser's included, so that access revoked (a check frozen, a member gone, a
    /// structure unpublished) is not undone by a copy kept on the device or a proxy.
    Private,
}

/// A stored file as an answer: its type, shown inline when an image, downloaded otherwise,
/// never sniffed by the browser, cached as its [`Audience`] allows.
pub fn file_response(
    content_type: &str,
    file_name: &str,
    content: Vec<u8>,
    audience: Audience,
) -> Response {
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
    let caching = match audience {
        Audience::Public => "private, max-age=300",
        Audience::Private => "private, no-store",
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(caching));
    response
}
