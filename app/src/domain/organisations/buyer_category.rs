//! What kind of buying entity a buyer is: for public buyers, the family of public body; for
//! private ones, the size band of the company. The pôle reads it when it verifies a buyer.

use serde::{Deserialize, Serialize};
use strum::VariantArray;

use super::BuyerKind;
use crate::domain::Code;

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
pub enum BuyerCategory {
    Collectivite,
    EtablissementPublic,
    Etat,
    AutrePublic,
    Tpe,
    Pme,
    Eti,
    GrandeEntreprise,
}

impl BuyerCategory {
    pub fn label(self) -> &'static str {
        match self {
            Self::Collectivite => "Collectivité territoriale",
            Self::EtablissementPublic => "Établissement public",
            Self::Etat => "Service de l'État",
            Self::AutrePublic => "Autre acheteur public",
            Self::Tpe => "TPE (moins de 10 salariés)",
            Self::Pme => "PME (10 à 249)",
            Self::Eti => "ETI (250 à 4 999)",
            Self::GrandeEntreprise => "Grande entreprise (5 000 et plus)",
        }
    }

    /// Public bodies for public buyers, size bands for private ones.
    pub fn buyer_kind(self) -> BuyerKind {
        match self {
            Self::Collectivite | Self::EtablissementPublic | Self::Etat | Self::AutrePublic => {
                BuyerKind::Public
            }
            Self::Tpe | Self::Pme | Self::Eti | Self::GrandeEntreprise => BuyerKind::Private,
        }
    }

    /// The categories a buyer of `kind` chooses from, in the form's order.
    pub fn choices(kind: BuyerKind) -> Vec<Self> {
        Self::VARIANTS.iter().copied().filter(|c| c.buyer_kind() == kind).collect()
    }

    /// From the form's code, for a buyer of `kind`.
    pub fn parse_for(code: &str, kind: BuyerKind) -> Result<Self, &'static str> {
        let Some(category) = Self::from_code(code.trim()) else {
            return Err("Choisissez la catégorie de l'acheteur.");
        };
        match (category.buyer_kind(), kind) {
            (a, b) if a == b => Ok(category),
            (_, BuyerKind::Public) => {
                Err("Un acheteur public choisit une catégorie d'organisme public.")
            }
            (_, BuyerKind::Private) => {
                Err("Un acheteur privé choisit une taille d'entreprise (TPE, PME, ETI…).")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_category_must_fit_the_kind_of_buyer() {
        let cases = [
            ("collectivite", BuyerKind::Public, Ok(BuyerCategory::Collectivite)),
            ("etat", BuyerKind::Public, Ok(BuyerCategory::Etat)),
            ("pme", BuyerKind::Private, Ok(BuyerCategory::Pme)),
            ("grande_entreprise", BuyerKind::Private, Ok(BuyerCategory::GrandeEntreprise)),
            ("pme", BuyerKind::Public, Err("organisme public")),
            ("collectivite", BuyerKind::Private, Err("taille d'entreprise")),
            ("", BuyerKind::Public, Err("Choisissez")),
            ("Collectivité", BuyerKind::Public, Err("Choisissez")),
        ];
        for (code, kind, expected) in cases {
            match (BuyerCategory::parse_for(code, kind), expected) {
                (Ok(got), Ok(want)) => assert_eq!(got, want, "{code}"),
                (Err(got), Err(want)) => assert!(got.contains(want), "{code}: {got}"),
                (got, want) => panic!("{code}: {got:?}, expected {want:?}"),
            }
        }
    }

    #[test]
    fn each_kind_has_four_choices_with_their_labels() {
        let public = BuyerCategory::choices(BuyerKind::Public);
        let private = BuyerCategory::choices(BuyerKind::Private);
        assert_eq!(public.len(), 4);
        assert_eq!(
            private,
            [
                BuyerCategory::Tpe,
                BuyerCategory::Pme,
                BuyerCategory::Eti,
                BuyerCategory::GrandeEntreprise
            ]
        );
        assert_eq!(BuyerCategory::Eti.label(), "ETI (250 à 4 999)");
        assert_eq!(BuyerCategory::EtablissementPublic.code(), "etablissement_public");
    }
}
