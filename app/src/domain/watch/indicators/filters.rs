//! The dashboard's state as its address carries it, parsed once with a French error per
//! parameter: the period, the filters and the breakdown dimension.

use serde::{Deserialize, Serialize};

use super::{Dimension, Period};
use crate::domain::{
    Code, FieldErrors,
    directory::{InseeCode, StructureKind},
    organisations::BuyerKind,
};

/// Whose purchases: the person's own buyer organisation, or the partnership's aggregates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum View {
    Own,
    Partnership,
}

/// Every filter of the dashboard. `None`: not filtered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Filters {
    /// `None`: the latest year of the ledger.
    pub period: Option<Period>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub buyer_kind: Option<BuyerKind>,
    /// A buyer organisation's id, or a buying entity's SIRET.
    pub buyer: Option<String>,
    /// A CPV division: its two digits.
    pub cpv_division: Option<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub supplier_commune: Option<InseeCode>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub execution_commune: Option<InseeCode>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub structure_kind: Option<StructureKind>,
    pub dimension: Dimension,
    /// `None`: the person's own organisation when they belong to a buyer and not to the
    /// pôle, the partnership otherwise.
    pub view: Option<View>,
    /// Of the person's buyer organisations, the one they look at.
    pub organisation: Option<String>,
}

/// The address parameters, in the order the query string writes them.
pub const PARAMS: &[&str] = &[
    "annee",
    "trimestre",
    "mois",
    "annees",
    "type_acheteur",
    "acheteur",
    "cpv",
    "commune_fournisseur",
    "commune_execution",
    "type_structure",
    "ventilation",
    "vue",
    "organisation",
];

fn identifier(field: &str, text: &str) -> Result<String, String> {
    let ok = text.len() <= 64 && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then(|| text.to_owned()).ok_or_else(|| {
        format!("Identifiant invalide pour « {field} » : « {text} ». Choisissez dans la liste.")
    })
}

fn cpv_division(text: &str) -> Result<String, String> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() >= 2 && (digits.len() == 2 || digits.len() == 8) {
        return Ok(digits[..2].to_owned());
    }
    Err(format!(
        "Division CPV invalide : « {text} ». Écrivez ses deux premiers chiffres, par exemple 77 \
         (agriculture, sylviculture, horticulture) ou un code CPV entier."
    ))
}

fn commune(text: &str) -> Result<InseeCode, String> {
    InseeCode::parse(text).map_err(|_| {
        format!("Commune invalide : « {text} ». Écrivez son code INSEE, par exemple 38185.")
    })
}

fn buyer_kind(text: &str) -> Result<BuyerKind, String> {
    match text {
        "public" => Ok(BuyerKind::Public),
        "prive" | "privé" => Ok(BuyerKind::Private),
        _ => Err(format!("Type d'acheteur invalide : « {text} ». Choisissez public ou privé.")),
    }
}

fn view(text: &str) -> Result<View, String> {
    match text {
        "organisation" => Ok(View::Own),
        "partenariat" => Ok(View::Partnership),
        _ => Err(format!(
            "Vue invalide : « {text} ». Choisissez votre organisation ou le partenariat."
        )),
    }
}

impl Filters {
    /// From the address's pairs; unknown parameters are left to others (`tableau`…), empty
    /// ones are no filter. Two periods at once are refused.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, FieldErrors> {
        let mut f = Self::default();
        let mut errors = FieldErrors::new();
        let mut periods = 0;
        for (name, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let period = match name {
                "annee" => Some(Period::parse_year(value)),
                "trimestre" => Some(Period::parse_quarter(value)),
                "mois" => Some(Period::parse_month(value)),
                "annees" => Some(Period::parse_years(value)),
                _ => None,
            };
            if let Some(period) = period {
                periods += 1;
                f.period = errors.check(name, period).or(f.period);
                continue;
            }
            match name {
                "type_acheteur" => f.buyer_kind = errors.check(name, buyer_kind(value)),
                "acheteur" => f.buyer = errors.check(name, identifier("acheteur", value)),
                "cpv" => f.cpv_division = errors.check(name, cpv_division(value)),
                "commune_fournisseur" => f.supplier_commune = errors.check(name, commune(value)),
                "commune_execution" => f.execution_commune = errors.check(name, commune(value)),
                "type_structure" => {
                    f.structure_kind = errors.check(name, StructureKind::parse(value));
                }
                "ventilation" => {
                    if let Some(d) = errors.check(name, Dimension::parse(value)) {
                        f.dimension = d;
                    }
                }
                "vue" => f.view = errors.check(name, view(value)),
                "organisation" => {
                    f.organisation = errors.check(name, identifier("organisation", value));
                }
                _ => {}
            }
        }
        if periods > 1 {
            errors.add(
                "periode",
                "Choisissez une seule période : une année, un trimestre, un mois ou des années.",
            );
        }
        if errors.is_empty() { Ok(f) } else { Err(errors) }
    }

    /// The pairs that give these filters back (empty ones left out).
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(p) = self.period {
            pairs.push(p.param());
        }
        let kind = self.buyer_kind.map(|k| match k {
            BuyerKind::Public => "public".to_owned(),
            BuyerKind::Private => "prive".to_owned(),
        });
        let optional = [
            ("type_acheteur", kind),
            ("acheteur", self.buyer.clone()),
            ("cpv", self.cpv_division.clone()),
            ("commune_fournisseur", self.supplier_commune.as_ref().map(|c| c.as_str().into())),
            ("commune_execution", self.execution_commune.as_ref().map(|c| c.as_str().into())),
            ("type_structure", self.structure_kind.map(|k| k.code().to_owned())),
        ];
        pairs.extend(optional.into_iter().filter_map(|(n, v)| v.map(|v| (n, v))));
        if self.dimension != Dimension::default() {
            pairs.push(("ventilation", self.dimension.code().to_owned()));
        }
        if let Some(v) = self.view {
            let code = if v == View::Own { "organisation" } else { "partenariat" };
            pairs.push(("vue", code.to_owned()));
        }
        if let Some(o) = &self.organisation {
            pairs.push(("organisation", o.clone()));
        }
        pairs
    }

    /// `annee=2025&ventilation=cpv…`, escaped for an address.
    pub fn query_string(&self) -> String {
        self.pairs().iter().map(|(n, v)| format!("{n}={}", escape(v))).collect::<Vec<_>>().join("&")
    }
}

/// The values parsed here hold letters, digits and `-` only; anything else is escaped.
fn escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_read_and_written_back() {
        let pairs = [
            ("trimestre", "2025-T2"),
            ("type_acheteur", "prive"),
            ("cpv", "77310000-6"),
            ("commune_execution", "38185"),
            ("type_structure", "esat"),
            ("ventilation", "cpv"),
            ("tableau", "ventilation"),
            ("acheteur", ""),
        ];
        let f = Filters::from_pairs(pairs).expect("valid");
        assert_eq!(f.period, Some(Period::Quarter(2025, 2)));
        assert_eq!(f.cpv_division.as_deref(), Some("77"));
        assert_eq!(f.structure_kind, Some(StructureKind::Esat));
        assert_eq!(f.dimension, Dimension::Cpv);
        let again = f.query_string();
        assert_eq!(
            again,
            "trimestre=2025-T2&type_acheteur=prive&cpv=77&commune_execution=38185&\
             type_structure=ESAT&ventilation=cpv"
        );
        let pairs: Vec<(String, String)> = again
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .collect();
        assert_eq!(Filters::from_pairs(pairs.iter().map(|(a, b)| (a.as_str(), b.as_str()))), Ok(f));
    }

    #[test]
    fn each_bad_value_has_its_french_error() {
        let errors = Filters::from_pairs([
            ("annee", "2025"),
            ("mois", "2025-13"),
            ("type_acheteur", "mixte"),
            ("cpv", "7"),
            ("commune_fournisseur", "Grenoble!"),
            ("type_structure", "SARL"),
            ("ventilation", "couleur"),
            ("acheteur", "a b"),
        ])
        .expect_err("invalid");
        for field in [
            "mois",
            "type_acheteur",
            "cpv",
            "commune_fournisseur",
            "type_structure",
            "ventilation",
            "acheteur",
            "periode",
        ] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        assert!(errors.get("type_acheteur").unwrap_or_default().contains("public ou privé"));
    }
}
