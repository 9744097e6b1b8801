//! Where a structure or an offer works (DOMAIN.md §6).

use serde::{Deserialize, Serialize};

use super::{codes::InseeCode, communes};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reach {
    /// The 49 communes of the Métropole.
    Metropole,
    /// A list of communes (INSEE codes).
    Communes { communes: Vec<InseeCode> },
    /// A radius around the structure's address.
    Radius { km: u16 },
    /// The département of Isère.
    Departement,
    /// The whole country.
    France,
}

/// The largest radius one can state (beyond it, say "France").
pub const MAX_RADIUS_KM: u16 = 500;

impl Reach {
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// Parses the fields of a form or a CSV row: the kind of reach, the radius in km (for
    /// `radius`) and the INSEE codes separated by spaces or commas (for `communes`).
    pub fn parse(kind: &str, km: &str, communes: &str) -> Result<Self, String> {
        match kind.trim() {
            "metropole" => Ok(Self::Metropole),
            "departement" => Ok(Self::Departement),
            "france" => Ok(Self::France),
            "radius" => match km.trim().parse::<u16>() {
                Ok(km) if (1..=MAX_RADIUS_KM).contains(&km) => Ok(Self::Radius { km }),
                _ => Err(format!("Indiquez un rayon en kilomètres, entre 1 et {MAX_RADIUS_KM}.")),
            },
            "communes" => {
                let mut codes = communes
                    .split([' ', ',', ';', '|'])
                    .filter(|c| !c.trim().is_empty())
                    .map(InseeCode::parse)
                    .collect::<Result<Vec<_>, _>>()?;
                codes.sort();
                codes.dedup();
                if codes.is_empty() {
                    Err("Choisissez au moins une commune.".into())
                } else {
                    Ok(Self::Communes { communes: codes })
                }
            }
            "" => Err("Choisissez le périmètre d'intervention.".into()),
            other => Err(format!("« {other} » n'est pas un périmètre connu.")),
        }
    }

    /// The radius, for storage.
    pub fn km(&self) -> Option<u16> {
        match self {
            Self::Radius { km } => Some(*km),
            _ => None,
        }
    }

    /// The communes as stored: INSEE codes separated by spaces.
    pub fn communes_text(&self) -> String {
        match self {
            Self::Communes { communes } => {
                communes.iter().map(InseeCode::as_str).collect::<Vec<_>>().join(" ")
            }
            _ => String::new(),
        }
    }

    pub fn label(&self) -> String {
        match self {
            Self::Metropole => "Toute la Métropole".into(),
            Self::Communes { communes } => {
                let names: Vec<&str> = communes
                    .iter()
                    .map(|c| communes::find(c.as_str()).map_or(c.as_str(), |k| k.name))
                    .collect();
                names.join(", ")
            }
            Self::Radius { km } => format!("{km} km autour de la structure"),
            Self::Departement => "Département de l'Isère".into(),
            Self::France => "Toute la France".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaches_parse_with_their_details() {
        assert_eq!(Reach::parse("metropole", "", ""), Ok(Reach::Metropole));
        assert_eq!(Reach::parse("radius", " 25 ", ""), Ok(Reach::Radius { km: 25 }));
        let communes = Reach::parse("communes", "", "38185, 38151 38185").expect("two");
        assert_eq!(communes.communes_text(), "38151 38185");
        assert_eq!(communes.label(), "Échirolles, Grenoble");
    }

    #[test]
    fn incomplete_reaches_are_refused_in_french() {
        assert!(Reach::parse("radius", "", "").expect_err("no km").contains("rayon"));
        assert!(Reach::parse("radius", "0", "").is_err());
        assert!(Reach::parse("radius", "501", "").is_err());
        assert!(Reach::parse("communes", "", " ").expect_err("none").contains("commune"));
        assert!(Reach::parse("communes", "", "381").is_err());
        assert!(Reach::parse("", "", "").is_err());
        assert!(Reach::parse("lune", "", "").is_err());
    }
}
