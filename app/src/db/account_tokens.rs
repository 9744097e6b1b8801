//! The `account_tokens` table: single-use expiring links.

use sqlx::{Any, Transaction};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    ResetPassword,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::ResetPassword => "reset_password",
        }
    }
}

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    token_hash: &str,
    user_id: &str,
    purpose: Purpose,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(expires_at)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// What became of a presented token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redeemed {
    /// It was valid and is now used: the user it belongs to.
    User(String),
    Expired,
    AlreadyUsed,
    Unknown,
}

/// What the token would give if redeemed now, without using it (so that a bad token is
/// turned away before any costly work).
pub async fn check<'c, E>(
    db: E,
    token_hash: &str,
    purpose: Purpose,
    now: i64,
) -> Result<Redeemed, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let row: Option<(String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT user_id, expires_at, used_at FROM account_tokens \
         WHERE token_hash = $1 AND purpose = $2",
    )
    .bind(token_hash)
    .bind(purpose.as_str())
    .fetch_optional(db)
    .await?;
    let Some((user_id, expires_at, used_at)) = row else { return Ok(Redeemed::Unknown) };
    if used_at.is_some() {
        return Ok(Redeemed::AlreadyUsed);
    }
    if expires_at <= now {
        return Ok(Redeemed::Expired);
    }
    Ok(Redeemed::User(user_id))
}

/// Marks the token used if it is valid, in the caller's transaction.
pub async fn redeem(
    tx: &mut Transaction<'_, Any>,
    token_hash: &str,
    purpose: Purpose,
    now: i64,
) -> Result<Redeemed, sqlx::Error> {
    let user_id = match check(&mut **tx, token_hash, purpose, now).await? {
        Redeemed::User(user_id) => user_id,
        other => return Ok(other),
    };
    // The WHERE clause makes two concurrent redemptions of one token succeed only once.
    let updated = sqlx::query(
        "UPDATE account_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(if updated.rows_affected() == 1 { Redeemed::User(user_id) } else { Redeemed::AlreadyUsed })
}

/// Uses up every pending token of a person for `purpose` (e.g. older reset links once the
/// password has changed).
pub async fn use_all(
    tx: &mut Transaction<'_, Any>,
    user_id: &str,
    purpose: Purpose,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE account_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
    )
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}
