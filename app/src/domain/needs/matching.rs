//! Which structures can answer a need, and why (DOMAIN.md §6): an activity in the need's
//! sector or CPV division, of its kind of service, whose reach covers the place; a kind or
//! family the buyer wants; and, when the need has an HQS profile, its mandatory criteria met
//! by the structure's declared facts. Everything here is computed on values: the service
//! loads the candidates.

use serde::{Deserialize, Serialize};

use crate::domain::{
    directory::{
        Cpv, Family, InseeCode, Reach, Sector, ServiceKind, StructureKind, commune_centres,
        communes,
    },
    geo::haversine_km,
};

/// What a need asks of a structure.
#[derive(Debug, Clone)]
pub struct Wanted {
    pub sector: String,
    pub cpv: Vec<Cpv>,
    pub service_kind: ServiceKind,
    pub place: InseeCode,
    pub radius_km: Option<u16>,
    pub kinds: Vec<StructureKind>,
    pub families: Vec<Family>,
}

/// One activity of a candidate.
#[derive(Debug, Clone)]
pub struct CandidateActivity {
    pub sector: String,
    pub service_kind: ServiceKind,
    pub reach: Reach,
}

/// A published structure, as far as matching needs to know it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub structure_id: String,
    pub kinds: Vec<StructureKind>,
    pub position: Option<(f64, f64)>,
    pub activities: Vec<CandidateActivity>,
    /// When the need has a profile: whether the structure's declared facts satisfy its
    /// mandatory criteria.
    pub satisfies_profile: Option<bool>,
}

/// Why a structure is on a need's list, in the words shown to the buyer and the animator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchReasons {
    pub reasons: Vec<String>,
    /// Distance from the structure to the place of execution, when both are known.
    pub distance_km: Option<f64>,
}

/// Whether `candidate` can answer `wanted`, with the reasons; `None` when it cannot.
pub fn match_candidate(wanted: &Wanted, candidate: &Candidate) -> Option<MatchReasons> {
    let place_centre = commune_centres::centre(wanted.place.as_str());
    let distance_km = match (candidate.position, place_centre) {
        (Some(at), Some(place)) => Some(haversine_km(at, place)),
        _ => None,
    };
    if let Some(radius) = wanted.radius_km
        && distance_km.is_none_or(|d| d > f64::from(radius))
    {
        return None;
    }
    let mut reasons = Vec::new();
    let activity = candidate.activities.iter().find_map(|a| {
        let what = covers_subject(wanted, a)?;
        a.service_kind.eq(&wanted.service_kind).then_some(())?;
        let reach = covers_place(&a.reach, &wanted.place, distance_km)?;
        Some((what, reach))
    })?;
    reasons.push(activity.0);
    reasons.push(format!("{} : {}", wanted.service_kind.label(), activity.1));
    if !wanted.kinds.is_empty() || !wanted.families.is_empty() {
        let kind = candidate.kinds.iter().find(|k| {
            wanted.kinds.contains(k) || k.families().iter().any(|f| wanted.families.contains(f))
        })?;
        reasons.push(format!("Type demandé : {} ({})", kind.label(), <&str>::from(*kind)));
    }
    match candidate.satisfies_profile {
        Some(false) => return None,
        Some(true) => {
            reasons.push("Critères obligatoires du profil HQS remplis (faits déclarés)".into())
        }
        None => {}
    }
    Some(MatchReasons { reasons, distance_km })
}

/// The activity's sector is the need's, or one of its CPV codes shares a division with the
/// need's codes.
fn covers_subject(wanted: &Wanted, activity: &CandidateActivity) -> Option<String> {
    let sector = Sector::find(&activity.sector)?;
    if activity.sector == wanted.sector {
        return Some(format!("Secteur : {}", sector.label));
    }
    let division = wanted.cpv.iter().find(|need| {
        sector
            .cpv
            .iter()
            .filter_map(|c| Cpv::parse(c).ok())
            .any(|c| c.division() == need.division())
    })?;
    Some(format!("Division CPV {} ({})", division.division(), sector.label))
}

/// How the reach covers the place, in words.
fn covers_place(reach: &Reach, place: &InseeCode, distance_km: Option<f64>) -> Option<String> {
    let covered = match reach {
        Reach::France => true,
        Reach::Departement => place.departement() == communes::DEPARTEMENT,
        Reach::Metropole => communes::is_in_metropole(place),
        Reach::Communes { communes } => communes.contains(place),
        Reach::Radius { km } => distance_km.is_some_and(|d| d <= f64::from(*km)),
    };
    covered.then(|| format!("intervient sur {}", reach_words(reach)))
}

fn reach_words(reach: &Reach) -> String {
    match reach {
        Reach::Radius { km } => format!("{km} km autour de la structure"),
        other => {
            // « Toute la Métropole » → « toute la Métropole »: only the first letter falls.
            let label = other.label();
            let mut chars = label.chars();
            chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or(label)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted() -> Wanted {
        Wanted {
            sector: "espaces-verts".into(),
            cpv: vec![],
            service_kind: ServiceKind::Service,
            place: InseeCode::parse("38185").expect("Grenoble"),
            radius_km: None,
            kinds: vec![],
            families: vec![],
        }
    }

    fn candidate(sector: &str, reach: Reach) -> Candidate {
        Candidate {
            structure_id: "s".into(),
            kinds: vec![StructureKind::Aci],
            // Échirolles, about 4 km south of Grenoble.
            position: Some((45.146, 5.716)),
            activities: vec![CandidateActivity {
                sector: sector.into(),
                service_kind: ServiceKind::Service,
                reach,
            }],
            satisfies_profile: None,
        }
    }

    #[test]
    fn a_structure_in_the_sector_serving_the_place_matches_with_its_reasons() {
        let found = match_candidate(&wanted(), &candidate("espaces-verts", Reach::Metropole))
            .expect("a match");
        assert_eq!(found.reasons.len(), 2);
        assert!(found.reasons[0].contains("espaces verts"), "{:?}", found.reasons);
        assert!(found.distance_km.is_some_and(|d| d < 8.0));
        assert!(match_candidate(&wanted(), &candidate("restauration", Reach::Metropole)).is_none());
    }

    #[test]
    fn reach_radius_kinds_and_the_profile_each_can_exclude() {
        let far =
            Reach::Communes { communes: vec![InseeCode::parse("38151").expect("Échirolles")] };
        assert!(match_candidate(&wanted(), &candidate("espaces-verts", far)).is_none());
        assert!(
            match_candidate(&wanted(), &candidate("espaces-verts", Reach::Radius { km: 1 }))
                .is_none()
        );
        assert!(
            match_candidate(&wanted(), &candidate("espaces-verts", Reach::Radius { km: 10 }))
                .is_some()
        );
        let close = Wanted { radius_km: Some(2), ..wanted() };
        assert!(match_candidate(&close, &candidate("espaces-verts", Reach::France)).is_none());
        let handicap = Wanted { families: vec![Family::Handicap], ..wanted() };
        assert!(match_candidate(&handicap, &candidate("espaces-verts", Reach::France)).is_none());
        let insertion = Wanted { families: vec![Family::Insertion], ..wanted() };
        assert!(match_candidate(&insertion, &candidate("espaces-verts", Reach::France)).is_some());
        let mut unmet = candidate("espaces-verts", Reach::France);
        unmet.satisfies_profile = Some(false);
        assert!(match_candidate(&wanted(), &unmet).is_none());
        let goods = Wanted { service_kind: ServiceKind::Goods, ..wanted() };
        assert!(match_candidate(&goods, &candidate("espaces-verts", Reach::France)).is_none());
    }

    #[test]
    fn a_cpv_division_matches_another_sector_of_that_division() {
        let by_cpv = Wanted {
            sector: "autre".into(),
            cpv: vec![Cpv::parse("77300000").expect("cpv")],
            ..wanted()
        };
        let found =
            match_candidate(&by_cpv, &candidate("espaces-verts", Reach::France)).expect("cpv");
        assert!(found.reasons[0].starts_with("Division CPV 77"), "{:?}", found.reasons);
    }
}
