use leptos::prelude::*;

use crate::{domain::accounts::SignUpOutcome, error::AppError};

/// Creates an account and sends the verification e-mail. Public.
#[server(endpoint = "signup")]
pub async fn sign_up(
    name: String,
    email: String,
    password: String,
    password_confirm: String,
) -> Result<SignUpOutcome, AppError> {
    use crate::server::request;
    let state = request::state()?;
    let form = crate::services::accounts::SignUpForm { name, email, password, password_confirm };
    let outcome = crate::services::accounts::sign_up(&state, form).await?;
    if request::is_plain_form() {
        match &outcome {
            SignUpOutcome::CheckYourMail => leptos_axum::redirect("/inscription?envoye=1"),
            SignUpOutcome::Invalid(errors) => {
                let fields = errors.fields().collect::<Vec<_>>().join(",");
                leptos_axum::redirect(&format!("/inscription?erreurs={fields}"));
            }
        }
    }
    Ok(outcome)
}
