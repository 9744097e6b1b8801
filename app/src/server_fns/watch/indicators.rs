//! The watch's indicators: the dashboard (`/veille`, its monthly report) and a public
//! buyer's SPASER page. Reads only; each service decides what the person may see.

use leptos::prelude::*;

use crate::{
    domain::{
        Outcome,
        watch::indicators::{DashboardAnswer, spaser::SpaserPage},
    },
    error::AppError,
};

/// The dashboard of the address's query string (`annee=2025&ventilation=cpv`), for the
/// person signed in or a visitor.
#[server(endpoint = "indicators")]
pub async fn get_indicators(query: String) -> Result<DashboardAnswer, AppError> {
    use crate::{server_fns::request, services::watch::indicators};
    let viewer = request::session_user().await?;
    indicators::from_query(&request::state()?, viewer.as_ref(), &query).await
}

/// `/veille/spaser/{organisation}?annees=2022-2025`.
#[server(endpoint = "spaser")]
pub async fn get_spaser(
    organisation: String,
    years: String,
) -> Result<Outcome<SpaserPage>, AppError> {
    use crate::{server_fns::request, services::watch::indicators::spaser};
    let viewer = request::session_user().await?;
    spaser::page(&request::state()?, viewer.as_ref(), &organisation, Some(&years)).await
}
