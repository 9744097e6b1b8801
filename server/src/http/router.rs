use std::sync::LazyLock;

use app::{App, shell, state::AppState};
use axum::{
    Router,
    extract::DefaultBodyLimit,
    middleware,
    routing::{get, post},
};
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list,
};
use tower_http::{compression::CompressionLayer, trace::TraceLayer};

use super::{
    api_v1, csrf, decp_files, error_status, evidence, export, favicon, flash, health,
    indicators_export, multipart, need_files, open_data, purchase_files, search_csv,
    security_headers, uploads,
};

/// The pages of the app, walked once per process. Leptos suppresses resource loading through a
/// process-wide flag while it walks the app, and a resource first polled in that window never
/// loads: a second walk while another server in the same process renders a page (tests start
/// many servers) would leave that page hanging for ever.
static ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));

/// Every route of the server: `/healthz`, the JSON API (`/api/v1/…`), the Leptos pages and
/// server functions (`/api/…`), static files of the built site, and the 404 page for the rest.
pub fn router(state: AppState) -> Router {
    let routes = ROUTES.clone();
    let options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/favicon.svg", get(favicon::svg))
        .route("/favicon.ico", get(favicon::ico))
        .route("/annuaire.csv", get(export::directory_csv))
        .route(
            "/documents",
            post(uploads::upload).layer(DefaultBodyLimit::max(multipart::MAX_UPLOAD_BYTES)),
        )
        .route("/documents/{id}", get(uploads::download))
        .route(
            "/hqs/controles/{id}/pieces",
            post(evidence::upload).layer(DefaultBodyLimit::max(multipart::MAX_UPLOAD_BYTES)),
        )
        .route("/hqs/pieces/{id}", get(evidence::download))
        .merge(need_files_routes())
        .route(
            "/veille/imports/envoi",
            post(purchase_files::upload)
                .layer(DefaultBodyLimit::max(purchase_files::MAX_BODY_BYTES)),
        )
        .route(
            "/veille/decp/envoi",
            post(decp_files::upload).layer(DefaultBodyLimit::max(decp_files::MAX_BODY_BYTES)),
        )
        // Every `/api/v1` route, documented: add API routes there, never here.
        .merge(api_v1::router())
        .route("/recherche.csv", get(search_csv::results_csv))
        .route("/donnees/achats-publics.csv", get(open_data::purchases_csv))
        .route("/donnees/decp.json", get(open_data::decp_json))
        .route("/veille/export.csv", get(indicators_export::csv))
        .route("/veille/export.xlsx", get(indicators_export::xlsx))
        .leptos_routes_with_context(&state, routes, security_headers::provide_nonce, move || {
            shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            security_headers::provide_nonce,
            shell,
        ))
        .layer(middleware::from_fn(error_status::apply))
        .layer(middleware::from_fn_with_state(state.clone(), flash::take))
        .layer(middleware::from_fn(csrf::reject_cross_site))
        .layer(middleware::from_fn_with_state(state.clone(), security_headers::apply))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http().make_span_with(crate::telemetry::request_span))
        .with_state(state)
}

/// The files of the needs and of their quotes (see [`need_files`]).
fn need_files_routes() -> Router<AppState> {
    let limit = || DefaultBodyLimit::max(multipart::MAX_NEED_UPLOAD_BYTES);
    Router::new()
        .route("/besoins/{id}/fichiers", post(need_files::upload_to_need).layer(limit()))
        .route("/besoins/{id}/fichiers/{file}", get(need_files::download_of_need))
        .route("/besoins/{id}/fichiers/{file}/supprimer", post(need_files::remove_from_need))
        .route(
            "/besoins/{id}/devis/{structure}/fichiers",
            post(need_files::upload_to_quote).layer(limit()),
        )
        .route(
            "/besoins/{id}/devis/{structure}/fichiers/{file}",
            get(need_files::download_of_quote),
        )
        .route(
            "/besoins/{id}/devis/{structure}/fichiers/{file}/supprimer",
            post(need_files::remove_from_quote),
        )
}
