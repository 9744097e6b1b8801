//! Versions of the référentiel. Animators publish a version: which criteria are offered and
//! their default thresholds. A profile is built on one version and a check remembers the
//! version and the profile it used, so old verdicts never change silently.

use serde::{Deserialize, Serialize};
use strum::VariantArray;

use super::{
    criteria::{CriterionCode, ThresholdKind},
    insertion_hours::Clause,
    threshold::Threshold,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub criterion: CriterionCode,
    pub default_threshold: Threshold,
}

/// The content of a version (its number and date are the database's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Referential {
    pub entries: Vec<Entry>,
}

/// The default threshold of a criterion in the first version.
pub fn default_threshold(criterion: CriterionCode) -> Threshold {
    match criterion.threshold() {
        ThresholdKind::None => Threshold::None,
        ThresholdKind::Percent => Threshold::Percent {
            min: if criterion == CriterionCode::InsertionShare { 30 } else { 50 },
        },
        ThresholdKind::Hours => Threshold::Hours {
            clause: Clause {
                amount_eur: 1_000_000,
                labour_share: 50,
                insertion_rate: 5,
                hourly_cost_eur: 30,
            },
        },
        ThresholdKind::Place => Threshold::Place {
            communes: Vec::new(),
            km: Some(20),
            origin: Some("38185".to_owned()),
        },
        ThresholdKind::Labels => Threshold::Labels { codes: vec!["rge".to_owned()] },
    }
}

impl Referential {
    /// The first version: every criterion of the library with its default threshold.
    pub fn initial() -> Self {
        Self {
            entries: CriterionCode::VARIANTS
                .iter()
                .copied()
                .map(|criterion| Entry {
                    criterion,
                    default_threshold: default_threshold(criterion),
                })
                .collect(),
        }
    }

    pub fn offers(&self, criterion: CriterionCode) -> bool {
        self.entries.iter().any(|e| e.criterion == criterion)
    }

    /// A new version from the criteria kept and their percent thresholds (the thresholds
    /// an animator may change); French message on a bad choice.
    pub fn with(kept: &[CriterionCode], percents: &[(CriterionCode, u8)]) -> Result<Self, String> {
        if kept.is_empty() {
            return Err("Une version du référentiel garde au moins un critère.".to_owned());
        }
        let mut entries = Vec::new();
        for criterion in CriterionCode::VARIANTS.iter().copied().filter(|c| kept.contains(c)) {
            let mut default_threshold = default_threshold(criterion);
            if let Some((_, min)) = percents.iter().find(|(c, _)| *c == criterion) {
                if !(1..=100).contains(min) {
                    return Err(format!(
                        "Le seuil de « {} » doit être entre 1 et 100 %.",
                        criterion.definition().title_fr
                    ));
                }
                if matches!(default_threshold, Threshold::Percent { .. }) {
                    default_threshold = Threshold::Percent { min: *min };
                }
            }
            entries.push(Entry { criterion, default_threshold });
        }
        Ok(Self { entries })
    }
}
