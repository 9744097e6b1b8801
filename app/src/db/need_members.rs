//! The `need_members` table: the buyers who joined (or were invited to) a group purchase,
//! with their share.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::needs::group::{MemberState, Share};

#[derive(Debug, Clone, FromRow)]
pub struct MemberRow {
    pub need_id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    #[sqlx(try_from = "String")]
    pub state: MemberState,
    pub quantities: String,
    pub sites: String,
    pub budget_share_cents: Option<i64>,
}

impl MemberRow {
    pub fn share(&self) -> Share {
        Share {
            quantities: serde_json::from_str(&self.quantities).unwrap_or_default(),
            sites: self.sites.clone(),
            budget_share_cents: self.budget_share_cents,
        }
    }
}

const COLUMNS: &str = "m.need_id, m.organisation_id, o.name AS organisation_name, m.state, \
     m.quantities, m.sites, m.budget_share_cents";

/// The need's buyers other than the lead, by name.
pub async fn of_need<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    need_id: &str,
) -> Result<Vec<MemberRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM need_members m JOIN organisations o ON o.id = m.organisation_id \
         WHERE m.need_id = $1 ORDER BY o.name, m.organisation_id"
    ))
    .bind(need_id)
    .fetch_all(db)
    .await
}

/// The group purchases these organisations are invited to or joined: (need id, organisation
/// id, state).
pub async fn of_organisations(
    db: &Db,
    organisations: &[String],
) -> Result<Vec<MemberRow>, sqlx::Error> {
    if organisations.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=organisations.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM need_members m JOIN organisations o ON o.id = m.organisation_id \
         WHERE m.organisation_id IN ({}) AND m.state IN ('invited', 'joined') \
         ORDER BY m.need_id",
        marks.join(", ")
    );
    let mut query = sqlx::query_as(&sql);
    for id in organisations {
        query = query.bind(id);
    }
    query.fetch_all(db).await
}

/// Invites a buyer; true when it was not already invited or a member (a buyer who left or
/// declined may be invited again).
pub async fn invite(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    organisation_id: &str,
    user_id: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO need_members (need_id, organisation_id, state, invited_by, invited_at, updated_at) \
         VALUES ($1, $2, 'invited', $3, $4, $4) \
         ON CONFLICT (need_id, organisation_id) DO UPDATE SET state = 'invited', \
         invited_by = excluded.invited_by, invited_at = excluded.invited_at, \
         updated_at = excluded.updated_at \
         WHERE need_members.state IN ('left', 'declined')",
    )
    .bind(need_id)
    .bind(organisation_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Writes the buyer's share and makes it a member (joining, or changing its share).
pub async fn join(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    organisation_id: &str,
    share: &Share,
    now: i64,
) -> Result<(), sqlx::Error> {
    let quantities = serde_json::to_string(&share.quantities).unwrap_or_else(|_| "[]".into());
    sqlx::query(
        "INSERT INTO need_members (need_id, organisation_id, state, quantities, sites, \
         budget_share_cents, joined_at, updated_at) \
         VALUES ($1, $2, 'joined', $3, $4, $5, $6, $6) \
         ON CONFLICT (need_id, organisation_id) DO UPDATE SET state = 'joined', \
         quantities = excluded.quantities, sites = excluded.sites, \
         budget_share_cents = excluded.budget_share_cents, \
         joined_at = COALESCE(need_members.joined_at, excluded.joined_at), \
         left_at = NULL, updated_at = excluded.updated_at",
    )
    .bind(need_id)
    .bind(organisation_id)
    .bind(quantities)
    .bind(&share.sites)
    .bind(share.budget_share_cents)
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// A member leaves, or an invited buyer declines; false when it was neither.
pub async fn leave(
    tx: &mut Transaction<'_, Any>,
    need_id: &str,
    organisation_id: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE need_members SET \
         state = CASE state WHEN 'joined' THEN 'left' ELSE 'declined' END, \
         left_at = $3, updated_at = $3 \
         WHERE need_id = $1 AND organisation_id = $2 AND state IN ('invited', 'joined')",
    )
    .bind(need_id)
    .bind(organisation_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}
