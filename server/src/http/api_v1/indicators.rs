//! `GET /api/v1/indicators`: the figures of the dashboard `/veille` as JSON, with its
//! parameters (see [`IndicatorsParams`]) and its confidentiality: a buyer's token (or a
//! member's session) gets its own figures; the pôle's people the partnership's, with the
//! secret; the others, visitors included, the public buyers' part with the secret.
// The derive writes the inline fields' types in full, with their own spans.
#![expect(unused_qualifications, reason = "code of utoipa's IntoParams derive")]

use app::{
    domain::watch::indicators::{Dashboard, Filters, View},
    services::watch::indicators,
    state::AppState,
};
use axum::{
    Json,
    extract::{RawQuery, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::bearer::{self, ApiError};

/// Documentation only: the parser is `Filters::from_pairs`; the integration tests compare
/// the two lists of names.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(dead_code, reason = "documentation only: read by the OpenAPI derive")]
pub struct IndicatorsParams {
    /// Année, `AAAA` (une seule période parmi `annee`, `trimestre`, `mois`, `annees` ; par
    /// défaut : la dernière année du registre).
    pub annee: Option<String>,
    /// Trimestre, `AAAA-Tn`.
    pub trimestre: Option<String>,
    /// Mois, `AAAA-MM`.
    pub mois: Option<String>,
    /// Années, `AAAA-AAAA`.
    pub annees: Option<String>,
    /// `public` ou `prive`.
    pub type_acheteur: Option<String>,
    /// Identifiant d'une organisation acheteuse ou SIRET d'une entité acheteuse.
    pub acheteur: Option<String>,
    /// Division CPV : deux chiffres (ou un code CPV entier).
    pub cpv: Option<String>,
    /// Code INSEE de la commune du fournisseur (structure de l'annuaire).
    pub commune_fournisseur: Option<String>,
    /// Code INSEE de la commune d'exécution.
    pub commune_execution: Option<String>,
    /// Type de structure (`ACI`, `EI`, `ESAT`…).
    pub type_structure: Option<String>,
    /// Ventilation : `annee`, `trimestre`, `mois`, `type_acheteur` (par défaut), `acheteur`,
    /// `cpv`, `commune_fournisseur`, `commune_execution`, `type_structure`.
    pub ventilation: Option<String>,
    /// `organisation` (la part de l'organisation de l'appelant) ou `partenariat`.
    pub vue: Option<String>,
    /// L'organisation acheteuse de l'appelant dont on veut la part.
    pub organisation: Option<String>,
}

/// Un paramètre invalide.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct ParamError {
    field: String,
    /// En français.
    message: String,
}

/// Des paramètres à corriger.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct ParamsInvalid {
    errors: Vec<ParamError>,
}

#[utoipa::path(
    get,
    path = "/indicators",
    summary = "Indicateurs de la veille des achats solidaires",
    description = "Les chiffres du tableau de bord `/veille`, avec ses paramètres. Sans \
                   authentification : la part des acheteurs publics, avec le secret (une valeur \
                   formée par moins de trois acheteurs, ou par un ou deux acheteurs privés, vaut \
                   `\"secret\"`). Avec le jeton d'API d'une organisation acheteuse (ou la session \
                   d'un de ses membres) : ses propres chiffres, sans secret. Le pôle voit les \
                   chiffres du partenariat, avec le secret.",
    params(IndicatorsParams),
    security((), ("jeton" = [])),
    responses(
        (status = 200, description = "Indicateurs", body = Dashboard),
        (status = 400, description = "Paramètres à corriger", body = ParamsInvalid),
        (status = 401, description = "Jeton inconnu ou révoqué", body = ApiError),
        (status = 403, description = "Organisation d'un autre", body = ApiError),
    ),
)]
pub(super) async fn indicators(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let mut filters = match indicators::parse_query(&raw.unwrap_or_default()) {
        Ok(filters) => filters,
        Err(errors) => {
            let errors = errors
                .entries()
                .map(|(f, m)| ParamError { field: f.to_owned(), message: m.to_owned() })
                .collect();
            return (StatusCode::BAD_REQUEST, Json(ParamsInvalid { errors })).into_response();
        }
    };
    let viewer = if headers.contains_key(header::AUTHORIZATION) {
        let caller = match bearer::caller(&state, &headers).await {
            Ok(caller) => caller,
            Err(refusal) => return refusal,
        };
        // A token speaks for its organisation unless asked otherwise.
        if filters.view.is_none() && filters.organisation.is_none() {
            filters = Filters {
                view: Some(View::Own),
                organisation: Some(caller.organisation_id),
                ..filters
            };
        }
        Some(caller.acting)
    } else {
        match super::super::multipart::session_user(&state, &headers).await {
            Ok(viewer) => viewer,
            Err(failure) => {
                return bearer::error(failure.status_code(), "error", failure.to_string());
            }
        }
    };
    match indicators::compute(&state, viewer.as_ref(), &filters).await {
        Ok(dashboard) => ([(header::CACHE_CONTROL, "no-store")], Json(dashboard)).into_response(),
        Err(failure) => bearer::error(failure.status_code(), "refused", failure.to_string()),
    }
}
