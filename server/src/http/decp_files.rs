//! DECP files sent by the pôle's animators: `POST /veille/decp/envoi` receives a plain
//! multipart form (fields `file` and `dry_run`), imports the file all or nothing and answers
//! with a redirection to `/veille/decp`: the new import highlighted, or the report of a dry
//! run or the errors in a flash.

use app::{
    domain::{FieldErrors, Flash},
    server_fns::{cookies::site_cookie_header, request},
    services::{flash, watch::decp},
    state::AppState,
};
use axum::{
    extract::{Request, State},
    http::header,
    response::{IntoResponse, Redirect, Response},
};

use super::multipart::{UploadForm, signed_in, status_of};

/// The body a DECP file may have: the largest file and the form's other fields.
pub const MAX_BODY_BYTES: usize = decp::MAX_UPLOAD_BYTES + 64 * 1024;

const PAGE: &str = "/veille/decp";

/// `POST /veille/decp/envoi`. Rights first: only animators and administrators have their
/// body read.
pub async fn upload(State(state): State<AppState>, request: Request) -> Response {
    let user = match signed_in(&state, request.headers()).await {
        Ok(user) if user.moderates() => user,
        Ok(_) => return status_of(&app::error::AppError::Forbidden),
        Err(refused) => return refused,
    };
    let form = match UploadForm::read_as(&state, user, request, decp::MAX_UPLOAD_BYTES).await {
        Ok(form) => form,
        Err(refused) => return refused,
    };
    let dry_run = form.field("dry_run").is_some_and(|v| !v.is_empty() && v != "0");
    if form.bytes.is_empty() {
        let report = decp::Report::refused("Choisissez le fichier DECP (JSON ou XML).");
        return answer(&state, &report).await;
    }
    match decp::upload(&state, &form.user, &form.file_name, form.bytes, dry_run).await {
        Ok(report) => answer(&state, &report).await,
        Err(failure) => status_of(&failure),
    }
}

/// The import's id in the page's address, or the report kept in a flash: its counts as
/// values `rapport`, its errors as errors of the field `fichier`.
async fn answer(state: &AppState, report: &decp::Report) -> Response {
    if let Some(id) = &report.import_id {
        return Redirect::to(&request::with_query(PAGE, "importe", id)).into_response();
    }
    let mut errors = FieldErrors::new();
    for line in report.error_lines() {
        errors.add("fichier", line);
    }
    let values = report.lines().into_iter().map(|l| ("rapport".to_owned(), l)).collect();
    let kept = Flash::for_page(PAGE, errors, None, values);
    let token = match flash::keep(state, &kept).await {
        Ok(token) => token,
        Err(failure) => return status_of(&failure),
    };
    let mut response = Redirect::to(PAGE).into_response();
    let secure = state.secure_cookies();
    if let Some(cookie) = site_cookie_header(flash::COOKIE, &token, flash::LIFETIME_S, secure) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}
