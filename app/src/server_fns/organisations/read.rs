use leptos::prelude::*;

use crate::{
    domain::organisations::{OrganisationDetails, OrganisationSummary},
    error::AppError,
};

/// The signed-in person's organisations.
#[server(endpoint = "my-organisations")]
pub async fn my_organisations() -> Result<Vec<OrganisationSummary>, AppError> {
    use crate::server_fns::request;
    let user = request::require_user().await?;
    crate::services::organisations::my_organisations(&request::state()?, &user).await
}

/// An organisation's members; members and administrators only.
#[server(endpoint = "organisation")]
pub async fn organisation_details_of(id: String) -> Result<OrganisationDetails, AppError> {
    use crate::server_fns::request;
    let user = request::require_user().await?;
    crate::services::organisations::details(&request::state()?, &user, &id).await
}

/// Organisations by name, to ask to join one. Signed-in people only.
#[server(endpoint = "organisations-search")]
pub async fn search_organisations(text: String) -> Result<Vec<OrganisationSummary>, AppError> {
    use crate::server_fns::request;
    let user = request::require_user().await?;
    crate::services::organisations::search(&request::state()?, &user, &text).await
}
