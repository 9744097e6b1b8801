use leptos::prelude::*;

use crate::{domain::Outcome, error::AppError};

/// Creates an account and sends the verification e-mail. Public.
#[server(endpoint = "signup")]
pub async fn sign_up(
    name: String,
    email: String,
    password: String,
    password_confirm: String,
) -> Result<Outcome, AppError> {
    use crate::{
        server_fns::{answer::*, request},
        services::accounts::{SignUpForm, sign_up},
    };
    let typed = vec![("name".to_owned(), name.clone()), ("email".to_owned(), email.clone())];
    let form = SignUpForm { name, email, password, password_confirm };
    let outcome = sign_up(&request::state()?, form, &request::client_ip()).await;
    answer(outcome, Redirect::to("/inscription").done("/inscription?envoye=1").keeping(typed)).await
}
