use app::{services::health, state::AppState};
use axum::{
    Json,
    extract::State,
    http::{StatusCode, header},
    response::IntoResponse,
};

/// `GET /healthz`: the database's and Meilisearch's state as JSON; 503 when either is down.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let health = health::check(&state).await;
    let status = if health.is_up() { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, [(header::CACHE_CONTROL, "no-store")], Json(health))
}
