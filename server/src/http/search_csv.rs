//! `GET /recherche.csv`: the results of a search (the search page's parameters), first 500, as
//! CSV. Cells go through [`csv_cell::defused`]: a title typed as a formula stays text.

use std::net::SocketAddr;

use app::{
    domain::csv_cell,
    server_fns::request::client_ip_of,
    services::{catalogue, limits},
    state::AppState,
};
use axum::{
    extract::{ConnectInfo, RawQuery, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};

const COLUMNS: [&str; 8] =
    ["titre", "structure_ou_commune", "types", "labels", "esus", "prix", "distance_km", "adresse"];

/// The search page's export, up to 25 searches: limited per client address
/// ([`limits::SEARCH_EXPORTS_PER_IP`]).
pub async fn results_csv(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let client = client_ip_of(Some(peer.ip()), &headers, &state.trusted_proxies);
    let now = state.clock.now_ms();
    match limits::within(&state.db, limits::SEARCH_EXPORTS_PER_IP, &client, now).await {
        Ok(true) => {}
        Ok(false) => return (StatusCode::TOO_MANY_REQUESTS, limits::TRY_LATER).into_response(),
        Err(error) => {
            tracing::error!(%error, "search export limit unreadable");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    }
    let mut query = catalogue::parse_query(&raw.unwrap_or_default());
    // The export of the search page: the person's private profiles filter too.
    let viewer = super::multipart::session_user(&state, &headers).await.ok().flatten();
    let mut rows = Vec::new();
    for page in 1..=25 {
        query.page = page;
        let results = match catalogue::search(&state, viewer.as_ref(), &query).await {
            Ok(results) => results,
            Err(error) => {
                return (StatusCode::SERVICE_UNAVAILABLE, error.to_string()).into_response();
            }
        };
        for hit in &results.hits {
            let title: String = hit.title.iter().map(|s| s.text.as_str()).collect();
            rows.push([
                title,
                hit.subtitle.clone(),
                hit.kinds.join("|"),
                hit.labels.join("|"),
                if hit.esus { "oui".into() } else { String::new() },
                hit.price.clone().unwrap_or_default(),
                hit.distance_m.map(|m| format!("{:.1}", m as f64 / 1000.0)).unwrap_or_default(),
                format!("{}{}", state.public_url, hit.url),
            ]);
        }
        if page >= results.pages {
            break;
        }
    }
    match write(&rows) {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"recherche-ecossol.csv\""),
            ],
            body,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "search export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The file: every cell quoted, lines ended by CRLF (what spreadsheets expect).
fn write(rows: &[[String; 8]]) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for row in rows {
        writer.write_record(row.iter().map(|cell| csv_cell::defused(cell).into_owned()))?;
    }
    Ok(writer.into_inner()?)
}
