//! Who may do what in the directory. Members (owners and members) of the organisation that
//! owns a structure edit it; the pôle's animators and administrators moderate.

use crate::{
    db::structures::{self, StructureRow},
    domain::{accounts::Acting, organisations::MemberRole},
    error::AppError,
    state::AppState,
};

/// Refuses anyone who does not moderate the directory (see [`Acting::moderates`]).
pub fn require_animator(user: &Acting) -> Result<(), AppError> {
    if user.moderates() { Ok(()) } else { Err(AppError::Forbidden) }
}

/// Whether the person edits this structure: an owner or member of its organisation, or an
/// administrator.
pub fn can_edit(user: &Acting, structure: &StructureRow) -> bool {
    user.is_admin
        || structure
            .organisation_id
            .as_deref()
            .and_then(|o| user.role_in(o))
            .is_some_and(|role| matches!(role, MemberRole::Owner | MemberRole::Member))
}

/// Whether the person edits the structure of `id` (with `slug`: found by its address).
pub async fn can_edit_structure(
    state: &AppState,
    user: &Acting,
    id_or_slug: StructureKey<'_>,
) -> Result<bool, AppError> {
    let row = match id_or_slug {
        StructureKey::Id(id) => structures::find(&state.db, id).await?,
        StructureKey::Slug(slug) => structures::find_by_slug(&state.db, slug).await?,
    };
    Ok(row.is_some_and(|row| can_edit(user, &row)))
}

/// How a structure is named by a page.
#[derive(Debug, Clone, Copy)]
pub enum StructureKey<'a> {
    Id(&'a str),
    Slug(&'a str),
}

pub fn require_editor(user: &Acting, structure: &StructureRow) -> Result<(), AppError> {
    if can_edit(user, structure) { Ok(()) } else { Err(AppError::Forbidden) }
}

/// Whether the person may see the structure though it is not public (its editors, for a
/// preview; the animators, to moderate it).
pub fn can_preview(user: Option<&Acting>, structure: &StructureRow) -> bool {
    user.is_some_and(|user| can_edit(user, structure) || user.moderates())
}
