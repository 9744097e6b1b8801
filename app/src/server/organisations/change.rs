use leptos::prelude::*;

use crate::{domain::organisations::OrganisationOutcome, error::AppError};

#[cfg(feature = "ssr")]
use crate::{server::request, services::organisations as service};

/// Creates an organisation owned by the signed-in person.
#[server(endpoint = "organisation-create")]
pub async fn create_organisation(
    name: String,
    kind: String,
    #[server(default)] buyer_detail: String,
) -> Result<OrganisationOutcome, AppError> {
    let user = request::require_user().await?;
    let form = service::CreateOrganisationForm { name, kind, buyer_detail };
    let outcome = service::create(&request::state()?, &user, form).await?;
    let done = organisation_page(&outcome);
    request::answer_form(&outcome, &done, "/organisations", true);
    Ok(outcome)
}

/// Invites an address into the organisation. Owners only.
#[server(endpoint = "organisation-invite")]
pub async fn invite_member(
    organisation_id: String,
    email: String,
    role: String,
) -> Result<OrganisationOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::invite(&request::state()?, &user, &organisation_id, &email, &role)
        .await
        .map_err(request::fail)?;
    let page = format!("/organisations/{}", request::encode(&organisation_id));
    request::answer_form(&outcome, &format!("{page}?invitation=envoyee"), &page, false);
    Ok(outcome)
}

/// Accepts an invitation sent to the signed-in person's address.
#[server(endpoint = "invitation-accept")]
pub async fn accept_invitation(token: String) -> Result<OrganisationOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::accept_invitation(&request::state()?, &user, &token).await?;
    let done = organisation_page(&outcome);
    request::answer_form(&outcome, &done, "/invitation", true);
    Ok(outcome)
}

/// Asks to join an organisation; its owners decide.
#[server(endpoint = "organisation-join-request")]
pub async fn request_to_join(organisation_id: String) -> Result<OrganisationOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::request_to_join(&request::state()?, &user, &organisation_id)
        .await
        .map_err(request::fail)?;
    request::answer_form(&outcome, "/organisations?demande=envoyee", "/organisations", false);
    Ok(outcome)
}

/// Accepts (`decision=accept`) or refuses a request to join. Owners only.
#[server(endpoint = "organisation-join-decide")]
pub async fn decide_join_request(
    organisation_id: String,
    request_id: String,
    decision: String,
) -> Result<OrganisationOutcome, AppError> {
    let user = request::require_user().await?;
    let accept = decision == "accept";
    let outcome = service::decide_join_request(
        &request::state()?,
        &user,
        &organisation_id,
        &request_id,
        accept,
    )
    .await
    .map_err(request::fail)?;
    let page = format!("/organisations/{}", request::encode(&organisation_id));
    request::answer_form(&outcome, &page, &page, false);
    Ok(outcome)
}

/// Gives a member another role. Owners only.
#[server(endpoint = "organisation-member-role")]
pub async fn set_member_role(
    organisation_id: String,
    member_id: String,
    role: String,
) -> Result<OrganisationOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome =
        service::change_role(&request::state()?, &user, &organisation_id, &member_id, &role)
            .await
            .map_err(request::fail)?;
    let page = format!("/organisations/{}", request::encode(&organisation_id));
    request::answer_form(&outcome, &page, &page, false);
    Ok(outcome)
}

/// Leaves an organisation.
#[server(endpoint = "organisation-leave")]
pub async fn leave_organisation(organisation_id: String) -> Result<OrganisationOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome =
        service::leave(&request::state()?, &user, &organisation_id).await.map_err(request::fail)?;
    request::answer_form(
        &outcome,
        "/organisations",
        &format!("/organisations/{}", request::encode(&organisation_id)),
        true,
    );
    Ok(outcome)
}

/// The page of the organisation an action succeeded on (empty when it did not).
#[cfg(feature = "ssr")]
fn organisation_page(outcome: &OrganisationOutcome) -> String {
    match outcome {
        OrganisationOutcome::Done { organisation_id } => {
            format!("/organisations/{}", request::encode(organisation_id))
        }
        _ => String::new(),
    }
}
