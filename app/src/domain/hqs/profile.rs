//! A buyer's requirement profile: criteria of the référentiel, each mandatory or weighted,
//! with their thresholds, and an optional scope.

use serde::{Deserialize, Serialize};

use super::{
    criteria::{CriterionCode, ThresholdKind},
    threshold::Threshold,
};
use crate::domain::directory::Cpv;

/// How a criterion counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Requirement {
    /// Not met: the supplier is not compliant.
    Mandatory,
    /// Adds its weight (1–10) to the score when met.
    Weighted { weight: u8 },
}

impl Requirement {
    pub fn label(self) -> String {
        match self {
            Self::Mandatory => "obligatoire".to_owned(),
            Self::Weighted { weight } => format!("pondéré ({weight})"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileItem {
    pub criterion: CriterionCode,
    pub requirement: Requirement,
    pub threshold: Threshold,
}

/// Where the profile applies: purchases in these CPV divisions, suppliers in these communes.
/// Empty lists mean "everywhere".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    /// Two-digit CPV divisions.
    pub cpv_divisions: Vec<String>,
    pub communes: Vec<String>,
}

impl Scope {
    pub fn is_everywhere(&self) -> bool {
        self.cpv_divisions.is_empty() && self.communes.is_empty()
    }

    /// Why `cpv` and `commune` fall outside the scope, if they do.
    pub fn excludes(&self, cpv: &[Cpv], commune: Option<&str>) -> Option<String> {
        if !self.cpv_divisions.is_empty()
            && !cpv.iter().any(|c| self.cpv_divisions.iter().any(|d| d == c.division()))
        {
            return Some(format!(
                "hors du périmètre du profil (divisions CPV {})",
                self.cpv_divisions.join(", ")
            ));
        }
        if !self.communes.is_empty()
            && !commune.is_some_and(|c| self.communes.iter().any(|x| x == c))
        {
            return Some("hors des communes du périmètre du profil".to_owned());
        }
        None
    }
}

/// The criteria of a profile, checked: each criterion once, thresholds of the right kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Requirements {
    pub items: Vec<ProfileItem>,
    pub scope: Scope,
}

impl Requirements {
    /// Checks a list of items; the first problem, in French.
    pub fn new(mut items: Vec<ProfileItem>, scope: Scope) -> Result<Self, String> {
        if items.is_empty() {
            return Err("Choisissez au moins un critère.".to_owned());
        }
        for (n, item) in items.iter().enumerate() {
            let title = item.criterion.definition().title_fr;
            if items[..n].iter().any(|i| i.criterion == item.criterion) {
                return Err(format!("Le critère « {title} » est choisi deux fois."));
            }
            let fits = matches!(
                (item.criterion.threshold(), &item.threshold),
                (ThresholdKind::None, Threshold::None)
                    | (ThresholdKind::Percent, Threshold::Percent { .. })
                    | (ThresholdKind::Hours, Threshold::Hours { .. })
                    | (ThresholdKind::Place, Threshold::Place { .. })
                    | (ThresholdKind::Labels, Threshold::Labels { .. })
            );
            if !fits {
                return Err(format!("Le seuil du critère « {title} » n'est pas du bon type."));
            }
            match &item.threshold {
                Threshold::Percent { min } if !(1..=100).contains(min) => {
                    return Err(format!("Le seuil de « {title} » doit être entre 1 et 100 %."));
                }
                Threshold::Place { communes, km, origin } => {
                    if communes.is_empty() && km.is_none() {
                        return Err(format!(
                            "« {title} » : choisissez des communes ou une distance."
                        ));
                    }
                    if km.is_some() != origin.is_some() {
                        return Err(format!(
                            "« {title} » : une distance se compte depuis une commune ; \
                             indiquez les deux."
                        ));
                    }
                    if km.is_some_and(|km| !(1..=200).contains(&km)) {
                        return Err(format!(
                            "« {title} » : la distance doit être entre 1 et 200 km."
                        ));
                    }
                }
                Threshold::Labels { codes } if codes.is_empty() => {
                    return Err(format!("« {title} » : choisissez au moins un label."));
                }
                _ => {}
            }
            if let Requirement::Weighted { weight } = item.requirement
                && !(1..=10).contains(&weight)
            {
                return Err(format!("Le poids de « {title} » doit être entre 1 et 10."));
            }
        }
        items.sort_by_key(|i| i.criterion);
        Ok(Self { items, scope })
    }

    pub fn item(&self, criterion: CriterionCode) -> Option<&ProfileItem> {
        self.items.iter().find(|i| i.criterion == criterion)
    }
}
