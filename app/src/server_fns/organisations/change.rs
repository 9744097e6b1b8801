//! Organisations' changes. Each checks the session's rights in its service. Roles and kinds
//! are chosen in forms and parsed by the service (a French message next to the field);
//! values only a button sends are typed here.

use leptos::prelude::*;

use crate::{
    domain::{Outcome, organisations::JoinDecision},
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

/// Creates an organisation owned by the signed-in person.
#[server(endpoint = "organisation-create")]
pub async fn create_organisation(
    name: String,
    kind: String,
    #[server(default)] buyer_detail: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let form = service::CreateOrganisationForm { name, kind, buyer_detail };
    let outcome = service::create(&request::state()?, &user, form).await;
    let to = Redirect::to("/organisations").done_with(|id: &String| organisation_page(id));
    answer(outcome, to.navigate()).await
}

/// Invites an address into the organisation. Owners only.
#[server(endpoint = "organisation-invite")]
pub async fn invite_member(
    organisation_id: String,
    email: String,
    role: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome = service::invite(&state, &user, &organisation_id, &email, &role).await;
    let page = organisation_page(&organisation_id);
    let to = Redirect::to(&page).done(format!("{page}?invitation=envoyee"));
    answer(outcome, to.keeping(vec![("email".to_owned(), email)])).await
}

/// Accepts an invitation sent to the signed-in person's address.
#[server(endpoint = "invitation-accept")]
pub async fn accept_invitation(token: String) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::accept_invitation(&request::state()?, &user, &token).await;
    let back = request::with_query("/invitation", "jeton", &token);
    answer(outcome, Redirect::to(back).done_with(|id: &String| organisation_page(id)).navigate())
        .await
}

/// Asks to join an organisation; its owners decide.
#[server(endpoint = "organisation-join-request")]
pub async fn request_to_join(organisation_id: String) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::request_to_join(&request::state()?, &user, &organisation_id).await;
    answer(outcome, Redirect::to("/organisations").done("/organisations?demande=envoyee")).await
}

/// Accepts or refuses a request to join. Owners only.
#[server(endpoint = "organisation-join-decide")]
pub async fn decide_join_request(
    organisation_id: String,
    request_id: String,
    decision: JoinDecision,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let accept = decision == JoinDecision::Accept;
    let state = request::state()?;
    let outcome =
        service::decide_join_request(&state, &user, &organisation_id, &request_id, accept).await;
    answer(outcome, Redirect::to(organisation_page(&organisation_id))).await
}

/// Gives a member another role. Owners only.
#[server(endpoint = "organisation-member-role")]
pub async fn set_member_role(
    organisation_id: String,
    member_id: String,
    role: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome = service::change_role(&state, &user, &organisation_id, &member_id, &role).await;
    answer(outcome, Redirect::to(organisation_page(&organisation_id))).await
}

/// Leaves an organisation.
#[server(endpoint = "organisation-leave")]
pub async fn leave_organisation(organisation_id: String) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::leave(&request::state()?, &user, &organisation_id).await;
    let to = Redirect::to(organisation_page(&organisation_id)).done("/organisations");
    answer(outcome, to.navigate()).await
}
