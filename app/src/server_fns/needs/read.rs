//! Needs' reads.

use leptos::prelude::*;

use crate::{
    domain::needs::views::{MyNeeds, NeedSummary, NeedView, NewNeedPage},
    error::AppError,
};

/// `/besoins/<id>`: a need, as the person may see it.
#[server(endpoint = "need")]
pub async fn get_need(id: String) -> Result<NeedView, AppError> {
    use crate::{server_fns::request, services::needs};
    let user = request::session_user().await?;
    needs::view(&request::state()?, user.as_ref(), &id).await
}

/// `/besoins`: the open needs, optionally of one sector and kind (codes; empty: all).
#[server(endpoint = "needs-open")]
pub async fn get_open_needs(
    #[server(default)] sector: String,
    #[server(default)] kind: String,
) -> Result<Vec<NeedSummary>, AppError> {
    use crate::{
        domain::{Code, needs::NeedKind},
        server_fns::request,
        services::needs,
    };
    let user = request::session_user().await?;
    let sector = Some(sector.trim()).filter(|s| !s.is_empty());
    let kind = NeedKind::from_code(kind.trim());
    needs::list_open(&request::state()?, user.as_ref(), sector, kind).await
}

/// `/besoins/mes-besoins`: the needs of the person's organisations.
#[server(endpoint = "needs-mine")]
pub async fn get_my_needs() -> Result<MyNeeds, AppError> {
    use crate::{server_fns::request, services::needs};
    let user = request::require_user().await?;
    needs::mine(&request::state()?, &user).await
}

/// `/besoins/nouveau`: what the form of a new need offers.
#[server(endpoint = "need-new")]
pub async fn get_new_need() -> Result<NewNeedPage, AppError> {
    use crate::{server_fns::request, services::needs};
    let user = request::require_user().await?;
    needs::new_need_page(&request::state()?, &user).await
}

/// `/besoins/validation`: the needs waiting for the pôle's animators.
#[server(endpoint = "needs-queue")]
pub async fn get_needs_queue() -> Result<Vec<NeedSummary>, AppError> {
    use crate::{server_fns::request, services::needs};
    let user = request::require_user().await?;
    needs::queue(&request::state()?, &user).await
}
