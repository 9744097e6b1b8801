//! Who the mails around a need go to, besides the structures told of it (`notify`): the
//! people who write the buyer's needs, the people who edit a structure.

use crate::{
    db::{Db, memberships},
    domain::organisations::MemberRole,
    error::AppError,
};

use super::access::WRITERS;

/// The addresses of an organisation's people with one of `roles`, each once.
async fn with_roles(
    db: &Db,
    organisation_id: &str,
    roles: &[MemberRole],
) -> Result<Vec<String>, AppError> {
    let mut addresses = Vec::new();
    for role in roles {
        addresses.extend(memberships::emails_with_role(db, organisation_id, *role).await?);
    }
    addresses.sort();
    addresses.dedup();
    Ok(addresses)
}

/// Those who write the buyer's needs: its owners and procurement officers.
pub async fn need_writers(db: &Db, organisation_id: &str) -> Result<Vec<String>, AppError> {
    with_roles(db, organisation_id, WRITERS).await
}

/// Those who edit a structure of the organisation: its owners and members
/// (`services::directory::can_edit`).
pub async fn structure_editors(db: &Db, organisation_id: &str) -> Result<Vec<String>, AppError> {
    with_roles(db, organisation_id, &[MemberRole::Owner, MemberRole::Member]).await
}
