//! The site's icon, built into the binary: every page names it, and browsers that ask for
//! `/favicon.ico` without reading the page are sent to it.

use axum::{
    http::header,
    response::{IntoResponse, Redirect},
};

const ICON: &[u8] = include_bytes!("../../../style/favicon.svg");

/// `GET /favicon.svg`: the icon, cached for a day.
pub async fn svg() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")],
        ICON,
    )
}

/// `GET /favicon.ico`: a permanent redirect to the SVG icon.
pub async fn ico() -> Redirect {
    Redirect::permanent("/favicon.svg")
}
