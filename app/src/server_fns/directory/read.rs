//! The directory's reads. Private states are filtered by the services.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    domain::directory::views::{
        ModerationQueue, MyStructures, OfferEditor, OfferView, StructureView, StructureWorkspace,
    },
    error::AppError,
};

/// A structure's page, with what the viewer may do on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructurePage {
    pub structure: StructureView,
    pub can_edit: bool,
    pub can_moderate: bool,
}

/// An offer's page, with what the viewer may do on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferPage {
    pub offer: OfferView,
    pub can_edit: bool,
    pub signed_in: bool,
}

/// A structure's public page (a preview for its editors and the animators). HTTP 404 when
/// there is no such public structure.
#[server(endpoint = "structure-page")]
pub async fn get_structure_page(slug: String) -> Result<StructurePage, AppError> {
    use crate::{server_fns::request, services::directory};
    let state = request::state()?;
    let viewer = request::session_user().await?;
    let structure = directory::read::structure_page(&state, viewer.as_ref(), &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let (can_edit, can_moderate) = match &viewer {
        Some(user) => {
            let can_edit = directory::can_edit_structure(
                &state,
                user,
                directory::StructureKey::Id(&structure.id),
            )
            .await?;
            (can_edit, user.moderates())
        }
        None => (false, false),
    };
    Ok(StructurePage { structure, can_edit, can_moderate })
}

/// An offer's public page (a preview for its editors and the animators); 404 when none.
#[server(endpoint = "offer-page")]
pub async fn get_offer_page(slug: String) -> Result<OfferPage, AppError> {
    use crate::{server_fns::request, services::directory};
    let state = request::state()?;
    let viewer = request::session_user().await?;
    let offer = directory::read::offer_page(&state, viewer.as_ref(), &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let can_edit = match &viewer {
        Some(user) => {
            let key = directory::StructureKey::Slug(&offer.structure_slug);
            directory::can_edit_structure(&state, user, key).await?
        }
        None => false,
    };
    Ok(OfferPage { offer, can_edit, signed_in: viewer.is_some() })
}

/// The signed-in person's structures, and their supplier organisations without a profile.
#[server(endpoint = "my-structures")]
pub async fn get_my_structures() -> Result<MyStructures, AppError> {
    use crate::server_fns::request;
    let user = request::require_user().await?;
    let (structures, organisations_without) =
        crate::services::directory::read::my_structures(&request::state()?, &user).await?;
    Ok(MyStructures { structures, organisations_without })
}

/// A structure's workspace; its editors only.
#[server(endpoint = "structure-workspace")]
pub async fn get_structure_workspace(id: String) -> Result<StructureWorkspace, AppError> {
    use crate::server_fns::request;
    let user = request::require_user().await?;
    crate::services::directory::read::workspace(&request::state()?, &user, &id).await
}

/// An offer's editor; the structure's editors only.
#[server(endpoint = "offer-editor")]
pub async fn get_offer_editor(id: String) -> Result<OfferEditor, AppError> {
    use crate::server_fns::request;
    let user = request::require_user().await?;
    crate::services::directory::read::offer_editor(&request::state()?, &user, &id).await
}

/// Structures waiting for validation and reported offers; animators only.
#[server(endpoint = "moderation-queue")]
pub async fn get_moderation_queue() -> Result<ModerationQueue, AppError> {
    use crate::server_fns::request;
    let user = request::require_user().await?;
    let (structures, offers) =
        crate::services::directory::read::moderation_queue(&request::state()?, &user).await?;
    Ok(ModerationQueue { structures, offers })
}

/// Published structures by name, 50 a page.
#[server(endpoint = "directory")]
pub async fn get_directory(page: u32) -> Result<Vec<StructureView>, AppError> {
    use crate::server_fns::request;
    crate::services::directory::read::directory_page(&request::state()?, page.max(1), 50).await
}
