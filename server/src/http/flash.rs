//! Hands a page the flash a plain form post left for it: the flash cookie's token is taken
//! from the database (read once), put in the request's extensions where the page finds it,
//! and the cookie is cleared.

use app::{
    server_fns::{cookies::site_cookie_header, request::cookie_in},
    services::flash,
    state::AppState,
};
use axum::{
    extract::{Request, State},
    http::{Method, header},
    middleware::Next,
    response::Response,
};

pub async fn take(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let token = (request.method() == Method::GET)
        .then(|| cookie_in(request.headers(), flash::COOKIE))
        .flatten();
    let Some(token) = token else { return next.run(request).await };
    match flash::take(&state, &token).await {
        Ok(Some(found)) => {
            request.extensions_mut().insert(found);
        }
        Ok(None) => {}
        Err(error) => tracing::warn!(%error, "flash not read"),
    }
    let mut response = next.run(request).await;
    if let Some(cleared) = site_cookie_header(flash::COOKIE, "", 0, state.secure_cookies()) {
        response.headers_mut().append(header::SET_COOKIE, cleared);
    }
    response
}
