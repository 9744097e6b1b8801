//! The pôle's verification of buyers: an owner asks, an animator decides. The services check
//! the session's rights.

use leptos::prelude::*;

use crate::{
    domain::{
        Outcome,
        organisations::{BuyerToVerify, VerificationDecision},
    },
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, request},
    services::organisations as service,
};

/// The animators' desk of buyers.
#[cfg(feature = "ssr")]
const DESK: &str = "/pole/acheteurs";

/// Asks the pôle to verify a buyer organisation, with its SIRET and category. Owners only.
#[server(endpoint = "organisation-verification-request")]
pub async fn request_buyer_verification(
    organisation_id: String,
    siret: String,
    category: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let form = service::VerificationForm { siret: siret.clone(), category: category.clone() };
    let outcome =
        service::request_verification(&request::state()?, &user, &organisation_id, form).await;
    let page = format!("/organisations/{}", request::encode(&organisation_id));
    let values = vec![("siret".to_owned(), siret), ("category".to_owned(), category)];
    let to = Redirect::to(&page).done(format!("{page}?verification=demandee")).keeping(values);
    answer(outcome, to).await
}

/// Verifies or refuses a buyer (or withdraws its verification), with a reason. The pôle's
/// animators only.
#[server(endpoint = "organisation-verification-decide")]
pub async fn decide_buyer_verification(
    organisation_id: String,
    decision: VerificationDecision,
    #[server(default)] reason: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome =
        service::decide_verification(&state, &user, &organisation_id, decision, &reason).await;
    answer(outcome, Redirect::to(DESK).done(format!("{DESK}?decision=enregistree"))).await
}

/// Buyers waiting for the pôle's decision, and verified ones. The pôle's animators only.
#[server(endpoint = "buyer-verification-desk")]
pub async fn buyer_verification_desk() -> Result<Vec<BuyerToVerify>, AppError> {
    let user = request::require_user().await?;
    service::desk(&request::state()?, &user).await
}
