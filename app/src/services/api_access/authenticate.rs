//! Who an API token acts as: its organisation, through the owner who created it, while they
//! remain an owner. A token never holds more rights than a person who could create it today:
//! when its creator leaves or steps down, it stops working (another owner makes a new one),
//! and every need it posts names a person answerable for it.

use crate::{
    db::{api_tokens, organisations},
    domain::{
        accounts::Acting,
        organisations::{MemberRole, OrganisationKind},
    },
    error::AppError,
    services::accounts,
    state::AppState,
};

/// A request authenticated by an active token.
#[derive(Debug, Clone)]
pub struct TokenCaller {
    pub token_id: String,
    pub organisation_id: String,
    /// The token's creator, with their memberships: services check their rights as usual.
    pub acting: Acting,
}

/// Why a token was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// No `Authorization: Bearer …` header.
    Missing,
    /// Unknown or revoked (the two are not told apart).
    Invalid,
    /// Its creator is no longer an owner of the organisation (or no longer has an account),
    /// or the organisation is no longer a buyer.
    CreatorNotOwner,
}

/// The caller behind `bearer`, the value of an `Authorization: Bearer` header.
pub async fn authenticate(
    state: &AppState,
    bearer: Option<&str>,
) -> Result<Result<TokenCaller, Denied>, AppError> {
    let Some(token) = bearer.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(Err(Denied::Missing));
    };
    let hash = accounts::hash_token(token);
    let Some(row) = api_tokens::find_active(&state.db, &hash).await? else {
        return Ok(Err(Denied::Invalid));
    };
    api_tokens::touch(&state.db, &row.id, state.clock.now_ms()).await?;
    let buyer = organisations::find(&state.db, &row.organisation_id)
        .await?
        .and_then(|o| o.kind())
        .is_some_and(|k| matches!(k, OrganisationKind::Buyer(_)));
    let acting = match &row.created_by {
        Some(user_id) if buyer => accounts::acting_as(state, user_id).await?,
        _ => None,
    };
    match acting {
        Some(acting) if acting.role_in(&row.organisation_id) == Some(MemberRole::Owner) => {
            Ok(Ok(TokenCaller { token_id: row.id, organisation_id: row.organisation_id, acting }))
        }
        _ => Ok(Err(Denied::CreatorNotOwner)),
    }
}
