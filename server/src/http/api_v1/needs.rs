//! `POST /api/v1/needs`: a buyer's own system posts a need with an organisation's API token.
//! The need is a draft made as the token's creator, or, with `"submit": true`, sent to the
//! pôle at once; the French messages are those of the need's form.

use app::{
    domain::{
        FieldErrors,
        needs::{NeedForm, NeedState},
    },
    services::api_access::{self, Posted},
    state::AppState,
};
use axum::{
    Json,
    body::Body,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::bearer::{self, ApiError};

/// The largest body read: a need's text fits many times over.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Un besoin, avec les champs du formulaire de dépôt (tous facultatifs pour un brouillon ;
/// l'envoi au pôle demande un besoin complet).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub(super) struct NeedRequest {
    /// `quote` (demande de devis), `tender` (appel d'offres) ou `sourcing`.
    kind: String,
    /// Titre, 5 à 150 caractères.
    title: String,
    description: String,
    /// Adresse de l'avis de marché.
    notice_url: String,
    /// Codes CPV (10 au plus).
    cpv: Vec<String>,
    /// Code du secteur (par exemple `espaces-verts`).
    sector: String,
    /// `goods`, `service` ou `staff_provision`.
    service_kind: String,
    /// Les lots, un par élément : `désignation ; quantité ; unité`.
    lots: Vec<String>,
    /// Code INSEE de la commune d'exécution.
    place: String,
    /// Seulement les structures à moins de tant de km du lieu.
    radius_km: Option<u32>,
    /// Début d'exécution, `AAAA-MM-JJ`.
    start_on: String,
    /// Date limite de réponse, `AAAA-MM-JJ`.
    deadline_on: String,
    /// `exact`, `range` ou `withheld`.
    budget_kind: String,
    /// Montant en euros (`exact`), par exemple `25 000`.
    budget_amount: String,
    budget_min: String,
    budget_max: String,
    /// Pourquoi le budget n'est pas donné (`withheld`).
    budget_reason: String,
    /// Types de structure souhaités (codes) ; aucun : tous.
    structure_kind: Vec<String>,
    /// Familles souhaitées (`insertion`, `handicap`, `ess`) ; aucune : toutes.
    family: Vec<String>,
    /// Un profil HQS de l'organisation ou partagé.
    profile_id: String,
    /// Questions posées aux structures, une par élément.
    questions: Vec<String>,
    /// Cacher le nom de l'acheteur aux structures non retenues.
    anonymous: bool,
    /// Envoyer le besoin au pôle pour validation (sinon : brouillon).
    submit: bool,
}

impl NeedRequest {
    /// The form the service parses: lists joined as the page's fields are.
    fn into_form(self) -> (NeedForm, bool) {
        let lines = |items: Vec<String>| {
            items.iter().map(|i| i.replace(['\r', '\n'], " ")).collect::<Vec<_>>().join("\n")
        };
        let form = NeedForm {
            kind: self.kind,
            title: self.title,
            description: self.description,
            notice_url: self.notice_url,
            cpv: self.cpv.join(" "),
            sector: self.sector,
            service_kind: self.service_kind,
            lots: lines(self.lots),
            place: self.place,
            radius_km: self.radius_km.map(|km| km.to_string()).unwrap_or_default(),
            start_on: self.start_on,
            deadline_on: self.deadline_on,
            budget_kind: self.budget_kind,
            budget_amount: self.budget_amount,
            budget_min: self.budget_min,
            budget_max: self.budget_max,
            budget_reason: self.budget_reason,
            structure_kind: self.structure_kind,
            family: self.family,
            profile_id: self.profile_id,
            questions: lines(self.questions),
            anonymous: if self.anonymous { "on".into() } else { String::new() },
        };
        (form, self.submit)
    }
}

/// Le besoin enregistré.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct NeedCreated {
    id: String,
    /// `draft` (brouillon) ou `submitted` (envoyé au pôle).
    state: String,
    /// Sa page sur Ecossol.
    url: String,
}

/// Une erreur d'un champ.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct FieldError {
    field: String,
    /// En français.
    message: String,
}

/// Des champs à corriger. Avec `draft`, le brouillon est enregistré mais ne peut pas encore
/// être envoyé au pôle ; sans, rien n'est enregistré.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct NeedInvalid {
    errors: Vec<FieldError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    draft: Option<NeedCreated>,
}

/// L'envoi au pôle est refusé ; le brouillon est enregistré.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct SubmissionRefused {
    /// Pourquoi, en français.
    error: String,
    /// `submission_refused`.
    code: &'static str,
    draft: NeedCreated,
}

#[utoipa::path(
    post,
    path = "/needs",
    summary = "Déposer un besoin depuis le logiciel de l'acheteur",
    description = "Authentifié par un jeton d'API d'une organisation acheteuse (créé par un de ses \
                   propriétaires sur la page de l'organisation). Le besoin est un brouillon, ou est \
                   envoyé au pôle avec `\"submit\": true` (organisation vérifiée seulement). \
                   100 besoins par organisation et par 24 heures au plus. Corps de 64 Kio au plus.",
    request_body = NeedRequest,
    security(("jeton" = [])),
    responses(
        (status = 201, description = "Besoin enregistré", body = NeedCreated),
        (status = 400, description = "Corps illisible", body = ApiError),
        (status = 401, description = "Jeton absent, inconnu ou révoqué", body = ApiError),
        (status = 403, description = "Le créateur du jeton n'est plus propriétaire", body = ApiError),
        (status = 409, description = "Envoi au pôle refusé ; brouillon enregistré", body = SubmissionRefused),
        (status = 413, description = "Corps trop grand", body = ApiError),
        (status = 422, description = "Champs à corriger", body = NeedInvalid),
        (status = 429, description = "Plafond quotidien atteint", body = ApiError),
    ),
)]
pub(super) async fn post_need(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let caller = match bearer::caller(&state, &headers).await {
        Ok(caller) => caller,
        Err(refusal) => return refusal,
    };
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        let message = format!("Le corps de la requête dépasse {} Kio.", MAX_BODY_BYTES / 1024);
        return bearer::error(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large", message);
    };
    let request: NeedRequest = match serde_json::from_slice(&bytes) {
        Ok(request) => request,
        Err(problem) => {
            let message = format!("Le corps doit être un besoin en JSON ({problem}).");
            return bearer::error(StatusCode::BAD_REQUEST, "invalid_json", message);
        }
    };
    let (form, submit) = request.into_form();
    match api_access::post_need(&state, &caller, form, submit).await {
        Ok(posted) => answer(&state, posted),
        Err(failure) => bearer::error(failure.status_code(), "error", failure.to_string()),
    }
}

fn answer(state: &AppState, posted: Posted) -> Response {
    let need = |id: String, need_state: NeedState| NeedCreated {
        url: format!("{}/besoins/{id}", state.public_url),
        state: <&str>::from(need_state).to_owned(),
        id,
    };
    let invalid = |errors: FieldErrors, draft| {
        let errors = errors
            .entries()
            .map(|(field, message)| FieldError { field: field.into(), message: message.into() })
            .collect();
        (StatusCode::UNPROCESSABLE_ENTITY, Json(NeedInvalid { errors, draft })).into_response()
    };
    match posted {
        Posted::Draft(id) => {
            (StatusCode::CREATED, Json(need(id, NeedState::Draft))).into_response()
        }
        Posted::Submitted(id) => {
            (StatusCode::CREATED, Json(need(id, NeedState::Submitted))).into_response()
        }
        Posted::SubmissionRefused { id, reason } => {
            let draft = need(id, NeedState::Draft);
            let body = SubmissionRefused { error: reason, code: "submission_refused", draft };
            (StatusCode::CONFLICT, Json(body)).into_response()
        }
        Posted::SubmissionIncomplete { id, errors } => {
            invalid(errors, Some(need(id, NeedState::Draft)))
        }
        Posted::Invalid(errors) => invalid(errors, None),
        Posted::Refused(reason) => bearer::error(StatusCode::CONFLICT, "refused", reason),
        Posted::OverCap => bearer::error(
            StatusCode::TOO_MANY_REQUESTS,
            "daily_cap_reached",
            format!(
                "Votre organisation a déjà déposé {} besoins ces dernières 24 heures : \
                 réessayez plus tard.",
                api_access::DAILY_NEEDS_CAP
            ),
        ),
    }
}
