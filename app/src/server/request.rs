//! What server functions read from the HTTP request and write to the response.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use http::{HeaderValue, header, request::Parts};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use crate::{domain::accounts::SessionUser, error::AppError, services::accounts, state::AppState};

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or(AppError::Internal)
}

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// The value of the session cookie, if the browser sent one.
pub fn session_token() -> Option<String> {
    session_token_in(&parts()?.headers)
}

/// The value of the session cookie among request headers (for plain axum handlers).
pub fn session_token_in(headers: &http::HeaderMap) -> Option<String> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|cookies| {
        cookies.split(';').find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == accounts::SESSION_COOKIE && !value.is_empty()).then(|| value.to_owned())
        })
    })
}

/// The signed-in person, if any.
pub async fn session_user() -> Result<Option<SessionUser>, AppError> {
    let Some(token) = session_token() else { return Ok(None) };
    accounts::current_user(&state()?, &token).await
}

/// The signed-in person, or `Unauthenticated` (HTTP 401).
pub async fn require_user() -> Result<SessionUser, AppError> {
    session_user().await?.ok_or_else(|| fail(AppError::Unauthenticated))
}

/// An administrator, or `Forbidden` (HTTP 403).
pub async fn require_admin() -> Result<SessionUser, AppError> {
    let user = require_user().await?;
    if user.is_admin { Ok(user) } else { Err(fail(AppError::Forbidden)) }
}

/// Answers HTTP 404: the page's subject does not exist (or is not public).
pub fn not_found() {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
}

/// Gives the response the HTTP status of `error` (server functions answer 500 otherwise).
pub fn fail(error: AppError) -> AppError {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(error.status_code());
    }
    error
}

/// The client's address, for throttling: the peer, or, when the peer is a trusted reverse
/// proxy, the last address of `X-Forwarded-For` that is not one of those proxies.
pub fn client_ip() -> String {
    let Some(parts) = parts() else { return "unknown".to_owned() };
    let Some(peer) = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()) else {
        return "unknown".to_owned();
    };
    let trusted = state().map(|s| s.trusted_proxies).unwrap_or_default();
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let forwarded = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|ip| ip.trim().parse::<std::net::IpAddr>().ok())
        .collect::<Vec<_>>();
    forwarded.into_iter().rev().find(|ip| !trusted.contains(ip)).unwrap_or(peer).to_string()
}

/// Percent-encodes a value put in a redirect address.
pub fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// `back` if it is a path on this site (never another site's address), to return to.
pub fn local_path(back: &str) -> Option<&str> {
    (back.starts_with('/') && !back.starts_with("//") && !back.contains('\\')).then_some(back)
}

/// `path` with one more query parameter.
pub fn with_query(path: &str, key: &str, value: &str) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    let query =
        url::form_urlencoded::Serializer::new(String::new()).append_pair(key, value).finish();
    format!("{path}{separator}{query}")
}

/// Whether the request is a plain HTML form post (no JavaScript): the answer must then be a
/// page to go to, not data.
pub fn is_plain_form() -> bool {
    parts()
        .and_then(|p| {
            p.headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).map(str::to_owned)
        })
        .is_some_and(|accept| accept.contains("text/html"))
}

/// Sets or clears the session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS.
pub fn set_session_cookie(token: Option<&str>, max_age_s: i64) {
    let Some(response) = use_context::<ResponseOptions>() else { return };
    let secure = state().is_ok_and(|s| s.public_url.starts_with("https://"));
    let (value, max_age) = match token {
        Some(token) => (token, max_age_s),
        None => ("", 0),
    };
    let cookie = format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        accounts::SESSION_COOKIE,
        if secure { "; Secure" } else { "" }
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.append_header(header::SET_COOKIE, value);
    }
}

/// Sends a plain form post back to `path` with the fields' errors and the values to show
/// again (never passwords) in the address: `erreur_<field>=<message>`.
pub fn redirect_with_errors(
    path: &str,
    errors: &crate::domain::FieldErrors,
    keep: &[(&str, &str)],
) {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in keep {
        query.append_pair(name, value);
    }
    for field in errors.fields() {
        query.append_pair(&format!("erreur_{field}"), errors.get(field).unwrap_or_default());
    }
    let separator = if path.contains('?') { '&' } else { '?' };
    leptos_axum::redirect(&format!("{path}{separator}{}", query.finish()));
}

/// Sends a plain form with errors back to `path` with the values typed: `v=1` tells the page
/// to show them rather than the stored ones; `extra` pairs come first.
pub fn redirect_with_typed(
    path: &str,
    errors: &crate::domain::FieldErrors,
    extra: &[(&str, &str)],
    typed: &[(String, String)],
) {
    let keep: Vec<(&str, &str)> = std::iter::once(("v", "1"))
        .chain(extra.iter().copied())
        .chain(typed.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .collect();
    redirect_with_errors(path, errors, &keep);
}

/// The answer of a form: for a plain form post, a page to go to (`done` on success, `back`
/// with the errors or the refusal otherwise); once hydrated, the outcome itself, and a
/// navigation to `done` on success when `navigate` is set.
pub fn answer_form(
    outcome: &impl crate::domain::FormAnswer,
    done: &str,
    back: &str,
    navigate: bool,
) {
    let plain = is_plain_form();
    use crate::domain::FormResult;
    match outcome.form_result() {
        FormResult::Done if plain || navigate => leptos_axum::redirect(done),
        FormResult::Invalid(errors) if plain => redirect_with_errors(back, errors, &[]),
        FormResult::Refused(reason) if plain => {
            leptos_axum::redirect(&with_query(back, "refus", reason));
        }
        _ => {}
    }
}
