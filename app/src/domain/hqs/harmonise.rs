//! Harmonisation (Chantier 3.7: "mettre en cohérence les exigences qualité des donneurs
//! d'ordre publics et privés"): several profiles side by side, their common core and every
//! difference.

use serde::{Deserialize, Serialize};

use super::{
    criteria::CriterionCode,
    profile::{ProfileItem, Requirement, Requirements, Scope},
    threshold::{Strictness, Threshold},
};

/// Profiles compared at once: a table wider than that is no longer read, and each profile
/// is a read of the database.
pub const MAX_COMPARED: usize = 10;

/// The profiles chosen in an address or a form (ids separated by commas): each once, the
/// first [`MAX_COMPARED`].
pub fn chosen_ids(text: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for id in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if ids.len() == MAX_COMPARED {
            break;
        }
        if !ids.iter().any(|known| known == id) {
            ids.push(id.to_owned());
        }
    }
    ids
}

/// How one profile stands on one criterion, against the common core.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    /// The profile does not have the criterion.
    Missing,
    Present {
        requirement: Requirement,
        threshold: Threshold,
        /// Against the core's threshold; `None` when the criterion is not in the core.
        against_core: Option<Strictness>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub criterion: CriterionCode,
    /// One per profile, in the order given.
    pub cells: Vec<Cell>,
    /// Every profile has it, with the same requirement and threshold.
    pub identical: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub rows: Vec<Row>,
    /// What every profile requires: the criteria they all have, each with the loosest
    /// threshold among them, mandatory only where all make it mandatory.
    pub core: Requirements,
}

/// Compares profiles (two or more).
pub fn compare(profiles: &[&Requirements]) -> Comparison {
    let mut criteria: Vec<CriterionCode> =
        profiles.iter().flat_map(|p| p.items.iter().map(|i| i.criterion)).collect();
    criteria.sort();
    criteria.dedup();
    let mut core_items = Vec::new();
    let mut rows = Vec::new();
    for criterion in criteria {
        let items: Vec<Option<&ProfileItem>> = profiles.iter().map(|p| p.item(criterion)).collect();
        let core = core_item(criterion, &items);
        let identical =
            items.iter().all(|i| i.is_some_and(|i| items[0].is_some_and(|first| first == i)));
        let cells = items
            .iter()
            .map(|item| match item {
                None => Cell::Missing,
                Some(item) => Cell::Present {
                    requirement: item.requirement,
                    threshold: item.threshold.clone(),
                    against_core: core.as_ref().map(|c| item.threshold.compare(&c.threshold)),
                },
            })
            .collect();
        core_items.extend(core);
        rows.push(Row { criterion, cells, identical });
    }
    Comparison { rows, core: Requirements { items: core_items, scope: Scope::default() } }
}

/// The core's item for a criterion: present in every profile, loosest threshold, mandatory
/// when all make it mandatory (otherwise weighted with the lowest weight among them).
fn core_item(criterion: CriterionCode, items: &[Option<&ProfileItem>]) -> Option<ProfileItem> {
    let present: Vec<&ProfileItem> = items.iter().copied().collect::<Option<Vec<_>>>()?;
    let mut threshold = present.first()?.threshold.clone();
    for item in &present[1..] {
        threshold = threshold.loosest(&item.threshold)?;
    }
    let requirement = if present.iter().all(|i| i.requirement == Requirement::Mandatory) {
        Requirement::Mandatory
    } else {
        let weight = present
            .iter()
            .map(|i| match i.requirement {
                Requirement::Mandatory => 10,
                Requirement::Weighted { weight } => weight,
            })
            .min()
            .unwrap_or(1);
        Requirement::Weighted { weight }
    };
    Some(ProfileItem { criterion, requirement, threshold })
}

#[cfg(test)]
mod tests {
    #[test]
    fn at_most_ten_profiles_are_compared_each_once() {
        assert_eq!(chosen_ids(" a, b,,a ,c"), ["a", "b", "c"]);
        let many: Vec<String> = (0..10_000).map(|i| format!("p{i}")).collect();
        let chosen = chosen_ids(&many.join(","));
        assert_eq!(chosen.len(), MAX_COMPARED);
        assert_eq!(chosen[9], "p9");
    }

    use super::*;

    fn profile(items: Vec<ProfileItem>) -> Requirements {
        Requirements { items, scope: Scope::default() }
    }

    #[test]
    fn the_core_keeps_shared_criteria_at_their_loosest() {
        let a = profile(vec![
            ProfileItem {
                criterion: CriterionCode::ReservedInsertion,
                requirement: Requirement::Mandatory,
                threshold: Threshold::Percent { min: 60 },
            },
            ProfileItem {
                criterion: CriterionCode::EsusAgreement,
                requirement: Requirement::Weighted { weight: 3 },
                threshold: Threshold::None,
            },
        ]);
        let b = profile(vec![
            ProfileItem {
                criterion: CriterionCode::ReservedInsertion,
                requirement: Requirement::Mandatory,
                threshold: Threshold::Percent { min: 50 },
            },
            ProfileItem {
                criterion: CriterionCode::FairTrade,
                requirement: Requirement::Mandatory,
                threshold: Threshold::None,
            },
        ]);
        let comparison = compare(&[&a, &b]);
        assert_eq!(comparison.core.items.len(), 1);
        assert_eq!(comparison.core.items[0].threshold, Threshold::Percent { min: 50 });
        let insertion = comparison
            .rows
            .iter()
            .find(|r| r.criterion == CriterionCode::ReservedInsertion)
            .expect("row");
        assert!(!insertion.identical);
        assert!(matches!(
            insertion.cells[0],
            Cell::Present { against_core: Some(Strictness::Stricter), .. }
        ));
        assert!(matches!(
            insertion.cells[1],
            Cell::Present { against_core: Some(Strictness::Same), .. }
        ));
        let esus = comparison
            .rows
            .iter()
            .find(|r| r.criterion == CriterionCode::EsusAgreement)
            .expect("row");
        assert_eq!(esus.cells[1], Cell::Missing);
        assert_eq!(comparison.rows.len(), 3);
    }
}
