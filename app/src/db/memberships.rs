//! The `memberships` table: who belongs to which organisation, with which role.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::organisations::{MemberRole, Verification};

pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    user_id: &str,
    role: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(organisation_id)
    .bind(user_id)
    .bind(role)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

pub async fn role_of<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    organisation_id: &str,
    user_id: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT role FROM memberships WHERE organisation_id = $1 AND user_id = $2")
        .bind(organisation_id)
        .bind(user_id)
        .fetch_optional(db)
        .await
}

#[derive(Debug, Clone, FromRow)]
pub struct MemberRow {
    pub user_id: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: String,
}

pub async fn members(db: &Db, organisation_id: &str) -> Result<Vec<MemberRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.user_id, u.display_name, u.email, m.role FROM memberships m \
         JOIN users u ON u.id = m.user_id WHERE m.organisation_id = $1 ORDER BY u.display_name",
    )
    .bind(organisation_id)
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone, FromRow)]
pub struct MyOrganisationRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub buyer_kind: Option<String>,
    #[sqlx(try_from = "String")]
    pub verification: Verification,
    pub role: String,
}

pub async fn of_user(db: &Db, user_id: &str) -> Result<Vec<MyOrganisationRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT o.id, o.name, o.kind, o.buyer_kind, o.verification, m.role FROM memberships m \
         JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1 ORDER BY o.name",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
}

pub async fn owner_count(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND role = 'owner'",
    )
    .bind(organisation_id)
    .fetch_one(&mut **tx)
    .await
}

pub async fn set_role(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    user_id: &str,
    role: &str,
) -> Result<bool, sqlx::Error> {
    let result =
        sqlx::query("UPDATE memberships SET role = $3 WHERE organisation_id = $1 AND user_id = $2")
            .bind(organisation_id)
            .bind(user_id)
            .bind(role)
            .execute(&mut **tx)
            .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn delete(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    user_id: &str,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query("DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2")
        .bind(organisation_id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// The e-mail addresses of an organisation's owners.
pub async fn owner_emails(db: &Db, organisation_id: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 AND m.role = 'owner' AND u.email IS NOT NULL",
    )
    .bind(organisation_id)
    .fetch_all(db)
    .await
}

/// The e-mail addresses of an organisation's people with a role.
pub async fn emails_with_role(
    db: &Db,
    organisation_id: &str,
    role: MemberRole,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 AND m.role = $2 AND u.email IS NOT NULL",
    )
    .bind(organisation_id)
    .bind(role.as_str())
    .fetch_all(db)
    .await
}

/// Names of the organisations where the person is the only owner while others are members.
pub async fn sole_owner_of_shared(db: &Db, user_id: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
         WHERE m.user_id = $1 AND m.role = 'owner' \
         AND (SELECT COUNT(*) FROM memberships x \
              WHERE x.organisation_id = m.organisation_id AND x.role = 'owner') = 1 \
         AND (SELECT COUNT(*) FROM memberships y WHERE y.organisation_id = m.organisation_id) > 1",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
}

/// Takes the organisation's row lock for the rest of the transaction, so that two owners
/// stepping down at once cannot leave it without one (PostgreSQL runs read-committed).
pub async fn lock_organisation(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE organisations SET updated_at = $2 WHERE id = $1")
        .bind(organisation_id)
        .bind(now)
        .execute(&mut **tx)
        .await
        .map(|_| ())
}
