use crate::{
    db::{join_requests, memberships, organisations},
    domain::{
        accounts::Acting,
        organisations::{
            JoinRequestView, MemberRole, MemberView, OrganisationDetails, OrganisationKind,
            OrganisationSummary,
        },
    },
    error::AppError,
    state::AppState,
};

use super::access::standing;

pub async fn my_organisations(
    state: &AppState,
    user: &Acting,
) -> Result<Vec<OrganisationSummary>, AppError> {
    let rows = memberships::of_user(&state.db, &user.id).await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(OrganisationSummary {
                kind: OrganisationKind::from_columns(&row.kind, row.buyer_kind.as_deref())?,
                my_role: MemberRole::parse(&row.role).ok(),
                id: row.id,
                name: row.name,
            })
        })
        .collect())
}

/// An organisation's members (and, for its owners, pending requests). Members and
/// administrators only.
pub async fn details(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
) -> Result<OrganisationDetails, AppError> {
    let (kind, role) = standing(state, user, organisation_id).await?;
    if role.is_none() && !user.is_admin {
        return Err(AppError::Forbidden);
    }
    let organisation =
        organisations::find(&state.db, organisation_id).await?.ok_or(AppError::Forbidden)?;
    let members = memberships::members(&state.db, organisation_id)
        .await?
        .into_iter()
        .filter_map(|m| {
            Some(MemberView {
                role: MemberRole::parse(&m.role).ok()?,
                email: m.email?,
                user_id: m.user_id,
                display_name: m.display_name,
            })
        })
        .collect();
    let manages = role.is_some_and(MemberRole::manages_members) || user.is_admin;
    let join_requests = if manages {
        join_requests::pending_for(&state.db, organisation_id)
            .await?
            .into_iter()
            .map(|r| JoinRequestView {
                id: r.id,
                display_name: r.display_name,
                email: r.email.unwrap_or_default(),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(OrganisationDetails {
        summary: OrganisationSummary {
            id: organisation.id,
            name: organisation.name,
            kind,
            my_role: role,
        },
        members,
        join_requests,
        role_choices: MemberRole::choices(kind),
        verification: super::verification::view_of(state, organisation_id).await?,
    })
}

/// Organisations whose name contains `text`, to ask to join one.
pub async fn search(
    state: &AppState,
    user: &Acting,
    text: &str,
) -> Result<Vec<OrganisationSummary>, AppError> {
    let text = text.trim();
    if text.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let mine = my_organisations(state, user).await?;
    let rows = organisations::search(&state.db, text, 20).await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let my_role = mine.iter().find(|m| m.id == row.id).and_then(|m| m.my_role);
            Some(OrganisationSummary { kind: row.kind()?, id: row.id, name: row.name, my_role })
        })
        .collect())
}
