//! The first version of the label profile, which the pôle's animators then maintain: a
//! recognised social utility and a local presence are required; insertion, governance and
//! fair trade raise the level.

use crate::domain::hqs::{CriterionCode, ProfileItem, Requirement, Requirements, Scope, Threshold};

pub fn initial_profile() -> Requirements {
    let item =
        |criterion, requirement, threshold| ProfileItem { criterion, requirement, threshold };
    let items = vec![
        // L3332-17-1 Code du travail: the ESUS agreement (held by law by SIAE and sheltered
        // work structures).
        item(CriterionCode::EsusAgreement, Requirement::Mandatory, Threshold::None),
        // Within 30 km of Grenoble: the pôle labels the agglomeration's structures.
        item(
            CriterionCode::LocalReach,
            Requirement::Mandatory,
            Threshold::Place { communes: Vec::new(), km: Some(30), origin: Some("38185".into()) },
        ),
        item(
            CriterionCode::InsertionShare,
            Requirement::Weighted { weight: 3 },
            Threshold::Percent { min: 30 },
        ),
        item(
            CriterionCode::DemocraticGovernance,
            Requirement::Weighted { weight: 2 },
            Threshold::None,
        ),
        item(CriterionCode::FairTrade, Requirement::Weighted { weight: 1 }, Threshold::None),
    ];
    Requirements::new(items, Scope::default()).expect("the initial label profile is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_initial_profile_has_mandatory_and_weighted_criteria() {
        let profile = initial_profile();
        assert!(profile.items.iter().any(|i| i.requirement == Requirement::Mandatory));
        assert!(
            profile.items.iter().any(|i| matches!(i.requirement, Requirement::Weighted { .. }))
        );
    }
}
