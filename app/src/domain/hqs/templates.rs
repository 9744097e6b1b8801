//! Ready-made profiles a buyer starts from.

use super::{
    criteria::CriterionCode,
    insertion_hours::Clause,
    profile::{ProfileItem, Requirement, Requirements, Scope},
    threshold::Threshold,
};

pub struct Template {
    pub code: &'static str,
    pub name: &'static str,
    pub description: &'static str,
}

pub const TEMPLATES: [Template; 4] = [
    Template {
        code: "reserve-handicap",
        name: "Marché réservé handicap (L2113-12)",
        description: "Entreprises adaptées et ESAT employant au moins 50 % de travailleurs \
                      handicapés.",
    },
    Template {
        code: "reserve-insertion",
        name: "Marché réservé insertion (L2113-13)",
        description: "Structures d'insertion par l'activité économique employant au moins 50 % \
                      de personnes éloignées de l'emploi.",
    },
    Template {
        code: "clause-insertion",
        name: "Clause sociale d'insertion (L2112-2)",
        description: "Capacité à réaliser les heures d'insertion d'une clause (exemple : 1 M€ HT, \
                      50 % de main-d'œuvre, 5 % d'insertion, 30 €/h, soit 833 h), agrément ESUS \
                      en bonus.",
    },
    Template {
        code: "achat-local",
        name: "Achat local solidaire",
        description: "Structure à moins de 20 km de Grenoble ; agrément ESUS, gouvernance \
                      démocratique et commerce équitable valorisés.",
    },
];

fn item(criterion: CriterionCode, requirement: Requirement, threshold: Threshold) -> ProfileItem {
    ProfileItem { criterion, requirement, threshold }
}

const MANDATORY: Requirement = Requirement::Mandatory;

impl Template {
    pub fn find(code: &str) -> Option<&'static Template> {
        TEMPLATES.iter().find(|t| t.code == code)
    }

    /// The template's criteria.
    pub fn requirements(&self) -> Requirements {
        let mut items = match self.code {
            "reserve-handicap" => vec![item(
                CriterionCode::ReservedHandicap,
                MANDATORY,
                Threshold::Percent { min: 50 },
            )],
            "reserve-insertion" => vec![item(
                CriterionCode::ReservedInsertion,
                MANDATORY,
                Threshold::Percent { min: 50 },
            )],
            "clause-insertion" => vec![
                item(
                    CriterionCode::InsertionClause,
                    MANDATORY,
                    Threshold::Hours {
                        clause: Clause {
                            amount_eur: 1_000_000,
                            labour_share: 50,
                            insertion_rate: 5,
                            hourly_cost_eur: 30,
                        },
                    },
                ),
                item(
                    CriterionCode::EsusAgreement,
                    Requirement::Weighted { weight: 2 },
                    Threshold::None,
                ),
            ],
            _ => vec![
                item(
                    CriterionCode::LocalReach,
                    MANDATORY,
                    Threshold::Place {
                        communes: Vec::new(),
                        km: Some(20),
                        origin: Some("38185".to_owned()),
                    },
                ),
                item(
                    CriterionCode::EsusAgreement,
                    Requirement::Weighted { weight: 3 },
                    Threshold::None,
                ),
                item(
                    CriterionCode::DemocraticGovernance,
                    Requirement::Weighted { weight: 2 },
                    Threshold::None,
                ),
                item(
                    CriterionCode::FairTrade,
                    Requirement::Weighted { weight: 1 },
                    Threshold::None,
                ),
            ],
        };
        // In the référentiel's order, as a parsed form gives them.
        items.sort_by_key(|i| i.criterion);
        Requirements { items, scope: Scope::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_a_valid_profile() {
        for template in &TEMPLATES {
            let r = template.requirements();
            assert!(
                Requirements::new(r.items.clone(), r.scope.clone()).is_ok(),
                "{}",
                template.code
            );
        }
    }
}
