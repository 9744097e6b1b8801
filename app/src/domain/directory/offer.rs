//! Offers (goods and services of a structure) and activities (what a structure does), as
//! their forms are parsed.

use serde::{Deserialize, Serialize};

use super::{
    codes::Cpv,
    reach::Reach,
    sectors::{Sector, ServiceKind},
    text::{optional_decimal, optional_number, optional_text, required_text},
};
use crate::domain::FieldErrors;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityForm {
    pub sector: String,
    pub service_kind: String,
    pub reach: String,
    pub reach_km: String,
    pub reach_communes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub sector: String,
    pub service_kind: ServiceKind,
    pub reach: Reach,
}

impl Activity {
    pub fn parse(form: &ActivityForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let sector = errors.check("sector", Sector::parse(&form.sector));
        let service_kind = errors.check("service_kind", ServiceKind::parse(&form.service_kind));
        let reach =
            errors.check("reach", Reach::parse(&form.reach, &form.reach_km, &form.reach_communes));
        match (sector, service_kind, reach) {
            (Some(sector), Some(service_kind), Some(reach)) => {
                Ok(Self { sector: sector.code.to_owned(), service_kind, reach })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferForm {
    pub title: String,
    pub description: String,
    pub sector: String,
    /// CPV codes separated by spaces or commas; empty takes the sector's first code.
    pub cpv: String,
    pub service_kind: String,
    pub unit: String,
    /// Indicative price in euros, excluding tax; empty with `on_quote` for "sur devis".
    pub price: String,
    pub on_quote: Option<String>,
    pub min_quantity: String,
    pub max_quantity: String,
    pub lead_time: String,
    /// Empty: the structure's reach applies.
    pub reach: String,
    pub reach_km: String,
    pub reach_communes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Price {
    /// Sur devis.
    OnQuote,
    /// Euro cents, excluding tax.
    Cents(i64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferDetails {
    pub title: String,
    pub description: String,
    pub sector: String,
    pub cpv: Vec<Cpv>,
    pub service_kind: ServiceKind,
    pub unit: Option<String>,
    pub price: Option<Price>,
    pub min_quantity: Option<i64>,
    pub max_quantity: Option<i64>,
    pub lead_time: Option<String>,
    /// `None`: the structure's reach.
    pub reach: Option<Reach>,
}

impl OfferDetails {
    pub fn parse(form: &OfferForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check(
            "title",
            required_text(&form.title, 150, false, "Indiquez le titre de l'offre."),
        );
        let description = errors.check(
            "description",
            required_text(&form.description, 5000, true, "Décrivez l'offre en quelques lignes."),
        );
        let sector = errors.check("sector", Sector::parse(&form.sector));
        let cpv = errors.check(
            "cpv",
            form.cpv
                .split([' ', ',', ';'])
                .filter(|c| !c.trim().is_empty())
                .map(Cpv::parse)
                .collect::<Result<Vec<_>, _>>(),
        );
        let service_kind = errors.check("service_kind", ServiceKind::parse(&form.service_kind));
        let unit = errors.check("unit", optional_text(&form.unit, 40, false)).flatten();
        let on_quote = form.on_quote.as_deref().is_some_and(|v| !v.is_empty() && v != "false");
        let amount =
            errors.check("price", optional_decimal(&form.price, 0.0, 10_000_000.0)).flatten();
        let price = match (amount, on_quote) {
            (Some(_), true) => {
                errors.add("price", "Indiquez un prix ou « sur devis », pas les deux.");
                None
            }
            (Some(euros), false) => Some(Price::Cents((euros * 100.0).round() as i64)),
            (None, true) => Some(Price::OnQuote),
            (None, false) => None,
        };
        let min_quantity = errors
            .check("min_quantity", optional_number(&form.min_quantity, 0, 1_000_000_000))
            .flatten();
        let max_quantity = errors
            .check("max_quantity", optional_number(&form.max_quantity, 1, 1_000_000_000))
            .flatten();
        if let (Some(min), Some(max)) = (min_quantity, max_quantity)
            && min > max
        {
            errors
                .add("max_quantity", "La quantité maximale est inférieure à la quantité minimale.");
        }
        let lead_time =
            errors.check("lead_time", optional_text(&form.lead_time, 80, false)).flatten();
        let reach = if form.reach.trim().is_empty() {
            Some(None)
        } else {
            errors
                .check("reach", Reach::parse(&form.reach, &form.reach_km, &form.reach_communes))
                .map(Some)
        };
        match (title, description, sector, cpv, service_kind, reach) {
            (
                Some(title),
                Some(description),
                Some(sector),
                Some(cpv),
                Some(service_kind),
                Some(reach),
            ) if errors.is_empty() => {
                let cpv = if cpv.is_empty() {
                    sector.cpv.iter().take(1).filter_map(|c| Cpv::parse(c).ok()).collect()
                } else {
                    cpv
                };
                Ok(Self {
                    title,
                    description,
                    sector: sector.code.to_owned(),
                    cpv,
                    service_kind,
                    unit,
                    price,
                    min_quantity,
                    max_quantity,
                    lead_time,
                    reach,
                })
            }
            _ => Err(errors),
        }
    }
}

impl Price {
    /// "12,50 € HT" or "Sur devis".
    pub fn label(&self) -> String {
        match self {
            Self::OnQuote => "Sur devis".into(),
            Self::Cents(cents) => {
                format!("{},{:02} € HT", cents / 100, cents % 100)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> OfferForm {
        OfferForm {
            title: "Entretien de pelouses".into(),
            description: "Tonte, débroussaillage.".into(),
            sector: "espaces-verts".into(),
            service_kind: "service".into(),
            price: "35,5".into(),
            unit: "heure".into(),
            ..OfferForm::default()
        }
    }

    #[test]
    fn an_offer_takes_its_sector_cpv_and_the_structure_reach_by_default() {
        let offer = OfferDetails::parse(&form()).expect("valid");
        assert_eq!(offer.cpv[0].as_str(), "77310000");
        assert_eq!(offer.reach, None);
        assert_eq!(offer.price, Some(Price::Cents(3550)));
        assert_eq!(offer.price.expect("price").label(), "35,50 € HT");
    }

    #[test]
    fn sur_devis_and_narrowed_reach() {
        let offer = OfferDetails::parse(&OfferForm {
            price: String::new(),
            on_quote: Some("on".into()),
            reach: "radius".into(),
            reach_km: "15".into(),
            cpv: "77311000".into(),
            ..form()
        })
        .expect("valid");
        assert_eq!(offer.price, Some(Price::OnQuote));
        assert_eq!(offer.reach, Some(Reach::Radius { km: 15 }));
        assert_eq!(offer.cpv.len(), 1);
    }

    #[test]
    fn wrong_offers_get_french_errors() {
        let errors = OfferDetails::parse(&OfferForm {
            title: String::new(),
            on_quote: Some("on".into()),
            min_quantity: "10".into(),
            max_quantity: "5".into(),
            cpv: "123".into(),
            ..form()
        })
        .expect_err("invalid");
        for field in ["title", "price", "max_quantity", "cpv"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn activities_need_sector_kind_and_reach() {
        let errors = Activity::parse(&ActivityForm::default()).expect_err("empty");
        for field in ["sector", "service_kind", "reach"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let activity = Activity::parse(&ActivityForm {
            sector: "nettoyage-locaux".into(),
            service_kind: "service".into(),
            reach: "metropole".into(),
            ..ActivityForm::default()
        })
        .expect("valid");
        assert_eq!(activity.reach, Reach::Metropole);
    }
}
