//! A buyer organisation's API tokens: its owners create, list and revoke them. A token is
//! shown once, at its creation; the database keeps its SHA-256 only, and neither the logs nor
//! the audit log ever hold it.

use serde_json::json;

use crate::{
    db::{api_tokens, memberships},
    domain::{
        Outcome,
        accounts::Acting,
        organisations::{
            ApiTokenName, ApiTokenView, MAX_ACTIVE_API_TOKENS, MemberRole, NewApiToken,
            OrganisationKind,
        },
    },
    error::AppError,
    services::{accounts::tokens, audit},
    state::AppState,
};

use super::access::standing;

/// What every token starts with, so that people and secret scanners recognise one.
pub const TOKEN_PREFIX: &str = "ecossol_";

/// The organisation's kind, if the person is one of its owners (administrators are not: a
/// token acts as the owner who created it). Anyone else is refused.
async fn require_owner(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
) -> Result<OrganisationKind, AppError> {
    match standing(state, user, organisation_id).await? {
        (kind, Some(MemberRole::Owner)) => Ok(kind),
        _ => Err(AppError::Forbidden),
    }
}

/// The organisation's active tokens (never their values). Owners only; none for an
/// organisation that is not a buyer.
pub async fn list_api_tokens(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
) -> Result<Vec<ApiTokenView>, AppError> {
    if !matches!(require_owner(state, user, organisation_id).await?, OrganisationKind::Buyer(_)) {
        return Ok(Vec::new());
    }
    let rows = api_tokens::list_active(&state.db, organisation_id).await?;
    Ok(rows
        .into_iter()
        .map(|r| ApiTokenView {
            id: r.id,
            name: r.name,
            created_by: r.created_by_name,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
        })
        .collect())
}

/// Creates a token for a buyer organisation; its value is in the answer, and nowhere else.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id))]
pub async fn create_api_token(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    name: &str,
) -> Result<Outcome<NewApiToken>, AppError> {
    if !matches!(require_owner(state, user, organisation_id).await?, OrganisationKind::Buyer(_)) {
        return Ok(Outcome::refused(
            "Seules les organisations acheteuses peuvent créer des jetons d'API.",
        ));
    }
    let name = match ApiTokenName::parse(name) {
        Ok(name) => name,
        Err(message) => return Ok(Outcome::invalid("name", message)),
    };
    let token = format!("{TOKEN_PREFIX}{}", tokens::new_token());
    let id = uuid::Uuid::new_v4().to_string();
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    // Two owners creating at once count one after the other.
    memberships::lock_organisation(&mut tx, organisation_id, now).await?;
    if api_tokens::count_active(&mut tx, organisation_id).await? >= MAX_ACTIVE_API_TOKENS {
        return Ok(Outcome::refused(format!(
            "Cette organisation a déjà {MAX_ACTIVE_API_TOKENS} jetons actifs : révoquez-en un \
             avant d'en créer un autre."
        )));
    }
    let row = api_tokens::NewTokenRow {
        id: &id,
        organisation_id,
        name: name.as_str(),
        token_hash: &tokens::hash_token(&token),
        created_by: &user.id,
        now,
    };
    api_tokens::insert(&mut tx, &row).await?;
    let details = json!({ "token_id": id, "name": name.as_str() });
    audit::append(&mut tx, &audit_event(user, organisation_id, "api_token_created", now, &details))
        .await?;
    tx.commit().await?;
    tracing::info!(token_id = id, "API token created");
    Ok(Outcome::Done(NewApiToken { id, name: name.as_str().to_owned(), token }))
}

/// Revokes one of the organisation's active tokens: it stops working at once.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id, token_id))]
pub async fn revoke_api_token(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    token_id: &str,
) -> Result<Outcome<String>, AppError> {
    require_owner(state, user, organisation_id).await?;
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    let Some(name) = api_tokens::revoke(&mut tx, organisation_id, token_id, &user.id, now).await?
    else {
        return Ok(Outcome::refused("Ce jeton n'existe pas ou a déjà été révoqué."));
    };
    let details = json!({ "token_id": token_id, "name": name });
    audit::append(&mut tx, &audit_event(user, organisation_id, "api_token_revoked", now, &details))
        .await?;
    tx.commit().await?;
    tracing::info!("API token revoked");
    Ok(Outcome::Done(token_id.to_owned()))
}

fn audit_event<'a>(
    user: &'a Acting,
    organisation_id: &'a str,
    action: &'a str,
    at: i64,
    details: &'a serde_json::Value,
) -> audit::Event<'a, serde_json::Value> {
    audit::Event {
        at,
        actor_id: Some(&user.id),
        subject_type: "organisation",
        subject_id: organisation_id,
        action,
        details,
    }
}
