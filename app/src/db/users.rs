//! The `users` table.

use sqlx::{Any, FromRow, Transaction};

use super::Db;

#[derive(Debug, Clone, FromRow)]
pub struct UserRow {
    pub id: String,
    pub email: Option<String>,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub email_verified_at: Option<i64>,
    pub platform_role: Option<String>,
}

const COLUMNS: &str = "id, email, display_name, password_hash, email_verified_at, platform_role";

pub struct NewUser<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub verified_at: Option<i64>,
    pub platform_role: Option<&'a str>,
    pub now: i64,
}

pub async fn insert(tx: &mut Transaction<'_, Any>, user: &NewUser<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO users (id, email, display_name, password_hash, email_verified_at, \
         platform_role, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(user.id)
    .bind(user.email)
    .bind(user.display_name)
    .bind(user.password_hash)
    .bind(user.verified_at)
    .bind(user.platform_role)
    .bind(user.now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn find_by_email(db: &Db, email: &str) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM users WHERE email = $1 AND deleted_at IS NULL"))
        .bind(email)
        .fetch_optional(db)
        .await
}

pub async fn find_by_id(db: &Db, id: &str) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM users WHERE id = $1 AND deleted_at IS NULL"))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn mark_verified(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $2), updated_at = $2 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Makes an existing account an administrator; false when no such account exists.
pub async fn grant_admin(db: &Db, email: &str, now: i64) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE users SET platform_role = 'admin', updated_at = $2 \
         WHERE email = $1 AND deleted_at IS NULL",
    )
    .bind(email)
    .bind(now)
    .execute(db)
    .await?;
    Ok(result.rows_affected() > 0)
}

pub async fn set_password(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    password_hash: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(password_hash)
        .bind(now)
        .execute(&mut **tx)
        .await
        .map(|_| ())
}

/// Removes a person's personal data; the row stays so that what they did keeps an author.
pub async fn anonymise(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET email = NULL, display_name = 'Compte supprimé', password_hash = NULL, \
         platform_role = NULL, deleted_at = $2, updated_at = $2 WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// Deletes what only made sense with the person: sessions, links, memberships, requests.
pub async fn delete_personal_links(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    email: &str,
) -> Result<(), sqlx::Error> {
    for sql in [
        "DELETE FROM sessions WHERE user_id = $1",
        "DELETE FROM account_tokens WHERE user_id = $1",
        "DELETE FROM memberships WHERE user_id = $1",
        "DELETE FROM join_requests WHERE user_id = $1",
    ] {
        sqlx::query(sql).bind(id).execute(&mut **tx).await?;
    }
    sqlx::query("DELETE FROM invitations WHERE email = $1").bind(email).execute(&mut **tx).await?;
    sqlx::query("DELETE FROM login_failures WHERE account_key = $1")
        .bind(email)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
