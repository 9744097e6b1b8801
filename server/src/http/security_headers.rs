//! Security headers on every response, and the Content-Security-Policy's per-request nonce.
//!
//! The policy allows no inline script but those carrying the nonce: the middleware draws one
//! per request, puts it in the request's extensions, and [`provide_nonce`] hands it to the
//! Leptos render, whose hydration and resource scripts carry it (`use_nonce`). The same value
//! is written in the header, so a script injected into a page (which cannot know it) does not
//! run. Event handlers are Leptos' (`on:click`), never HTML attributes.

use std::sync::Arc;

use app::state::AppState;
use axum::{
    extract::{Request, State},
    http::{HeaderName, HeaderValue, header},
    middleware::Next,
    response::Response,
};
use leptos::{nonce::Nonce, prelude::provide_context};

/// The nonce of the request being answered, in its extensions.
#[derive(Clone, Debug)]
pub struct CspNonce(Arc<str>);

/// Context for the Leptos render: the request's nonce replaces the one Leptos drew itself, so
/// that the scripts of the page carry the nonce of the header.
pub fn provide_nonce() {
    let parts = leptos::prelude::use_context::<http::request::Parts>();
    if let Some(CspNonce(value)) = parts.as_ref().and_then(|p| p.extensions.get::<CspNonce>()) {
        provide_context(Nonce::from_value(Arc::clone(value)));
    }
}

/// The policy for a page whose scripts carry `nonce`.
///
/// Styles come from the site's stylesheet only (no `style` attribute, no inline `<style>`;
/// SVG presentation attributes such as `fill` are not CSS and stay allowed). The WebAssembly
/// bundle needs `'wasm-unsafe-eval'`, which allows compiling WebAssembly and nothing else.
/// During development (`cargo leptos watch`) the reload script talks over a WebSocket.
fn policy(nonce: &str) -> String {
    let connect = if std::env::var_os("LEPTOS_WATCH").is_some() { " ws: wss:" } else { "" };
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'{connect}; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Adds the headers to every response (pages, files, API, errors).
///
/// `Referrer-Policy: same-origin`: links carry tokens (`?jeton=…`) and no other site may see
/// them, while a form posted to this site still says where it comes from (the cross-site
/// check falls back on `Referer`/`Origin` for browsers without `Sec-Fetch-Site`, and
/// `no-referrer` would make them send `Origin: null`).
pub async fn apply(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let nonce: Arc<str> = Nonce::new().as_inner().clone();
    request.extensions_mut().insert(CspNonce(Arc::clone(&nonce)));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let mut set = |name: HeaderName, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    };
    set(header::CONTENT_SECURITY_POLICY, &policy(&nonce));
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "same-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    if state.secure_cookies() {
        set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    }
    response
}

#[cfg(test)]
mod tests {
    use super::policy;

    #[test]
    fn the_policy_allows_no_inline_script_but_the_nonce() {
        let csp = policy("abc");
        assert!(csp.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    }
}
