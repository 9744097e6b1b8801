//! What matching a need reads: the activities of published structures in the need's sectors
//! (lean rows, judged in memory), then what ranks the structures that passed (their label
//! and their profile's completeness), read only for those.
//!
//! Ranking facts used to come with every activity row, four counting subqueries and the
//! description each, and every row crossed from sqlx's SQLite worker on its own: both are
//! read as one JSON row now (`json_rows`; docs/benchmarks.md, « Needs »).

use serde::Deserialize;

use super::{Db, json_rows};
use crate::domain::{Code, directory::ServiceKind};

/// One activity of a published structure, with what the reach and kind tests read.
#[derive(Debug, Clone, Deserialize)]
pub struct CandidateRow {
    pub structure_id: String,
    pub activity_id: String,
    pub activity_created_at: i64,
    pub kinds: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub turnover_band: Option<String>,
    pub sector: String,
    pub service_kind: String,
    pub reach: String,
    pub reach_km: Option<i64>,
    pub reach_communes: String,
}

/// Activities of published structures in one of `sectors` and of `service_kind`, ordered by
/// structure (then as the structure listed them).
pub async fn candidates(
    db: &Db,
    sectors: &[&str],
    service_kind: ServiceKind,
) -> Result<Vec<CandidateRow>, sqlx::Error> {
    if sectors.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (2..sectors.len() + 2).map(|i| format!("${i}")).collect();
    let rest = format!(
        "FROM structure_activities a JOIN structures s ON s.id = a.structure_id \
         WHERE a.service_kind = $1 AND a.sector IN ({}) AND s.status = 'published'",
        marks.join(", ")
    );
    let mut binds = vec![service_kind.code()];
    binds.extend_from_slice(sectors);
    let mut rows: Vec<CandidateRow> =
        json_rows::fetch(db, CANDIDATE_COLUMNS, &rest, &binds).await?;
    rows.sort_by(|a, b| {
        (&a.structure_id, a.activity_created_at, &a.activity_id).cmp(&(
            &b.structure_id,
            b.activity_created_at,
            &b.activity_id,
        ))
    });
    Ok(rows)
}

const CANDIDATE_COLUMNS: &[(&str, &str)] = &[
    ("structure_id", "s.id"),
    ("activity_id", "a.id"),
    ("activity_created_at", "a.created_at"),
    ("kinds", "s.kinds"),
    ("latitude", "s.latitude"),
    ("longitude", "s.longitude"),
    ("turnover_band", "s.turnover_band"),
    ("sector", "a.sector"),
    ("service_kind", "a.service_kind"),
    ("reach", "a.reach"),
    ("reach_km", "a.reach_km"),
    ("reach_communes", "a.reach_communes"),
];

/// What the order of notification reads of a structure's profile.
#[derive(Debug, Clone, Deserialize)]
pub struct RankRow {
    pub structure_id: String,
    pub description: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub siret: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub permanent_staff: Option<i64>,
    /// HQS label files granted (held now).
    pub granted_labels: i64,
    pub published_offers: i64,
    pub certifications: i64,
    /// All its activities, not only those in the need's sectors.
    pub activities: i64,
}

/// Ids bound per statement: far under SQLite's and PostgreSQL's limits on parameters.
const CHUNK: usize = 500;

/// The ranking facts of these structures, in no particular order.
pub async fn rank_rows(db: &Db, ids: &[&str]) -> Result<Vec<RankRow>, sqlx::Error> {
    let mut rows = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let rest = format!("FROM structures s WHERE s.id IN ({})", marks.join(", "));
        rows.extend(json_rows::fetch::<RankRow>(db, RANK_COLUMNS, &rest, chunk).await?);
    }
    Ok(rows)
}

const RANK_COLUMNS: &[(&str, &str)] = &[
    ("structure_id", "s.id"),
    ("description", "s.description"),
    ("contact_email", "s.contact_email"),
    ("contact_phone", "s.contact_phone"),
    ("siret", "s.siret"),
    ("website", "s.website"),
    ("address", "s.address"),
    ("permanent_staff", "s.permanent_staff"),
    (
        "granted_labels",
        "(SELECT COUNT(*) FROM hqs_labels l WHERE l.structure_id = s.id AND l.state = 'granted')",
    ),
    (
        "published_offers",
        "(SELECT COUNT(*) FROM offers o WHERE o.structure_id = s.id AND o.status = 'published')",
    ),
    (
        "certifications",
        "(SELECT COUNT(*) FROM structure_certifications c WHERE c.structure_id = s.id)",
    ),
    ("activities", "(SELECT COUNT(*) FROM structure_activities b WHERE b.structure_id = s.id)"),
];
