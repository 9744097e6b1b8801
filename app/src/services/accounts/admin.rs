use crate::{
    clock::Clock,
    db::{Db, sessions, users},
    domain::accounts::{DisplayName, Email, Password},
};

use super::PasswordHashing;

/// Creates the first administrator (or makes an existing account one), for the
/// `server admin create-admin` command. The address counts as verified.
///
/// An existing account gets the password given, and its sessions are closed: whoever
/// registered the address beforehand (with a password of their choosing) does not become
/// an administrator.
#[tracing::instrument(skip(db, clock, hashing, password))]
pub async fn create_admin(
    db: &Db,
    clock: &dyn Clock,
    hashing: &PasswordHashing,
    email: &Email,
    password: &Password,
) -> anyhow::Result<&'static str> {
    let now = clock.now_ms();
    let hash = hashing.hash(password).await?;
    if let Some(existing) = users::find_by_email(db, email.as_str()).await? {
        let mut tx = crate::db::begin(db).await?;
        users::set_password(&mut tx, &existing.id, &hash, now).await?;
        users::mark_verified(&mut tx, &existing.id, now).await?;
        sessions::delete_all_of(&mut *tx, &existing.id).await?;
        tx.commit().await?;
        if users::grant_admin(db, email.as_str(), now).await? {
            return Ok("existing account made administrator, with the password given");
        }
    }
    let name = DisplayName::parse("Administrateur")?;
    let id = uuid::Uuid::new_v4().to_string();
    let mut tx = crate::db::begin(db).await?;
    let new_user = users::NewUser {
        id: &id,
        email: email.as_str(),
        display_name: name.as_str(),
        password_hash: &hash,
        verified_at: Some(now),
        platform_role: Some("admin"),
        now,
    };
    users::insert(&mut tx, &new_user).await?;
    tx.commit().await?;
    Ok("administrator created")
}
