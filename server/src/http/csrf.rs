//! Refuses cross-site requests that could change state.
//!
//! Every method but GET, HEAD and OPTIONS must come from a page of this site: the browser's
//! `Sec-Fetch-Site` says so, or else its `Origin` (or `Referer`) names this host. Requests that
//! carry none of those headers come from programs, not browsers, and cannot ride on a user's
//! cookies; they go through (server functions still check the session's rights themselves).

use axum::{
    extract::Request,
    http::{HeaderMap, Method, StatusCode, Uri, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

pub const CROSS_SITE_REFUSED: &str = "Requête refusée : elle ne vient pas d'une page d'Ecossol \
     (protection contre la falsification de requêtes intersites).";

pub async fn reject_cross_site(request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_same_origin(request.headers()) {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), path = request.uri().path(), "cross-site request refused");
        (StatusCode::FORBIDDEN, CROSS_SITE_REFUSED).into_response()
    }
}

/// Whether the browser headers of a request say that it comes from this site.
pub fn is_same_origin(headers: &HeaderMap) -> bool {
    let get = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = get("sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    let host = get(header::HOST.as_str());
    let source = get(header::ORIGIN.as_str()).or_else(|| get(header::REFERER.as_str()));
    match (source, host) {
        (None, _) => true,
        (Some(source), Some(host)) => authority_of(source).is_some_and(|a| a == host),
        (Some(_), None) => false,
    }
}

fn authority_of(url: &str) -> Option<String> {
    let uri: Uri = url.parse().ok()?;
    uri.authority().map(|a| a.as_str().to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn fetch_metadata_decides_first() {
        assert!(is_same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(is_same_origin(&headers(&[("sec-fetch-site", "none")])));
        assert!(!is_same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!is_same_origin(&headers(&[
            ("sec-fetch-site", "same-site"),
            ("origin", "http://ecossol.fr"),
            ("host", "ecossol.fr"),
        ])));
    }

    #[test]
    fn origin_must_name_this_host() {
        let ok = headers(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")]);
        assert!(is_same_origin(&ok));
        let evil = headers(&[("origin", "https://evil.example"), ("host", "127.0.0.1:3000")]);
        assert!(!is_same_origin(&evil));
        let opaque = headers(&[("origin", "null"), ("host", "127.0.0.1:3000")]);
        assert!(!is_same_origin(&opaque));
    }

    #[test]
    fn referer_stands_in_for_a_missing_origin() {
        let ok = headers(&[("referer", "http://localhost:3000/page"), ("host", "localhost:3000")]);
        assert!(is_same_origin(&ok));
        let evil = headers(&[("referer", "http://evil.example/x"), ("host", "localhost:3000")]);
        assert!(!is_same_origin(&evil));
    }

    #[test]
    fn programs_without_browser_headers_pass() {
        assert!(is_same_origin(&headers(&[("host", "localhost:3000")])));
    }
}
