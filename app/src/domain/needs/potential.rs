//! The potential of a need before it is published: how many structures could answer, and
//! which lever of the Code de la commande publique that supply supports (DOMAIN.md §3, §6).

use serde::{Deserialize, Serialize};

use crate::domain::{
    directory::{Family, StructureKind},
    hqs::insertion_hours::insertion_hours,
};

/// What the potential needs to know of one matched structure.
#[derive(Debug, Clone)]
pub struct Supply {
    pub kinds: Vec<StructureKind>,
    pub distance_km: Option<f64>,
    /// Yearly turnover, euros, from the structure's declared band (its middle).
    pub turnover_eur: Option<f64>,
}

/// The lever recommended, with the article it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lever {
    /// The whole contract reserved (L2113-12 handicap, L2113-13 insertion).
    FullReservation,
    /// One lot reserved.
    ReservedLot,
    /// A social insertion clause (L2112-2) with its hours.
    InsertionClause,
    /// Too few structures: look for suppliers before writing the contract.
    SourcingFirst,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Potential {
    pub total: usize,
    /// Structures that may hold a reserved contract: SIAE (L2113-13) and handicap (L2113-12).
    pub reservable: usize,
    pub by_family: Vec<(String, usize)>,
    pub by_kind: Vec<(String, usize)>,
    pub within_10_km: usize,
    pub within_30_km: usize,
    pub lever: Lever,
    /// The lever's name and article, as shown.
    pub lever_label: String,
    /// The rule applied, written out with the figures of this need.
    pub rule: String,
    /// Insertion hours a clause would ask for, when the amount is known.
    pub insertion_hours: Option<u32>,
}

/// Above this many reservable structures, and under this dependency, reserve the contract.
pub const FULL_RESERVATION_MIN: usize = 30;
pub const MAX_DEPENDENCY: f64 = 0.30;
/// Above this many, reserve a lot.
pub const RESERVED_LOT_MIN: usize = 10;
/// Defaults of the clause estimate: labour share, insertion rate, loaded hourly cost.
pub const CLAUSE_LABOUR_SHARE: u8 = 50;
pub const CLAUSE_RATE: u8 = 5;
pub const CLAUSE_HOURLY_COST: u32 = 30;

fn reservable(kinds: &[StructureKind]) -> bool {
    kinds.iter().any(|k| k.is_siae() || k.families().contains(&Family::Handicap))
}

/// The article a reservation rests on, from who would hold it.
fn reservation_article(supply: &[Supply]) -> &'static str {
    let handicap = supply
        .iter()
        .filter(|s| s.kinds.iter().any(|k| k.families().contains(&Family::Handicap)))
        .count();
    let siae = supply.iter().filter(|s| s.kinds.iter().any(|k| k.is_siae())).count();
    match (handicap > 0, siae > 0) {
        (true, true) => "articles L2113-12 et L2113-13",
        (true, false) => "article L2113-12",
        _ => "article L2113-13",
    }
}

/// The potential of a need of `amount_eur` (its exact amount or the top of its range).
pub fn potential(supply: &[Supply], amount_eur: Option<u64>) -> Potential {
    let total = supply.len();
    let reservable_supply: Vec<&Supply> = supply.iter().filter(|s| reservable(&s.kinds)).collect();
    let reservable = reservable_supply.len();
    let mut by_family = Vec::new();
    for family in [Family::Insertion, Family::Handicap, Family::Ess] {
        let n = supply
            .iter()
            .filter(|s| s.kinds.iter().any(|k| k.families().contains(&family)))
            .count();
        by_family.push((family.label().to_owned(), n));
    }
    let mut by_kind: Vec<(String, usize)> = Vec::new();
    for s in supply {
        for k in &s.kinds {
            let code = <&str>::from(*k).to_owned();
            match by_kind.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => *n += 1,
                None => by_kind.push((code, 1)),
            }
        }
    }
    by_kind.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let within = |km: f64| supply.iter().filter(|s| s.distance_km.is_some_and(|d| d <= km)).count();
    let turnovers: Vec<f64> = reservable_supply.iter().filter_map(|s| s.turnover_eur).collect();
    let average_turnover =
        (!turnovers.is_empty()).then(|| turnovers.iter().sum::<f64>() / turnovers.len() as f64);
    let dependency = match (amount_eur, average_turnover) {
        (Some(amount), Some(turnover)) if turnover > 0.0 => Some(amount as f64 / turnover),
        _ => None,
    };
    let hours = amount_eur
        .map(|a| insertion_hours(a, CLAUSE_LABOUR_SHARE, CLAUSE_RATE, CLAUSE_HOURLY_COST));
    let article = reservation_article(supply);
    let percent = |d: f64| format!("{:.0} %", d * 100.0);
    let (lever, lever_label, rule) = if reservable > FULL_RESERVATION_MIN
        && dependency.is_some_and(|d| d < MAX_DEPENDENCY)
    {
        (
            Lever::FullReservation,
            format!("Réserver le marché ({article} du Code de la commande publique)"),
            format!(
                "{reservable} structures pouvant recevoir un marché réservé (plus de {FULL_RESERVATION_MIN}) et une dépendance de {} (montant ÷ chiffre d'affaires moyen, sous {}) : le marché entier peut leur être réservé.",
                percent(dependency.unwrap_or_default()),
                percent(MAX_DEPENDENCY)
            ),
        )
    } else if reservable > RESERVED_LOT_MIN {
        let why = match dependency {
            Some(d) if reservable > FULL_RESERVATION_MIN => format!("mais une dépendance de {} (au-delà de {})", percent(d), percent(MAX_DEPENDENCY)),
            None if reservable > FULL_RESERVATION_MIN => "mais un montant ou des chiffres d'affaires inconnus, qui ne permettent pas de mesurer la dépendance".into(),
            _ => format!("(plus de {RESERVED_LOT_MIN}, pas plus de {FULL_RESERVATION_MIN})"),
        };
        (
            Lever::ReservedLot,
            format!("Réserver un lot ({article} du Code de la commande publique)"),
            format!(
                "{reservable} structures pouvant recevoir un marché réservé {why} : réservez-leur un lot."
            ),
        )
    } else if total > 1 {
        let hours_text = match hours {
            Some(h) => format!(
                " : environ {h} heures d'insertion (montant × {CLAUSE_LABOUR_SHARE} % de main-d'œuvre × {CLAUSE_RATE} % ÷ {CLAUSE_HOURLY_COST} €/h)"
            ),
            None => String::new(),
        };
        (
            Lever::InsertionClause,
            "Clause sociale d'insertion (article L2112-2 du Code de la commande publique)".into(),
            format!(
                "{total} structures peuvent répondre, dont {reservable} pouvant recevoir un marché réservé (pas plus de {RESERVED_LOT_MIN}) : une clause d'insertion ouvre le marché à tous en réservant des heures{hours_text}."
            ),
        )
    } else {
        (
            Lever::SourcingFirst,
            "Sourcing d'abord".into(),
            format!(
                "{total} structure{} seulement peu{} répondre : publiez d'abord un sourcing pour connaître l'offre avant d'écrire le marché.",
                if total > 1 { "s" } else { "" },
                if total > 1 { "vent" } else { "t" }
            ),
        )
    };
    Potential {
        total,
        reservable,
        by_family,
        by_kind,
        within_10_km: within(10.0),
        within_30_km: within(30.0),
        lever,
        lever_label,
        rule,
        insertion_hours: hours,
    }
}

/// The middle of a declared turnover band, in euros.
pub fn band_middle(band: &str) -> Option<f64> {
    Some(match band {
        "lt100k" => 50_000.0,
        "100k-500k" => 300_000.0,
        "500k-2m" => 1_250_000.0,
        "2m-10m" => 6_000_000.0,
        "gt10m" => 15_000_000.0,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn many(n: usize, kind: StructureKind, turnover: f64) -> Vec<Supply> {
        (0..n)
            .map(|i| Supply {
                kinds: vec![kind],
                distance_km: Some(i as f64),
                turnover_eur: Some(turnover),
            })
            .collect()
    }

    #[test]
    fn the_lever_follows_the_supply_and_the_dependency() {
        let full = potential(&many(31, StructureKind::Ei, 1_250_000.0), Some(100_000));
        assert_eq!(full.lever, Lever::FullReservation);
        assert!(full.lever_label.contains("L2113-13"), "{}", full.lever_label);
        assert!(full.rule.contains("8 %"), "{}", full.rule);
        // The same supply for a contract that would be too big a share of their turnover.
        let heavy = potential(&many(31, StructureKind::Ei, 1_250_000.0), Some(1_000_000));
        assert_eq!(heavy.lever, Lever::ReservedLot);
        assert!(heavy.rule.contains("80 %"), "{}", heavy.rule);
        let unknown = potential(&many(31, StructureKind::Esat, 50_000.0), None);
        assert_eq!(unknown.lever, Lever::ReservedLot);
        assert!(unknown.lever_label.contains("L2113-12"));
        let clause = potential(&many(5, StructureKind::Aci, 300_000.0), Some(1_000_000));
        assert_eq!(clause.lever, Lever::InsertionClause);
        assert_eq!(clause.insertion_hours, Some(833));
        // Associations count in the total but cannot hold a reserved contract.
        let ess = potential(&many(40, StructureKind::Asso, 300_000.0), Some(10_000));
        assert_eq!((ess.lever, ess.reservable), (Lever::InsertionClause, 0));
        assert_eq!(potential(&many(1, StructureKind::Ei, 1.0), None).lever, Lever::SourcingFirst);
        assert_eq!(full.within_10_km, 11);
    }
}
