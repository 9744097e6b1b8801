//! What the dashboard's table breaks the figures down by (`ventilation=`).

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Dimension {
    Annee,
    Trimestre,
    Mois,
    #[default]
    TypeAcheteur,
    Acheteur,
    Cpv,
    CommuneFournisseur,
    CommuneExecution,
    TypeStructure,
}

impl Dimension {
    pub fn parse(text: &str) -> Result<Self, String> {
        text.parse().map_err(|_| {
            format!(
                "Ventilation invalide : « {text} ». Choisissez année, trimestre, mois, type \
                 d'acheteur, acheteur, division CPV, commune du fournisseur, commune \
                 d'exécution ou type de structure."
            )
        })
    }

    /// The column's heading.
    pub fn label(self) -> &'static str {
        match self {
            Self::Annee => "Année",
            Self::Trimestre => "Trimestre",
            Self::Mois => "Mois",
            Self::TypeAcheteur => "Type d'acheteur",
            Self::Acheteur => "Acheteur",
            Self::Cpv => "Division CPV",
            Self::CommuneFournisseur => "Commune du fournisseur",
            Self::CommuneExecution => "Commune d'exécution",
            Self::TypeStructure => "Type de structure",
        }
    }

    /// A structure may be of several kinds: its purchases then count in each kind's row,
    /// and the rows do not add up to the total.
    pub fn rows_add_up(self) -> bool {
        self != Self::TypeStructure
    }
}
