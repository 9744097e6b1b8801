//! What server functions read from the HTTP request: the state, the session, the client.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum_extra::extract::cookie::CookieJar;
use http::{header, request::Parts};
use leptos::prelude::*;

use crate::{
    domain::accounts::{Acting, SessionUser},
    error::AppError,
    services::accounts,
    state::AppState,
};

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or(AppError::Internal)
}

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// The value of the session cookie, if the browser sent one.
pub fn session_token() -> Option<String> {
    let secure = state().is_ok_and(|s| s.secure_cookies());
    session_token_in(&parts()?.headers, secure)
}

/// The value of the session cookie among request headers (for plain axum handlers), under
/// its name over HTTPS (`secure`) or plain HTTP.
pub fn session_token_in(headers: &http::HeaderMap, secure: bool) -> Option<String> {
    cookie_in(headers, accounts::session_cookie(secure))
}

/// The value of a cookie among request headers, when it is not empty.
pub fn cookie_in(headers: &http::HeaderMap, name: &str) -> Option<String> {
    let jar = CookieJar::from_headers(headers);
    jar.get(name).map(|c| c.value().to_owned()).filter(|v| !v.is_empty())
}

/// The signed-in person, without their memberships: for what only shows who is signed in.
pub async fn signed_in_person() -> Result<Option<SessionUser>, AppError> {
    let Some(token) = session_token() else { return Ok(None) };
    accounts::current_user(&state()?, &token).await
}

/// The signed-in person acting, with their memberships, if anyone is signed in.
pub async fn session_user() -> Result<Option<Acting>, AppError> {
    let Some(token) = session_token() else { return Ok(None) };
    accounts::acting_for_session(&state()?, &token).await
}

/// The signed-in person acting, or `Unauthenticated` (HTTP 401).
pub async fn require_user() -> Result<Acting, AppError> {
    session_user().await?.ok_or(AppError::Unauthenticated)
}

/// An administrator, or `Forbidden` (HTTP 403).
pub async fn require_admin() -> Result<Acting, AppError> {
    let user = require_user().await?;
    if user.is_admin { Ok(user) } else { Err(AppError::Forbidden) }
}

/// The client's address, for throttling: the peer, or, when the peer is a trusted reverse
/// proxy, the last address of `X-Forwarded-For` that is not one of those proxies.
pub fn client_ip() -> String {
    let Some(parts) = parts() else { return "unknown".to_owned() };
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let trusted = state().map(|s| s.trusted_proxies).unwrap_or_default();
    client_ip_of(peer, &parts.headers, &trusted)
}

/// [`client_ip`] for a plain route, which has the peer and the headers itself.
pub fn client_ip_of(
    peer: Option<std::net::IpAddr>,
    headers: &http::HeaderMap,
    trusted: &[std::net::IpAddr],
) -> String {
    let Some(peer) = peer else { return "unknown".to_owned() };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|ip| ip.trim().parse::<std::net::IpAddr>().ok())
        .collect::<Vec<_>>();
    forwarded.into_iter().rev().find(|ip| !trusted.contains(ip)).unwrap_or(peer).to_string()
}

/// Percent-encodes a value put in an address.
pub fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// `back` if it is a path on this site (never another site's address), to return to.
///
/// Browsers drop tabs and line breaks from an address and read a backslash as a slash: a tab
/// or a backslash after the first `/` would lead to another site, so any control character
/// or backslash is refused, with the leading `//`.
pub fn local_path(back: &str) -> Option<&str> {
    let clean = !back.contains('\\') && !back.chars().any(char::is_control);
    (clean && back.starts_with('/') && !back.starts_with("//")).then_some(back)
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

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_paths_of_this_site_are_returned_to() {
        let cases = [
            ("/recherche?q=pelouses", true),
            ("/", true),
            ("/organisations/abc#membres", true),
            ("//evil.example", false),
            ("/\\evil.example", false),
            ("\\\\evil.example", false),
            ("/\t/evil.example", false),
            ("/\n/evil.example", false),
            ("/\r/evil.example", false),
            ("/\u{0}/evil.example", false),
            ("/ok\u{7f}", false),
            ("https://evil.example", false),
            ("evil.example", false),
            ("", false),
        ];
        for (back, local) in cases {
            assert_eq!(local_path(back).is_some(), local, "{back:?}");
        }
    }
}
