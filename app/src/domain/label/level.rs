//! A granted label's level, from the score of the label profile's weighted criteria.

use crate::domain::Code;
use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Level {
    Bronze,
    #[strum(serialize = "argent")]
    Silver,
    #[strum(serialize = "or")]
    Gold,
}

impl Level {
    /// Lowest score of silver and of gold, out of 100.
    pub const SILVER_FROM: u8 = 50;
    pub const GOLD_FROM: u8 = 80;

    /// The level of a score; `None` when the profile has no weighted criterion (the label
    /// then has no level).
    pub fn of_score(score: Option<u8>) -> Option<Self> {
        Some(match score? {
            s if s >= Self::GOLD_FROM => Self::Gold,
            s if s >= Self::SILVER_FROM => Self::Silver,
            _ => Self::Bronze,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Bronze => "bronze",
            Self::Silver => "argent",
            Self::Gold => "or",
        }
    }

    /// The search index's value for a held label: its level, or `sans-niveau` when the
    /// profile had no weighted criterion.
    pub fn index_value(level: Option<Self>) -> &'static str {
        level.map_or(NO_LEVEL, Self::code)
    }

    /// How the facet names an index value.
    pub fn facet_label(value: &str) -> String {
        match Self::from_code(value) {
            Some(level) => format!("Labellisé HQS, niveau {}", level.label()),
            None => "Labellisé HQS".to_owned(),
        }
    }
}

/// The index value of a label without a level.
pub const NO_LEVEL: &str = "sans-niveau";

/// Every index value, for "labelled at any level".
pub const INDEX_VALUES: [&str; 4] = ["or", "argent", "bronze", NO_LEVEL];

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn levels_follow_the_score() {
        assert_eq!(Level::of_score(None), None);
        assert_eq!(Level::of_score(Some(0)), Some(Level::Bronze));
        assert_eq!(Level::of_score(Some(49)), Some(Level::Bronze));
        assert_eq!(Level::of_score(Some(50)), Some(Level::Silver));
        assert_eq!(Level::of_score(Some(79)), Some(Level::Silver));
        assert_eq!(Level::of_score(Some(80)), Some(Level::Gold));
        assert_eq!(Level::of_score(Some(100)), Some(Level::Gold));
        for &level in Level::VARIANTS {
            assert_eq!(Level::from_code(level.code()), Some(level));
        }
    }
}
