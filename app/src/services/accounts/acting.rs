//! The person acting in a request, with their memberships (one query).

use crate::{
    db::memberships,
    domain::{
        accounts::{Acting, SessionUser, Standing},
        organisations::{MemberRole, OrganisationKind, Verification},
    },
    error::AppError,
    state::AppState,
};

/// `user` with the organisations they belong to and their role in each.
pub async fn acting(state: &AppState, user: SessionUser) -> Result<Acting, AppError> {
    let standings = memberships::of_user(&state.db, &user.id)
        .await?
        .into_iter()
        .filter_map(|m| {
            Some(Standing {
                kind: OrganisationKind::from_columns(&m.kind, m.buyer_kind.as_deref())?,
                role: MemberRole::parse(&m.role).ok()?,
                organisation_id: m.id,
                organisation_name: m.name,
                verified: m.verification == Verification::Verified,
            })
        })
        .collect();
    Ok(Acting::new(user, standings))
}

/// The person signed in with `token`, acting, if the session is open.
pub async fn acting_for_session(state: &AppState, token: &str) -> Result<Option<Acting>, AppError> {
    match super::current_user(state, token).await? {
        Some(user) => Ok(Some(acting(state, user).await?)),
        None => Ok(None),
    }
}

/// The person `user_id` acting, if their account exists: whom an API token acts for.
pub async fn acting_as(state: &AppState, user_id: &str) -> Result<Option<Acting>, AppError> {
    match super::sessions::person(state, user_id).await? {
        Some(user) => Ok(Some(acting(state, user).await?)),
        None => Ok(None),
    }
}
