//! The social consideration of a purchase (DOMAIN.md §4: DECP's `considerationsSociales`).

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum SocialConsideration {
    /// « Marché réservé » (L2113-12, L2113-13, L2113-15).
    Reserved,
    /// « Clause sociale » (L2112-2).
    Clause,
    /// « Critère social » (R2152-7).
    Criterion,
    /// « Pas de considération sociale ».
    None,
}

impl SocialConsideration {
    pub fn label(self) -> &'static str {
        match self {
            Self::Reserved => "Marché réservé",
            Self::Clause => "Clause sociale",
            Self::Criterion => "Critère social",
            Self::None => "Pas de considération sociale",
        }
    }
}

/// What the buyer says of a purchase from one retained structure: « l'achat a-t-il eu
/// lieu ? », with its amount excluding tax, its date and its social consideration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PurchaseForm {
    pub amount: String,
    pub purchased_on: String,
    pub consideration: String,
    pub insertion_hours: String,
}
