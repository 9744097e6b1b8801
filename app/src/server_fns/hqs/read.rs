//! HQS reads. Rights are the services'.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    domain::hqs::{
        RequirementForm,
        views::{BuyerChoice, Harmonisation, ProfileView, ProfilesPage, ReferentialVersion},
    },
    error::AppError,
};

/// `/hqs`: the version in force, the earlier ones, and whether the viewer may publish.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferentialPage {
    pub versions: Vec<ReferentialVersion>,
    pub can_publish: bool,
}

#[server(endpoint = "hqs-referential")]
pub async fn get_referential() -> Result<ReferentialPage, AppError> {
    use crate::{server_fns::request, services::hqs::referential};
    let state = request::state()?;
    let can_publish = match request::session_user().await? {
        Some(user) => user.moderates(),
        None => false,
    };
    Ok(ReferentialPage { versions: referential::history(&state).await?, can_publish })
}

/// `/hqs/profils`: the profiles the person may use.
#[server(endpoint = "hqs-profiles")]
pub async fn get_profiles() -> Result<ProfilesPage, AppError> {
    use crate::{server_fns::request, services::hqs::profiles};
    let user = request::require_user().await?;
    profiles::page(&request::state()?, &user).await
}

/// `/hqs/profils/nouveau`: the form (empty or a template's), the version it is built on and
/// where the person may create it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewProfile {
    pub form: RequirementForm,
    pub latest: ReferentialVersion,
    pub buyers: Vec<BuyerChoice>,
}

#[server(endpoint = "hqs-new-profile")]
pub async fn get_new_profile(#[server(default)] template: String) -> Result<NewProfile, AppError> {
    use crate::{
        server_fns::request,
        services::hqs::{access, profiles, referential},
    };
    let state = request::state()?;
    let user = request::require_user().await?;
    let buyers = access::managed_buyers(&user);
    let template = (!template.is_empty()).then_some(template.as_str());
    Ok(NewProfile {
        form: profiles::new_form(template),
        latest: referential::latest(&state).await?,
        buyers,
    })
}

/// A profile's page (404 when it does not exist or is not the viewer's to read).
#[server(endpoint = "hqs-profile")]
pub async fn get_profile(id: String) -> Result<ProfileView, AppError> {
    use crate::{server_fns::request, services::hqs::profiles};
    let user = request::require_user().await?;
    profiles::view(&request::state()?, &user, &id).await?.ok_or(AppError::NotFound)
}

/// `/hqs/harmonisation`: the profiles to choose from and, with two or more chosen, the
/// comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HarmonisationPage {
    pub available: ProfilesPage,
    pub comparison: Option<Harmonisation>,
}

/// `ids`: the chosen profiles' ids, separated by commas.
#[server(endpoint = "hqs-harmonisation")]
pub async fn get_harmonisation(
    #[server(default)] ids: String,
) -> Result<HarmonisationPage, AppError> {
    use crate::{server_fns::request, services::hqs::profiles};
    let state = request::state()?;
    let user = request::require_user().await?;
    let ids = crate::domain::hqs::harmonise::chosen_ids(&ids);
    Ok(HarmonisationPage {
        available: profiles::page(&state, &user).await?,
        comparison: profiles::harmonise(&state, &user, &ids).await?,
    })
}
