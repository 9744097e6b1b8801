//! `GET /veille/export.csv` and `/veille/export.xlsx`: a table of the dashboard
//! (`tableau=chiffres|ventilation|tendance`) with the dashboard's parameters, as the person
//! (or the visitor) sees it on the page.

use app::{
    domain::FieldErrors,
    services::watch::indicators::{self, export},
    state::AppState,
};
use axum::{
    extract::{RawQuery, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::multipart::{session_user, status_of};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn refused(errors: &FieldErrors) -> Response {
    let lines: Vec<String> = errors.entries().map(|(_, m)| m.to_owned()).collect();
    (StatusCode::BAD_REQUEST, lines.join("\n")).into_response()
}

async fn table(
    state: &AppState,
    raw: Option<String>,
    headers: &HeaderMap,
) -> Result<export::Table, Response> {
    let query = raw.unwrap_or_default();
    let filters = indicators::parse_query(&query).map_err(|e| refused(&e))?;
    let name = export::requested_table(&query);
    if !export::TABLES.iter().any(|(t, _)| *t == name) {
        let mut errors = FieldErrors::new();
        errors.add(
            "tableau",
            "Choisissez le tableau à exporter : chiffres, ventilation ou tendance.",
        );
        return Err(refused(&errors));
    }
    let viewer = session_user(state, headers).await.map_err(|e| status_of(&e))?;
    let dashboard =
        indicators::compute(state, viewer.as_ref(), &filters).await.map_err(|e| status_of(&e))?;
    export::table(&dashboard, &name).ok_or_else(|| status_of(&app::error::AppError::BadRequest))
}

fn file(bytes: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let disposition = format!("attachment; filename=\"indicateurs-{name}\"");
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

pub async fn csv(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    match table(&state, raw, &headers).await {
        Ok(t) => match export::csv(&t) {
            Ok(bytes) => file(bytes, "text/csv; charset=utf-8", "veille.csv"),
            Err(error) => {
                tracing::error!(%error, "indicators CSV export failed");
                status_of(&app::error::AppError::Internal)
            }
        },
        Err(refusal) => refusal,
    }
}

pub async fn xlsx(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    match table(&state, raw, &headers).await {
        Ok(t) => match export::xlsx(&t) {
            Ok(bytes) => file(bytes, XLSX, "veille.xlsx"),
            Err(error) => {
                tracing::error!(%error, "indicators XLSX export failed");
                status_of(&app::error::AppError::Internal)
            }
        },
        Err(refusal) => refusal,
    }
}
