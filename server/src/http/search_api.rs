//! `GET /api/v1/search`: the catalogue search as JSON, with the search page's parameters
//! (`q`, `cible`, `type`, `famille`, `secteur`, `prestation`, `commune`, `label`, `esus`,
//! `pres_de` or `lat`/`lng`, `rayon`, `tri`, `page`). Public: it shows public items only.

use app::{domain::search::SearchQuery, services::catalogue, state::AppState};
use axum::{
    Json,
    extract::{RawQuery, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

pub async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let raw = raw.unwrap_or_default();
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(raw.as_bytes()).into_owned().collect();
    let query = SearchQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    match catalogue::search(&state, &query).await {
        Ok(results) => ([(header::CACHE_CONTROL, "no-store")], Json(results)).into_response(),
        Err(error) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({ "error": error.to_string() })),
        )
            .into_response(),
    }
}
