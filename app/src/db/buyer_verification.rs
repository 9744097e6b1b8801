//! The pôle's verification of buyers: columns of the `organisations` table.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::{Code, organisations::Verification};

/// Where a buyer's verification stands.
#[derive(Debug, Clone, FromRow)]
pub struct VerificationRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub buyer_kind: Option<String>,
    pub siret: Option<String>,
    pub buyer_category: Option<String>,
    #[sqlx(try_from = "String")]
    pub verification: Verification,
    pub verification_reason: Option<String>,
    pub verification_requested_at: Option<i64>,
    pub verification_decided_at: Option<i64>,
    /// The requester's name and address, on the desk's list only.
    pub requester: Option<String>,
}

const COLUMNS: &str = "o.id, o.name, o.kind, o.buyer_kind, o.siret, o.buyer_category, \
     o.verification, o.verification_reason, o.verification_requested_at, \
     o.verification_decided_at";

pub async fn find(db: &Db, organisation_id: &str) -> Result<Option<VerificationRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS}, NULL AS requester FROM organisations o WHERE o.id = $1"
    ))
    .bind(organisation_id)
    .fetch_optional(db)
    .await
}

/// Buyers waiting for the pôle, oldest request first, then the verified ones by name.
pub async fn desk(db: &Db) -> Result<Vec<VerificationRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS}, \
         CASE WHEN u.email IS NULL THEN NULL ELSE u.display_name || ' (' || u.email || ')' END \
         AS requester \
         FROM organisations o LEFT JOIN users u ON u.id = o.verification_requested_by \
         WHERE o.kind = 'buyer' AND o.verification IN ('requested', 'verified') \
         ORDER BY CASE o.verification WHEN 'requested' THEN 0 ELSE 1 END, \
         o.verification_requested_at, o.name"
    ))
    .fetch_all(db)
    .await
}

/// An owner's request: the buying entity's SIRET and category, and the state it leads to.
pub struct Request<'a> {
    pub siret: &'a str,
    pub category: &'a str,
    pub from: Verification,
    pub to: Verification,
    pub requested_by: &'a str,
    pub now: i64,
}

/// Stores a request (or the corrected SIRET and category of a verified buyer), provided the
/// verification is still `request.from`; false when it changed meanwhile.
pub async fn request(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    request: &Request<'_>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE organisations SET siret = $2, buyer_category = $3, verification = $4, \
         verification_requested_at = $5, verification_requested_by = $6, updated_at = $5 \
         WHERE id = $1 AND verification = $7",
    )
    .bind(organisation_id)
    .bind(request.siret)
    .bind(request.category)
    .bind(request.to.code())
    .bind(request.now)
    .bind(request.requested_by)
    .bind(request.from.code())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records an animator's decision, provided the verification is still `from`; false when it
/// changed meanwhile.
pub async fn decide(
    tx: &mut Transaction<'_, Any>,
    organisation_id: &str,
    from: Verification,
    to: Verification,
    reason: &str,
    decided_by: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE organisations SET verification = $2, verification_reason = $3, \
         verification_decided_at = $4, verification_decided_by = $5, updated_at = $4 \
         WHERE id = $1 AND verification = $6",
    )
    .bind(organisation_id)
    .bind(to.code())
    .bind(reason)
    .bind(now)
    .bind(decided_by)
    .bind(from.code())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The verified buyer whose buying entity has this SIRET, if any: (id, name).
pub async fn verified_with_siret(
    db: &Db,
    siret: &str,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name FROM organisations \
         WHERE siret = $1 AND kind = 'buyer' AND verification = 'verified' ORDER BY id LIMIT 1",
    )
    .bind(siret)
    .fetch_optional(db)
    .await
}
