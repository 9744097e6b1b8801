use leptos::prelude::*;

use crate::{domain::accounts::VerifyOutcome, error::AppError};

/// Confirms an address with the token of the e-mailed link. Public; POST only, so that a
/// mail scanner following the link does not use the token up.
#[server(endpoint = "verify-email")]
pub async fn verify_email(token: String) -> Result<VerifyOutcome, AppError> {
    let state = crate::server_fns::request::state()?;
    let outcome = crate::services::accounts::verify_email(&state, &token).await?;
    if crate::server_fns::request::is_plain_form() {
        let code = match outcome {
            VerifyOutcome::Verified => "ok",
            VerifyOutcome::Expired => "expire",
            VerifyOutcome::AlreadyUsed => "deja-utilise",
            VerifyOutcome::Invalid => "invalide",
        };
        leptos_axum::redirect(&format!("/verification-email?resultat={code}"));
    }
    Ok(outcome)
}
