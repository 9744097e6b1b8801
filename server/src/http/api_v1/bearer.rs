//! Token authentication of the API's writing routes: `Authorization: Bearer <token>`, an
//! active token of a buyer organisation (see `app::services::api_access`). Session cookies
//! are never read here: a request that only carries a cookie is unauthenticated, so a page of
//! another site cannot ride on a signed-in person's session, and the cross-site layer
//! (`http::csrf`) lets programs through, since they send no browser headers.

use app::{
    services::api_access::{self, Denied, TokenCaller},
    state::AppState,
};
use axum::{
    Json,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use utoipa::{
    Modify, ToSchema,
    openapi::security::{Http, HttpAuthScheme, SecurityScheme},
};

/// The name of the token scheme in the OpenAPI description.
pub(super) const SCHEME: &str = "jeton";

/// Une erreur de l'API.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct ApiError {
    /// Ce qui s'est passé, en français.
    pub error: String,
    /// Le même motif pour les programmes, stable, en anglais (`missing_token`,
    /// `invalid_token`, `token_creator_not_owner`, `invalid_json`, `body_too_large`,
    /// `daily_cap_reached`, `refused`, `error`).
    pub code: &'static str,
}

/// An error answer with its status.
pub(super) fn error(
    status: StatusCode,
    code: &'static str,
    message: impl Into<String>,
) -> Response {
    (status, Json(ApiError { error: message.into(), code })).into_response()
}

/// The token of the `Authorization: Bearer` header, if there is one.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then_some(token)
}

/// The caller of the request, or the answer that refuses it (401, 403 or 500).
pub(super) async fn caller(state: &AppState, headers: &HeaderMap) -> Result<TokenCaller, Response> {
    let unauthenticated = |code, message: &str| {
        let mut response = error(StatusCode::UNAUTHORIZED, code, message);
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        response
    };
    match api_access::authenticate(state, bearer(headers)).await {
        Ok(Ok(caller)) => Ok(caller),
        Ok(Err(Denied::Missing)) => Err(unauthenticated(
            "missing_token",
            "Authentification requise : envoyez un jeton d'API de votre organisation dans \
             l'en-tête « Authorization: Bearer … ».",
        )),
        Ok(Err(Denied::Invalid)) => {
            Err(unauthenticated("invalid_token", "Ce jeton d'API est inconnu ou a été révoqué."))
        }
        Ok(Err(Denied::CreatorNotOwner)) => Err(error(
            StatusCode::FORBIDDEN,
            "token_creator_not_owner",
            "La personne qui a créé ce jeton n'est plus propriétaire de l'organisation : \
             un propriétaire actuel doit créer un nouveau jeton.",
        )),
        Err(failure) => Err(error(failure.status_code(), "error", failure.to_string())),
    }
}

/// Declares the token scheme in the description.
pub(super) struct TokenScheme;

impl Modify for TokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let scheme = SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer));
        openapi.components.get_or_insert_default().add_security_scheme(SCHEME, scheme);
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn only_a_bearer_header_carries_a_token() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer(&headers), None);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic YTpi"));
        assert_eq!(bearer(&headers), None);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("bearer ecossol_abc"));
        assert_eq!(bearer(&headers), Some("ecossol_abc"));
    }
}
