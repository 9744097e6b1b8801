//! The `invitations` table: single-use links inviting an address into an organisation.

use sqlx::{Any, Transaction};

#[expect(clippy::too_many_arguments, reason = "one column each")]
pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    token_hash: &str,
    organisation_id: &str,
    email: &str,
    role: &str,
    invited_by: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO invitations (token_hash, organisation_id, email, role, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(token_hash)
    .bind(organisation_id)
    .bind(email)
    .bind(role)
    .bind(invited_by)
    .bind(now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// A pending invitation: (organisation, invited address, role, who invited).
pub async fn pending(
    tx: &mut Transaction<'_, Any>,
    token_hash: &str,
    now: i64,
) -> Result<Option<(String, String, String, Option<String>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT organisation_id, email, role, invited_by FROM invitations \
         WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await
}

pub async fn mark_accepted(
    tx: &mut Transaction<'_, Any>,
    token_hash: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE invitations SET accepted_at = $2 WHERE token_hash = $1 AND accepted_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(result.rows_affected() == 1)
}
