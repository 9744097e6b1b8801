//! Finding the structures that can answer a need: candidates loaded by sector and kind of
//! service, then judged by `domain::needs::matching` (reach, kinds, HQS profile), and ranked
//! by `domain::needs::ranking` (labelled, then the most complete profiles, then the nearest).
//! What ranks a structure is read only for those that passed.

use std::collections::HashMap;

use crate::{
    db::{
        Db, hqs_profiles,
        need_candidates::{self, CandidateRow, RankRow},
        structures,
    },
    domain::{
        Code,
        calendar::Day,
        directory::{Cpv, Reach, SECTORS, ServiceKind, StructureKind},
        hqs::{Requirements, satisfies},
        needs::{
            NeedText,
            matching::{Candidate, CandidateActivity, MatchReasons, Wanted, match_candidate},
            potential::{Potential, Supply, band_middle, potential},
            ranking::{ProfileFacts, RankKey, completeness, order},
        },
    },
    error::AppError,
    services::hqs::facts::supplier_facts,
    state::AppState,
};

/// A structure that can answer, with why.
#[derive(Debug, Clone)]
pub struct Found {
    pub structure_id: String,
    pub kinds: Vec<StructureKind>,
    pub turnover_band: Option<String>,
    pub reasons: MatchReasons,
    /// Holds the HQS label now.
    pub labelled: bool,
    /// Its profile's completeness, out of 100.
    pub completeness: u8,
}

impl Found {
    fn rank_key(&self) -> RankKey {
        RankKey {
            labelled: self.labelled,
            completeness: self.completeness,
            distance_km: self.reasons.distance_km,
        }
    }
}

/// What completeness reads of a candidate's profile.
fn profile_facts(row: &RankRow, position: Option<(f64, f64)>) -> ProfileFacts {
    let filled = |v: &Option<String>| v.as_deref().is_some_and(|t| !t.trim().is_empty());
    let count = |n: i64| u32::try_from(n).unwrap_or(0);
    ProfileFacts {
        description_chars: row.description.as_deref().map_or(0, |d| d.trim().chars().count()),
        has_contact: filled(&row.contact_email) || filled(&row.contact_phone),
        has_siret: filled(&row.siret),
        published_offers: count(row.published_offers),
        activities: count(row.activities),
        certifications: count(row.certifications),
        has_website: filled(&row.website),
        has_staff_figures: row.permanent_staff.is_some(),
        has_location: filled(&row.address) || position.is_some(),
    }
}

/// What is asked, when the need says enough to match it (sector, kind of service, place).
pub fn wanted(text: &NeedText) -> Option<Wanted> {
    Some(Wanted {
        sector: text.sector.clone()?,
        cpv: text.cpv.clone(),
        service_kind: text.service_kind?,
        place: text.place.clone()?,
        radius_km: text.radius_km,
        kinds: text.structure_kinds.clone(),
        families: text.families.clone(),
    })
}

/// The sectors whose activities may answer: the need's, and those sharing a CPV division
/// with its codes.
fn sectors_for(wanted: &Wanted) -> Vec<&'static str> {
    SECTORS
        .iter()
        .filter(|s| {
            s.code == wanted.sector
                || s.cpv
                    .iter()
                    .filter_map(|c| Cpv::parse(c).ok())
                    .any(|c| wanted.cpv.iter().any(|need| need.division() == c.division()))
        })
        .map(|s| s.code)
        .collect()
}

/// The structures that can answer the need, in the order they are told of it: labelled
/// first, then the most complete profiles, then the nearest (unknown distances last).
pub async fn find(state: &AppState, text: &NeedText) -> Result<Vec<Found>, AppError> {
    find_in(&state.db, state.clock.now_ms(), text).await
}

/// The same, on a database at an instant (the demo data and benchmarks have no server).
pub async fn find_in(db: &Db, now_ms: i64, text: &NeedText) -> Result<Vec<Found>, AppError> {
    let Some(wanted) = wanted(text) else { return Ok(Vec::new()) };
    let rows = need_candidates::candidates(db, &sectors_for(&wanted), wanted.service_kind).await?;
    let requirements: Option<Requirements> = match &text.profile_id {
        Some(id) => hqs_profiles::find(db, id)
            .await?
            .and_then(|p| serde_json::from_str(&p.requirements).ok()),
        None => None,
    };
    let today = Day::of_instant(now_ms).iso();
    let mut passed = Vec::new();
    for group in rows.chunk_by(|a, b| a.structure_id == b.structure_id) {
        let mut candidate = candidate_of(group);
        // The profile is judged last, on the structures that pass the rest (it reads facts).
        if match_candidate(&wanted, &candidate).is_none() {
            continue;
        }
        if let Some(requirements) = &requirements {
            let Some(row) = structures::find(db, &candidate.structure_id).await? else { continue };
            let facts = supplier_facts(db, &row).await?;
            candidate.satisfies_profile = Some(satisfies(requirements, &facts, None, &today));
        }
        if let Some(reasons) = match_candidate(&wanted, &candidate) {
            passed.push((candidate, group[0].turnover_band.clone(), reasons));
        }
    }
    let ids: Vec<&str> = passed.iter().map(|(c, _, _)| c.structure_id.as_str()).collect();
    let ranks: HashMap<String, RankRow> = need_candidates::rank_rows(db, &ids)
        .await?
        .into_iter()
        .map(|r| (r.structure_id.clone(), r))
        .collect();
    let mut found: Vec<Found> = passed
        .into_iter()
        .filter_map(|(candidate, turnover_band, mut reasons)| {
            let rank = ranks.get(&candidate.structure_id)?;
            let labelled = rank.granted_labels > 0;
            let completeness = completeness(&profile_facts(rank, candidate.position));
            if labelled {
                reasons.reasons.push("Label HQS détenu".into());
            }
            reasons.reasons.push(format!("Profil complété à {completeness} %"));
            Some(Found {
                structure_id: candidate.structure_id,
                kinds: candidate.kinds,
                turnover_band,
                reasons,
                labelled,
                completeness,
            })
        })
        .collect();
    found.sort_by(|a, b| {
        order(&a.rank_key(), &b.rank_key()).then_with(|| a.structure_id.cmp(&b.structure_id))
    });
    Ok(found)
}

/// A structure as matching judges it, from its activity rows in the need's sectors.
fn candidate_of(group: &[CandidateRow]) -> Candidate {
    let first = &group[0];
    Candidate {
        structure_id: first.structure_id.clone(),
        kinds: first.kinds.split_whitespace().filter_map(StructureKind::from_code).collect(),
        position: first.latitude.zip(first.longitude),
        activities: group
            .iter()
            .filter_map(|r| {
                let km = r.reach_km.map(|k| k.to_string()).unwrap_or_default();
                Some(CandidateActivity {
                    sector: r.sector.clone(),
                    service_kind: ServiceKind::from_code(&r.service_kind)?,
                    reach: Reach::parse(&r.reach, &km, &r.reach_communes).ok()?,
                })
            })
            .collect(),
        satisfies_profile: None,
    }
}

/// The need's potential: who could answer and which lever their number supports.
pub fn potential_of(found: &[Found], text: &NeedText) -> Potential {
    potential_with(found, text.budget.as_ref().and_then(|b| b.ceiling_cents()))
}

/// The potential of the same supply for an amount (cents): a group purchase's pooled one.
pub fn potential_with(found: &[Found], amount_cents: Option<i64>) -> Potential {
    let supply: Vec<Supply> = found
        .iter()
        .map(|f| Supply {
            kinds: f.kinds.clone(),
            distance_km: f.reasons.distance_km,
            turnover_eur: f.turnover_band.as_deref().and_then(band_middle),
        })
        .collect();
    potential(&supply, amount_cents.map(|c| (c / 100).max(0) as u64))
}
