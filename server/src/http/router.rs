use app::{App, shell, state::AppState};
use axum::{Router, middleware, routing::get};
use leptos_axum::{LeptosRoutes, file_and_error_handler, generate_route_list};
use tower_http::{compression::CompressionLayer, trace::TraceLayer};

use super::{csrf, health};

/// Every route of the server: `/healthz`, the Leptos pages and server functions (`/api/…`),
/// static files of the built site, and the 404 page for the rest.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(health::healthz))
        .leptos_routes_with_context(&state, routes, || {}, move || shell(options.clone()))
        .fallback(file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn(csrf::reject_cross_site))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
