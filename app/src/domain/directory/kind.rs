//! What a supplier *is* (DOMAIN.md §2). A structure may be several kinds at once; its legal
//! form (SARL, SCIC-SAS…) is a separate, free field. The ESUS agreement is an attribute of
//! the structure, not a kind.

use crate::domain::Code;
use serde::{Deserialize, Serialize};

/// The families buyers filter on.
#[derive(
    Debug,
    Clone,
    Copy,
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
pub enum Family {
    /// Insertion par l'activité économique and its neighbours.
    Insertion,
    /// Sheltered and adapted work.
    Handicap,
    /// ESS by statute or agreement.
    Ess,
}

impl Family {
    pub fn label(self) -> &'static str {
        match self {
            Self::Insertion => "Insertion",
            Self::Handicap => "Handicap",
            Self::Ess => "Économie sociale et solidaire",
        }
    }
}

macro_rules! kinds {
    ($($variant:ident = $code:literal, $label:literal, [$($family:ident),+];)+) => {
        /// A kind of structure; its code (`ACI`, `ESAT`…) is what imports, exports and URLs use.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
        #[serde(try_from = "String", into = "String")]
        pub enum StructureKind { $(#[strum(serialize = $code)] $variant),+ }

        impl StructureKind {
            pub fn label(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }

            pub fn families(self) -> &'static [Family] {
                match self { $(Self::$variant => &[$(Family::$family),+]),+ }
            }

            pub fn parse(input: &str) -> Result<Self, String> {
                Self::from_code(&input.trim().to_ascii_uppercase())
                    .ok_or_else(|| format!("« {} » n'est pas un type de structure connu.", input.trim()))
            }
        }
    };
}

kinds! {
    Aci = "ACI", "Atelier et chantier d'insertion", [Insertion];
    Ei = "EI", "Entreprise d'insertion", [Insertion];
    Etti = "ETTI", "Entreprise de travail temporaire d'insertion", [Insertion];
    Ai = "AI", "Association intermédiaire", [Insertion];
    Eiti = "EITI", "Entreprise d'insertion par le travail indépendant", [Insertion];
    Geiq = "GEIQ", "Groupement d'employeurs pour l'insertion et la qualification", [Insertion];
    Ea = "EA", "Entreprise adaptée", [Handicap];
    Eatt = "EATT", "Entreprise adaptée de travail temporaire", [Handicap];
    Esat = "ESAT", "Établissement et service d'aide par le travail", [Handicap];
    Rq = "RQ", "Régie de quartier", [Insertion, Ess];
    Scop = "SCOP", "Société coopérative et participative", [Ess];
    Scic = "SCIC", "Société coopérative d'intérêt collectif", [Ess];
    Asso = "ASSO", "Association (loi 1901)", [Ess];
    Mutuelle = "MUTUELLE", "Mutuelle", [Ess];
    Fondation = "FONDATION", "Fondation", [Ess];
    Ge = "GE", "Groupement d'employeurs", [Ess];
    Sel = "SEL", "Système d'échange local, réseau d'échanges de savoirs", [Ess];
}

impl StructureKind {
    /// Structures of the insertion par l'activité économique (SIAE), as Article L2113-13 of the
    /// Code de la commande publique designates them.
    pub fn is_siae(self) -> bool {
        matches!(self, Self::Aci | Self::Ei | Self::Etti | Self::Ai | Self::Eiti)
    }
}

impl TryFrom<String> for StructureKind {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<StructureKind> for String {
    fn from(kind: StructureKind) -> Self {
        kind.code().to_owned()
    }
}

/// Parses a list of kind codes separated by commas, semicolons or spaces (as in a CSV cell),
/// without duplicates, in a stable order.
pub fn parse_kinds(input: &str) -> Result<Vec<StructureKind>, String> {
    let mut kinds = input
        .split([',', ';', ' ', '|'])
        .filter(|part| !part.trim().is_empty())
        .map(StructureKind::parse)
        .collect::<Result<Vec<_>, _>>()?;
    kinds.sort();
    kinds.dedup();
    Ok(kinds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_named() {
        for kind in StructureKind::VARIANTS {
            assert_eq!(StructureKind::parse(kind.code()), Ok(*kind));
        }
        assert_eq!(StructureKind::parse(" esat "), Ok(StructureKind::Esat));
        assert!(StructureKind::parse("SARL").expect_err("a legal form").contains("SARL"));
    }

    #[test]
    fn kinds_belong_to_families() {
        assert_eq!(StructureKind::Esat.families(), &[Family::Handicap]);
        assert!(StructureKind::Rq.families().contains(&Family::Ess));
        assert!(StructureKind::Aci.is_siae());
        assert!(!StructureKind::Geiq.is_siae());
    }

    #[test]
    fn lists_of_kinds_are_parsed_once_each() {
        assert_eq!(
            parse_kinds("ASSO, ACI;aci").expect("ok"),
            vec![StructureKind::Aci, StructureKind::Asso]
        );
        assert_eq!(parse_kinds("").expect("none"), vec![]);
        assert!(parse_kinds("ACI, XYZ").is_err());
    }
}
