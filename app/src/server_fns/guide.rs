//! The buyers' guide's pages. Read-only and public.

use leptos::prelude::*;

use crate::{
    domain::guide::{GuidePage, GuideSummary},
    error::AppError,
};

/// `/guide`: its home page and the list of the others.
#[server(endpoint = "guide-index")]
pub async fn get_guide_index() -> Result<(GuidePage, Vec<GuideSummary>), AppError> {
    use crate::{server_fns::request, services::guide};
    let state = request::state()?;
    let home = guide::page(&state, "index").await?.ok_or(AppError::NotFound)?;
    Ok((home, guide::index()))
}

/// `/guide/{slug}`: one page, with the live count of its search.
#[server(endpoint = "guide-page")]
pub async fn get_guide_page(slug: String) -> Result<GuidePage, AppError> {
    use crate::{server_fns::request, services::guide};
    guide::page(&request::state()?, &slug).await?.ok_or(AppError::NotFound)
}
