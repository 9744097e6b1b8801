//! Compliance checks: reads and steps. Rights are the service's.

use leptos::prelude::*;

use crate::{
    domain::hqs::views::{CheckOpening, CheckSummary, CheckView, HqsOutcome},
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{server::request, services::hqs::checks as service};

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

/// A check's page; `None` (404) when it does not exist or is not the viewer's to see.
#[server(endpoint = "hqs-check")]
pub async fn get_check(id: String) -> Result<Option<CheckView>, AppError> {
    let user = request::require_user().await?;
    let view = service::view(&request::state()?, &user, &id).await?;
    if view.is_none() {
        request::not_found();
    }
    Ok(view)
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
) -> Result<HqsOutcome, AppError> {
    let user = request::require_user().await?;
    let offer = (!offer_id.is_empty()).then_some(offer_id.as_str());
    let outcome = service::open(
        &request::state()?,
        &user,
        &organisation_id,
        &profile_id,
        &structure_id,
        offer,
    )
    .await
    .map_err(request::fail)?;
    let back = request::local_path(&back).unwrap_or("/hqs/controles").to_owned();
    let done = match &outcome {
        HqsOutcome::Done { id } => check_page(id),
        _ => back.clone(),
    };
    request::answer_form(&outcome, &done, &back, true);
    Ok(outcome)
}

/// Takes a step of a check (`request_evidence`, `submit_evidence`, `decide`, `reopen`).
#[server(endpoint = "hqs-check-step")]
pub async fn check_step(
    check_id: String,
    step: String,
    #[server(default)] text: String,
    #[server(default)] decision: String,
) -> Result<HqsOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::take_step(&request::state()?, &user, &check_id, &step, &text, &decision)
        .await
        .map_err(request::fail)?;
    let page = check_page(&check_id);
    request::answer_form(&outcome, &format!("{page}?etape=1"), &page, false);
    Ok(outcome)
}

/// Accepts (`accept`) or rejects (`reject`, with a reason) a piece of evidence.
#[server(endpoint = "hqs-evidence-review")]
pub async fn review_evidence(
    check_id: String,
    evidence_id: String,
    decision: String,
    #[server(default)] reason: String,
) -> Result<HqsOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::review(
        &request::state()?,
        &user,
        &check_id,
        &evidence_id,
        decision == "accept",
        &reason,
    )
    .await
    .map_err(request::fail)?;
    let page = check_page(&check_id);
    request::answer_form(&outcome, &format!("{page}?examen=1"), &page, false);
    Ok(outcome)
}
