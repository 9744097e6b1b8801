//! A public buyer's SPASER page (art. L2111-3 of the Code de la commande publique): per
//! year, the shares by number and by value of its contracts with a social consideration and
//! with an environmental one.

use serde::{Deserialize, Serialize};

use super::Period;

/// One year of a buyer's SPASER indicators.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaserYear {
    pub year: i32,
    pub contracts: i64,
    pub amount_cents: i64,
    pub social_contracts: i64,
    pub social_amount_cents: i64,
    pub environmental_contracts: i64,
    pub environmental_amount_cents: i64,
}

impl SpaserYear {
    pub fn share(part: i64, whole: i64) -> Option<f64> {
        (whole > 0).then(|| part as f64 / whole as f64)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpaserPage {
    pub organisation_id: String,
    pub organisation_name: String,
    pub years_label: String,
    /// `2022-2025`.
    pub years_param: String,
    pub years: Vec<SpaserYear>,
}

/// The years asked for (`annees=2022-2025` or one year); `None`: the last three.
pub fn parse_years(text: Option<&str>, latest: i32) -> Result<(i32, i32), String> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok((latest - 2, latest)),
        Some(t) => match Period::parse_years(t)? {
            Period::Years(a, b) => Ok((a, b)),
            _ => Err("Années invalides.".to_owned()),
        },
    }
}
