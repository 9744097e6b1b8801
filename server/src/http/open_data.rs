//! `GET /donnees/achats-publics.csv` and `GET /donnees/decp.json`: the public buyers' part of
//! the ledger, streamed page by page (see `app::services::watch::open_data`).

use app::{
    services::watch::open_data::{Cursor, OpenFile, next_chunk},
    state::AppState,
};
use axum::{
    body::Body,
    extract::State,
    http::header,
    response::{IntoResponse, Response},
};

fn streamed(state: AppState, file: OpenFile) -> Body {
    let chunks = futures_util::stream::unfold(
        (state, Cursor::default(), false),
        move |(state, mut cursor, failed)| async move {
            if failed {
                return None;
            }
            match next_chunk(&state.db, file, &mut cursor).await {
                Ok(Some(bytes)) => Some((Ok(bytes), (state, cursor, false))),
                Ok(None) => None,
                // The status is already sent: the file ends short, and the client sees a
                // broken transfer rather than a file that looks whole.
                Err(error) => {
                    Some((Err(std::io::Error::other(error.to_string())), (state, cursor, true)))
                }
            }
        },
    );
    Body::from_stream(chunks)
}

/// The public purchases as CSV (UTF-8, comma-separated).
pub async fn purchases_csv(State(state): State<AppState>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"achats-publics-ecossol.csv\""),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        streamed(state, OpenFile::Csv),
    )
        .into_response()
}

/// The public contracts as DECP v2 JSON.
pub async fn decp_json(State(state): State<AppState>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"decp-ecossol.json\""),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        streamed(state, OpenFile::Decp),
    )
        .into_response()
}
