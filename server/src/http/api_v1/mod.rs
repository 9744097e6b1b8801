//! The JSON API under `/api/v1`. Its routes and its OpenAPI description are built together
//! from the handlers' `#[utoipa::path]` attributes: a route registered here is documented, and
//! every `/api/v1` route of the server is registered here.

mod bearer;
mod document;
mod indicators;
mod needs;
mod search;

use app::state::AppState;
use axum::Router;
use utoipa::OpenApi;
use utoipa_axum::{router::OpenApiRouter, routes};

pub use document::document;

/// The address every route of this API starts with.
pub const PREFIX: &str = "/api/v1";

/// The routes of the API, to merge into the server's router.
pub fn router() -> Router<AppState> {
    routes().split_for_parts().0
}

/// The routes and their description, from one list, all under [`PREFIX`].
fn routes() -> OpenApiRouter<AppState> {
    let api = OpenApiRouter::new()
        .routes(routes!(search::search))
        .routes(routes!(needs::post_need))
        .routes(routes!(indicators::indicators))
        .routes(routes!(document::openapi));
    OpenApiRouter::with_openapi(document::ApiDoc::openapi()).nest(PREFIX, api)
}
