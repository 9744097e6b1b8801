//! Who may do what in the directory. Members (owners and members) of the organisation that
//! owns a structure edit it; the pôle's animators and administrators moderate.

use crate::{
    db::{
        memberships,
        structures::{self, StructureRow},
    },
    domain::{accounts::SessionUser, organisations::MemberRole},
    error::AppError,
    state::AppState,
};

/// Whether the person moderates the directory.
pub async fn is_animator(state: &AppState, user: &SessionUser) -> Result<bool, AppError> {
    Ok(user.is_admin || memberships::is_pole_animator(&state.db, &user.id).await?)
}

/// Refuses anyone who does not moderate the directory.
pub async fn require_animator(state: &AppState, user: &SessionUser) -> Result<(), AppError> {
    if is_animator(state, user).await? { Ok(()) } else { Err(AppError::Forbidden) }
}

/// Whether the person edits this structure: an owner or member of its organisation, or an
/// administrator.
pub async fn can_edit(
    state: &AppState,
    user: &SessionUser,
    structure: &StructureRow,
) -> Result<bool, AppError> {
    if user.is_admin {
        return Ok(true);
    }
    let Some(organisation_id) = &structure.organisation_id else { return Ok(false) };
    let role = memberships::role_of(&state.db, organisation_id, &user.id).await?;
    Ok(role
        .and_then(|r| MemberRole::parse(&r).ok())
        .is_some_and(|r| matches!(r, MemberRole::Owner | MemberRole::Member)))
}

/// Whether the person edits the structure of `id` (with `slug`: found by its address).
pub async fn can_edit_structure(
    state: &AppState,
    user: &SessionUser,
    id_or_slug: StructureKey<'_>,
) -> Result<bool, AppError> {
    let row = match id_or_slug {
        StructureKey::Id(id) => structures::find(&state.db, id).await?,
        StructureKey::Slug(slug) => structures::find_by_slug(&state.db, slug).await?,
    };
    match row {
        Some(row) => can_edit(state, user, &row).await,
        None => Ok(false),
    }
}

/// How a structure is named by a page.
#[derive(Debug, Clone, Copy)]
pub enum StructureKey<'a> {
    Id(&'a str),
    Slug(&'a str),
}

pub async fn require_editor(
    state: &AppState,
    user: &SessionUser,
    structure: &StructureRow,
) -> Result<(), AppError> {
    if can_edit(state, user, structure).await? { Ok(()) } else { Err(AppError::Forbidden) }
}

/// Whether the person may see the structure though it is not public (its editors, for a
/// preview; the animators, to moderate it).
pub async fn can_preview(
    state: &AppState,
    user: Option<&SessionUser>,
    structure: &StructureRow,
) -> Result<bool, AppError> {
    let Some(user) = user else { return Ok(false) };
    Ok(can_edit(state, user, structure).await? || is_animator(state, user).await?)
}
