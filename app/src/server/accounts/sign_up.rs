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
    let keep = [("name", name.clone()), ("email", email.clone())];
    let form = crate::services::accounts::SignUpForm { name, email, password, password_confirm };
    let outcome = crate::services::accounts::sign_up(&state, form).await?;
    if request::is_plain_form() {
        match &outcome {
            SignUpOutcome::CheckYourMail => leptos_axum::redirect("/inscription?envoye=1"),
            SignUpOutcome::Invalid(errors) => {
                let keep = keep.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>();
                request::redirect_with_errors("/inscription", errors, &keep);
            }
        }
    }
    Ok(outcome)
}
