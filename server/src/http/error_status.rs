//! Gives a server function's failure its HTTP status. Leptos answers every `Err` of a server
//! function with HTTP 500 and the error, encoded, in the body; this layer reads the error
//! back and applies [`AppError::status_code`], so that no server function sets a status by
//! hand. (Pages get theirs from the error view that shows the failure.)

use app::error::AppError;
use axum::{
    body::{Body, to_bytes},
    extract::Request,
    http::StatusCode,
    middleware::Next,
    response::Response,
};

/// The header Leptos puts on a server function's failure.
const SERVER_FN_ERROR: &str = "serverfnerror";

/// An encoded `AppError` is a few dozen bytes; anything larger is not one of ours.
const MAX_ERROR_BYTES: usize = 4096;

pub async fn apply(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status_code();
    }
    Response::from_parts(parts, Body::from(bytes))
}
