//! Compliance checks: reads and steps. Rights are the service's.

use leptos::prelude::*;

use crate::{
    domain::{
        Outcome,
        hqs::{
            check::{self, Decision, PieceDecision},
            views::{CheckOpening, CheckSummary, CheckView},
        },
    },
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, request},
    services::hqs::checks as service,
};

#[cfg(feature = "ssr")]
fn check_page(id: &str) -> String {
    format!("/hqs/controles/{}", request::encode(id))
}

/// `/hqs/controles`: the checks the person may see.
#[server(endpoint = "hqs-checks")]
pub async fn get_checks() -> Result<Vec<CheckSummary>, AppError> {
    let user = request::require_user().await?;
    service::list(&request::state()?, &user).await
}

/// A check's page (404 when it does not exist or is not the viewer's to see).
#[server(endpoint = "hqs-check")]
pub async fn get_check(id: String) -> Result<CheckView, AppError> {
    let user = request::require_user().await?;
    service::view(&request::state()?, &user, &id).await?.ok_or(AppError::NotFound)
}

/// What a procurement officer may open a check of this structure with; `None` for everyone
/// else (the structure's page then shows nothing).
#[server(endpoint = "hqs-check-opening")]
pub async fn get_check_opening(structure_id: String) -> Result<Option<CheckOpening>, AppError> {
    let Some(user) = request::session_user().await? else { return Ok(None) };
    service::opening(&request::state()?, &user, &structure_id).await
}

/// Opens a check; procurement officers of the buyer.
#[server(endpoint = "hqs-check-open")]
pub async fn open_check(
    organisation_id: String,
    profile_id: String,
    structure_id: String,
    #[server(default)] offer_id: String,
    #[server(default)] back: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let offer = (!offer_id.is_empty()).then_some(offer_id.as_str());
    let state = request::state()?;
    let outcome =
        service::open(&state, &user, &organisation_id, &profile_id, &structure_id, offer).await;
    let back = request::local_path(&back).unwrap_or("/hqs/controles").to_owned();
    answer(outcome, Redirect::to(back).done_with(|id: &String| check_page(id)).navigate()).await
}

/// Takes a step of a check.
#[server(endpoint = "hqs-check-step")]
pub async fn check_step(
    check_id: String,
    step: check::CheckStep,
    #[server(default)] text: String,
    #[server(default)] decision: Option<Decision>,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome = service::take_step(&state, &user, &check_id, step, &text, decision).await;
    let page = check_page(&check_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?etape=1"))).await
}

/// Accepts or rejects (with a reason) a piece of evidence.
#[server(endpoint = "hqs-evidence-review")]
pub async fn review_evidence(
    check_id: String,
    evidence_id: String,
    decision: PieceDecision,
    #[server(default)] reason: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let accept = decision == PieceDecision::Accept;
    let state = request::state()?;
    let outcome = service::review(&state, &user, &check_id, &evidence_id, accept, &reason).await;
    let page = check_page(&check_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?examen=1"))).await
}
