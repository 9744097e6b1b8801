//! The search page's data.

use leptos::prelude::*;

use crate::{domain::search::SearchResults, error::AppError};

/// The catalogue search for the page's address (its query string, as `/api/v1/search`
/// takes it). Public; a signed-in person may also filter with their private HQS profiles.
#[server(endpoint = "catalogue-search")]
pub async fn search_catalogue(query: String) -> Result<SearchResults, AppError> {
    use crate::{server_fns::request, services::catalogue};
    let query = catalogue::parse_query(&query);
    let viewer = request::session_user().await?;
    catalogue::search(&request::state()?, viewer.as_ref(), &query).await
}

/// The HQS profiles the signed-in person may filter the catalogue with, as (id, name) for
/// the search page's choice; none for a visitor.
#[server(endpoint = "search-profiles")]
pub async fn get_search_profiles() -> Result<Vec<(String, String)>, AppError> {
    use crate::{server_fns::request, services::hqs::profiles};
    let Some(user) = request::session_user().await? else { return Ok(Vec::new()) };
    let page = profiles::page(&request::state()?, &user).await?;
    Ok(page
        .profiles
        .into_iter()
        .map(|p| (p.id, format!("{} · {}", p.name, p.organisation_name)))
        .collect())
}
