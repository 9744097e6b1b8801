//! The search page's data.

use leptos::prelude::*;

use crate::{domain::search::SearchResults, error::AppError};

/// The catalogue search for the page's address (its query string, as `/api/v1/search`
/// takes it). Public.
#[server(endpoint = "catalogue-search")]
pub async fn search_catalogue(query: String) -> Result<SearchResults, AppError> {
    use crate::{domain::search::SearchQuery, server::request};
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let query = SearchQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    crate::services::catalogue::search(&request::state()?, &query).await.map_err(request::fail)
}
