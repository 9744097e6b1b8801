//! `GET /api/v1/search`: the catalogue search as JSON, with the search page's parameters
//! (see [`SearchParams`]). Public: it shows public items only.

use app::{
    domain::search::{SearchResults, params_doc::SearchParams},
    services::catalogue,
    state::AppState,
};
use axum::{
    Json,
    extract::{RawQuery, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use utoipa::ToSchema;

/// Erreur de la recherche.
#[derive(Serialize, ToSchema)]
pub(super) struct SearchError {
    /// Ce qui s'est passé, en français.
    error: String,
}

#[utoipa::path(
    get,
    path = "/search",
    summary = "Rechercher des offres ou des structures",
    params(SearchParams),
    responses(
        (status = 200, description = "Résultats", body = SearchResults),
        (status = 503, description = "Recherche momentanément indisponible", body = SearchError),
    ),
)]
pub(super) async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let query = catalogue::parse_query(&raw.unwrap_or_default());
    // Public and without a session: only shared HQS profiles filter here.
    match catalogue::search(&state, None, &query).await {
        Ok(results) => ([(header::CACHE_CONTROL, "no-store")], Json(results)).into_response(),
        Err(error) => {
            let body = SearchError { error: error.to_string() };
            (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
        }
    }
}
