//! `GET /recherche.csv`: the results of a search (the search page's parameters), first 500, as
//! CSV.

use app::{services::catalogue, state::AppState};
use axum::{
    extract::{RawQuery, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};

/// The search page's export.
pub async fn results_csv(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let mut query = catalogue::parse_query(&raw.unwrap_or_default());
    // The export of the search page: the person's private profiles filter too.
    let viewer = super::multipart::session_user(&state, &headers).await.ok().flatten();
    let mut lines =
        vec!["titre,structure_ou_commune,types,labels,esus,prix,distance_km,adresse".to_owned()];
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
            let cells = [
                title,
                hit.subtitle.clone(),
                hit.kinds.join("|"),
                hit.labels.join("|"),
                if hit.esus { "oui".into() } else { String::new() },
                hit.price.clone().unwrap_or_default(),
                hit.distance_m.map(|m| format!("{:.1}", m as f64 / 1000.0)).unwrap_or_default(),
                format!("{}{}", state.public_url, hit.url),
            ];
            let quoted: Vec<String> =
                cells.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
            lines.push(quoted.join(","));
        }
        if page >= results.pages {
            break;
        }
    }
    lines.push(String::new());
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"recherche-ecossol.csv\""),
        ],
        lines.join("\r\n"),
    )
        .into_response()
}
