//! The OpenAPI description of the API: its heading here, its paths and schemas from the
//! handlers' attributes (see [`super::routes`]). Served at `GET /api/v1/openapi.json`.

use std::sync::LazyLock;

use axum::{
    http::header,
    response::{IntoResponse, Response},
};
use utoipa::OpenApi;

use super::bearer::TokenScheme;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Ecossol — catalogue solidaire et dépôt de besoins",
        version = "1",
        description = "Recherche publique parmi les offres et les structures publiées de \
                       l'annuaire Ecossol (Grenoble-Alpes Métropole) : seuls les éléments publics \
                       sont renvoyés. Dépôt de besoins par le logiciel d'un acheteur, avec un jeton \
                       d'API de son organisation."
    ),
    modifiers(&TokenScheme)
)]
pub(super) struct ApiDoc;

/// The whole description: the heading, with every route of [`super::routes`].
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOCUMENT: LazyLock<utoipa::openapi::OpenApi> =
        LazyLock::new(|| super::routes().split_for_parts().1);
    &DOCUMENT
}

/// The description as JSON, written once.
static JSON: LazyLock<String> = LazyLock::new(|| {
    document().to_pretty_json().unwrap_or_else(|error| {
        tracing::error!(%error, "the OpenAPI description does not serialise");
        String::from("{}")
    })
});

#[utoipa::path(
    get,
    path = "/openapi.json",
    summary = "Description de cette API (OpenAPI 3.1)",
    responses((status = 200, description = "Ce document", content_type = "application/json")),
)]
pub(super) async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], JSON.as_str()).into_response()
}
