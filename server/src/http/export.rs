use app::{services::directory::export, state::AppState};
use axum::{
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

/// `GET /annuaire.csv`: the public directory in the import's columns (UTF-8, comma-separated).
pub async fn directory_csv(State(state): State<AppState>) -> Response {
    match export::public_csv(&state).await {
        Ok(csv) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"annuaire-ecossol.csv\""),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            csv,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "directory export failed");
            (StatusCode::SERVICE_UNAVAILABLE, "L'export est momentanément indisponible.")
                .into_response()
        }
    }
}
