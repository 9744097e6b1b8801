//! A buyer organisation's API tokens, for its owners: list, create (the token is in the
//! answer, once), revoke.

use leptos::prelude::*;

use crate::{
    domain::{
        Outcome,
        organisations::{ApiTokenView, NewApiToken},
    },
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, request},
    services::organisations as service,
};

#[cfg(feature = "ssr")]
fn organisation_page(id: &str) -> String {
    format!("/organisations/{}", request::encode(id))
}

/// The organisation's active tokens (never their values). Owners only.
#[server(endpoint = "organisation-api-tokens")]
pub async fn organisation_api_tokens(
    organisation_id: String,
) -> Result<Vec<ApiTokenView>, AppError> {
    let user = request::require_user().await?;
    service::list_api_tokens(&request::state()?, &user, &organisation_id).await
}

/// Creates a token; a plain form post finds it once on the organisation's page. Owners only.
#[server(endpoint = "organisation-api-token-create")]
pub async fn create_api_token(
    organisation_id: String,
    name: String,
) -> Result<Outcome<NewApiToken>, AppError> {
    let user = request::require_user().await?;
    let outcome =
        service::create_api_token(&request::state()?, &user, &organisation_id, &name).await;
    let to = Redirect::to(organisation_page(&organisation_id))
        .revealing_once(|created: &NewApiToken| created.token.clone())
        .keeping(vec![("name".to_owned(), name)]);
    answer(outcome, to).await
}

/// Revokes a token: it stops working at once. Owners only.
#[server(endpoint = "organisation-api-token-revoke")]
pub async fn revoke_api_token(
    organisation_id: String,
    token_id: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome = service::revoke_api_token(&state, &user, &organisation_id, &token_id).await;
    answer(outcome, Redirect::to(organisation_page(&organisation_id))).await
}
