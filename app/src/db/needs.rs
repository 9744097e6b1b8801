//! The `needs` table.

use sqlx::{Any, FromRow, Transaction};

use super::Db;
use crate::domain::{
    Code,
    calendar::Day,
    directory::{Cpv, Family, InseeCode, ServiceKind, StructureKind},
    needs::{Budget, NeedKind, NeedState, NeedText},
};

const COLUMNS: &str = "id, organisation_id, created_by, state, kind, title, description, \
    notice_url, cpv, sector, service_kind, lots, place_insee, radius_km, start_on, deadline_on, \
    budget_kind, budget_min_cents, budget_max_cents, budget_reason, structure_kinds, families, \
    profile_id, questions, anonymous, moderation_message, submitted_at, returned_at, \
    published_at, created_at, updated_at, \
    (SELECT o.name FROM organisations o WHERE o.id = needs.organisation_id) AS buyer_name";

#[derive(Debug, Clone, FromRow)]
pub struct NeedRow {
    pub id: String,
    pub organisation_id: String,
    pub created_by: Option<String>,
    #[sqlx(try_from = "String")]
    pub state: NeedState,
    pub kind: Option<String>,
    pub title: String,
    pub description: Option<String>,
    pub notice_url: Option<String>,
    pub cpv: String,
    pub sector: Option<String>,
    pub service_kind: Option<String>,
    pub lots: String,
    pub place_insee: Option<String>,
    pub radius_km: Option<i64>,
    pub start_on: Option<String>,
    pub deadline_on: Option<String>,
    pub budget_kind: Option<String>,
    pub budget_min_cents: Option<i64>,
    pub budget_max_cents: Option<i64>,
    pub budget_reason: Option<String>,
    pub structure_kinds: String,
    pub families: String,
    pub profile_id: Option<String>,
    pub questions: String,
    pub anonymous: i64,
    pub moderation_message: Option<String>,
    pub submitted_at: Option<i64>,
    pub returned_at: Option<i64>,
    pub published_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The buying organisation's name, read with the row (lists show it for every need).
    pub buyer_name: Option<String>,
}

impl NeedRow {
    /// The need's text, typed (it was parsed before it was stored).
    pub fn text(&self) -> NeedText {
        let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        NeedText {
            kind: self.kind.as_deref().and_then(NeedKind::from_code),
            title: self.title.clone(),
            description: self.description.clone(),
            notice_url: self.notice_url.clone(),
            cpv: words(&self.cpv).iter().filter_map(|c| Cpv::parse(c).ok()).collect(),
            sector: self.sector.clone(),
            service_kind: self.service_kind.as_deref().and_then(ServiceKind::from_code),
            lots: serde_json::from_str(&self.lots).unwrap_or_default(),
            place: self.place_insee.as_deref().and_then(|p| InseeCode::parse(p).ok()),
            radius_km: self.radius_km.and_then(|k| u16::try_from(k).ok()),
            start_on: self.start_on.as_deref().and_then(Day::parse),
            deadline_on: self.deadline_on.as_deref().and_then(Day::parse),
            budget: Budget::from_columns(
                self.budget_kind.as_deref(),
                self.budget_min_cents,
                self.budget_max_cents,
                self.budget_reason.as_deref(),
            ),
            structure_kinds: words(&self.structure_kinds)
                .iter()
                .filter_map(|k| StructureKind::from_code(k))
                .collect(),
            families: words(&self.families).iter().filter_map(|f| Family::from_code(f)).collect(),
            profile_id: self.profile_id.clone(),
            questions: serde_json::from_str(&self.questions).unwrap_or_default(),
            anonymous: self.anonymous != 0,
        }
    }

    /// The deadline has passed on `today`: answers are closed.
    pub fn closed_on(&self, today: Day) -> bool {
        self.deadline_on.as_deref().and_then(Day::parse).is_some_and(|d| d < today)
    }
}

/// Inserts a new draft.
pub async fn insert(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    organisation_id: &str,
    created_by: &str,
    text: &NeedText,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO needs (id, organisation_id, created_by, state, title, created_at, updated_at) \
         VALUES ($1, $2, $3, 'draft', $4, $5, $5)",
    )
    .bind(id)
    .bind(organisation_id)
    .bind(created_by)
    .bind(&text.title)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    update_text(tx, id, text, now).await.map(|_| ())
}

/// Writes the text of a need still editable (a draft, or returned for changes); false when
/// it is not (any more).
pub async fn update_text(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    text: &NeedText,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let (budget_kind, min, max, reason) = match &text.budget {
        Some(b) => {
            let (k, min, max, reason) = b.columns();
            (Some(k), min, max, reason.map(str::to_owned))
        }
        None => (None, None, None, None),
    };
    let join = |codes: Vec<&str>| codes.join(" ");
    sqlx::query(
        "UPDATE needs SET kind = $2, title = $3, description = $4, notice_url = $5, cpv = $6, \
         sector = $7, service_kind = $8, lots = $9, place_insee = $10, radius_km = $11, \
         start_on = $12, deadline_on = $13, budget_kind = $14, budget_min_cents = $15, \
         budget_max_cents = $16, budget_reason = $17, structure_kinds = $18, families = $19, \
         profile_id = $20, questions = $21, anonymous = $22, updated_at = $23 \
         WHERE id = $1 AND state IN ('draft', 'returned')",
    )
    .bind(id)
    .bind(text.kind.map(Code::code))
    .bind(&text.title)
    .bind(&text.description)
    .bind(&text.notice_url)
    .bind(join(text.cpv.iter().map(Cpv::as_str).collect()))
    .bind(&text.sector)
    .bind(text.service_kind.map(Code::code))
    .bind(serde_json::to_string(&text.lots).unwrap_or_else(|_| "[]".into()))
    .bind(text.place.as_ref().map(|p| p.as_str().to_owned()))
    .bind(text.radius_km.map(i64::from))
    .bind(text.start_on.map(Day::iso))
    .bind(text.deadline_on.map(Day::iso))
    .bind(budget_kind)
    .bind(min)
    .bind(max)
    .bind(reason)
    .bind(join(text.structure_kinds.iter().map(|k| k.code()).collect()))
    .bind(join(text.families.iter().map(|f| f.code()).collect()))
    .bind(&text.profile_id)
    .bind(serde_json::to_string(&text.questions).unwrap_or_else(|_| "[]".into()))
    .bind(i64::from(text.anonymous))
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|done| done.rows_affected() > 0)
}

/// Moves the need to `to` if it is still in `from`; false when someone moved it first.
pub async fn set_state(
    tx: &mut Transaction<'_, Any>,
    id: &str,
    from: NeedState,
    to: NeedState,
    message: Option<&str>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let stamp = match to {
        NeedState::Submitted => ", submitted_at = $5",
        NeedState::Returned => ", returned_at = $5",
        NeedState::Published => ", published_at = $5",
        _ => "",
    };
    let sql = format!(
        "UPDATE needs SET state = $2, moderation_message = COALESCE($4, moderation_message), \
         updated_at = $5{stamp} WHERE id = $1 AND state = $3"
    );
    let done = sqlx::query(&sql)
        .bind(id)
        .bind(to.code())
        .bind(from.code())
        .bind(message)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn find<'e>(
    db: impl sqlx::Executor<'e, Database = Any>,
    id: &str,
) -> Result<Option<NeedRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM needs WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// The needs of organisations, most recently changed first.
pub async fn of_organisations(db: &Db, ids: &[String]) -> Result<Vec<NeedRow>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM needs WHERE organisation_id IN ({}) ORDER BY updated_at DESC, id",
        marks.join(", ")
    );
    let mut query = sqlx::query_as(&sql);
    for id in ids {
        query = query.bind(id);
    }
    query.fetch_all(db).await
}

/// The needs of these ids (in no particular order).
pub async fn of_ids(db: &Db, ids: &[String]) -> Result<Vec<NeedRow>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!("SELECT {COLUMNS} FROM needs WHERE id IN ({})", marks.join(", "));
    let mut query = sqlx::query_as(&sql);
    for id in ids {
        query = query.bind(id);
    }
    query.fetch_all(db).await
}

/// Needs in `state`, oldest change first (the animators' queue; the lapse sweep).
pub async fn in_state(db: &Db, state: NeedState, limit: i64) -> Result<Vec<NeedRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM needs WHERE state = $1 ORDER BY updated_at, id LIMIT $2"
    ))
    .bind(state.code())
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Published needs whose deadline is `from` or later, soonest deadline first, optionally of
/// one sector and kind.
pub async fn open(
    db: &Db,
    from: &str,
    sector: Option<&str>,
    kind: Option<NeedKind>,
    limit: i64,
) -> Result<Vec<NeedRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM needs WHERE state = 'published' AND deadline_on >= $1 \
         AND ($2 IS NULL OR sector = $2) AND ($3 IS NULL OR kind = $3) \
         ORDER BY deadline_on, published_at, id LIMIT $4"
    ))
    .bind(from)
    .bind(sector)
    .bind(kind.map(Code::code))
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Needs returned for changes before `before` (ms): they lapse.
pub async fn returned_before(db: &Db, before: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM needs WHERE state = 'returned' AND returned_at < $1 ORDER BY returned_at",
    )
    .bind(before)
    .fetch_all(db)
    .await
}

pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM needs").fetch_one(db).await
}
