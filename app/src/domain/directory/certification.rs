//! Labels and certifications a structure holds (fair trade, RGE, B Corp, Lucie…), with their
//! issuer, number and validity.

use serde::{Deserialize, Serialize};

use super::text::{optional_date, optional_text, required_text};
use crate::domain::FieldErrors;

/// A label Ecossol knows, with whether it certifies fair trade (the HQS fair-trade criterion
/// accepts these only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownCertification {
    pub code: &'static str,
    pub name: &'static str,
    pub fair_trade: bool,
}

pub const KNOWN_CERTIFICATIONS: &[KnownCertification] = &[
    KnownCertification { code: "fairtrade", name: "Fairtrade / Max Havelaar", fair_trade: true },
    KnownCertification { code: "fair-for-life", name: "Fair for Life", fair_trade: true },
    KnownCertification {
        code: "spp",
        name: "Symbole des producteurs paysans (SPP)",
        fair_trade: true,
    },
    KnownCertification { code: "biopartenaire", name: "Biopartenaire", fair_trade: true },
    KnownCertification { code: "ecocert-equitable", name: "Ecocert Équitable", fair_trade: true },
    KnownCertification { code: "wfto", name: "WFTO Guaranteed Fair Trade", fair_trade: true },
    KnownCertification {
        code: "rge",
        name: "RGE (Reconnu garant de l'environnement)",
        fair_trade: false,
    },
    KnownCertification { code: "b-corp", name: "B Corp", fair_trade: false },
    KnownCertification { code: "lucie", name: "Label Lucie", fair_trade: false },
    KnownCertification { code: "ecovadis", name: "EcoVadis", fair_trade: false },
    KnownCertification { code: "iso-14001", name: "ISO 14001", fair_trade: false },
    KnownCertification { code: "qualibat", name: "Qualibat", fair_trade: false },
    KnownCertification { code: "other", name: "Autre label ou certification", fair_trade: false },
];

impl KnownCertification {
    pub fn find(code: &str) -> Option<&'static KnownCertification> {
        KNOWN_CERTIFICATIONS.iter().find(|l| l.code == code)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CertificationForm {
    pub label: String,
    /// The label's name when `label` is `other`.
    pub other_name: String,
    pub issuer: String,
    pub number: String,
    pub valid_from: String,
    pub valid_until: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldCertification {
    pub code: String,
    pub name: String,
    pub issuer: Option<String>,
    pub number: Option<String>,
    /// `AAAA-MM-JJ`.
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
}

impl HeldCertification {
    pub fn parse(form: &CertificationForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let known = match form.label.trim() {
            "" => {
                errors.add("label", "Choisissez le label ou la certification.");
                None
            }
            code => KnownCertification::find(code).or_else(|| {
                errors.add("label", "Choisissez un label de la liste, ou « autre ».");
                None
            }),
        };
        let name = match known {
            Some(label) if label.code == "other" => errors.check(
                "other_name",
                required_text(&form.other_name, 120, false, "Indiquez le nom du label."),
            ),
            Some(label) => Some(label.name.to_owned()),
            None => None,
        };
        let issuer = errors.check("issuer", optional_text(&form.issuer, 120, false)).flatten();
        let number = errors.check("number", optional_text(&form.number, 60, false)).flatten();
        let valid_from = errors.check("valid_from", optional_date(&form.valid_from)).flatten();
        let valid_until = errors.check("valid_until", optional_date(&form.valid_until)).flatten();
        if let (Some(from), Some(until)) = (&valid_from, &valid_until)
            && until < from
        {
            errors.add("valid_until", "La fin de validité précède son début.");
        }
        match (known, name) {
            (Some(known), Some(name)) if errors.is_empty() => Ok(Self {
                code: known.code.to_owned(),
                name,
                issuer,
                number,
                valid_from,
                valid_until,
            }),
            _ => Err(errors),
        }
    }

    /// Whether the label is valid on `today` (`AAAA-MM-JJ`).
    pub fn is_valid_on(&self, today: &str) -> bool {
        valid_on(self.valid_from.as_deref(), self.valid_until.as_deref(), today)
    }
}

/// Whether a validity from `from` to `until` (`AAAA-MM-JJ`, both included; either may be
/// open) covers `today`.
pub fn valid_on(from: Option<&str>, until: Option<&str>, today: &str) -> bool {
    from.is_none_or(|from| from <= today) && until.is_none_or(|until| today <= until)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> CertificationForm {
        CertificationForm {
            label: "fairtrade".into(),
            issuer: "Max Havelaar France".into(),
            number: "FT-1234".into(),
            valid_from: "2025-01-01".into(),
            valid_until: "31/12/2027".into(),
            ..CertificationForm::default()
        }
    }

    #[test]
    fn a_known_label_with_its_validity() {
        let label = HeldCertification::parse(&form()).expect("valid");
        assert_eq!(label.name, "Fairtrade / Max Havelaar");
        assert_eq!(label.valid_until.as_deref(), Some("2027-12-31"));
        assert!(label.is_valid_on("2026-11-27"));
        assert!(!label.is_valid_on("2028-01-01"));
        assert!(!label.is_valid_on("2024-12-31"));
        assert!(KnownCertification::find("fairtrade").expect("known").fair_trade);
        assert!(!KnownCertification::find("rge").expect("known").fair_trade);
    }

    #[test]
    fn other_labels_need_a_name_and_dates_an_order() {
        let errors =
            HeldCertification::parse(&CertificationForm { label: "other".into(), ..form() })
                .expect_err("no name");
        assert!(errors.get("other_name").is_some());
        let named = HeldCertification::parse(&CertificationForm {
            label: "other".into(),
            other_name: "Écolabel européen".into(),
            ..form()
        });
        assert_eq!(named.expect("valid").name, "Écolabel européen");
        let errors = HeldCertification::parse(&CertificationForm {
            valid_until: "2024-01-01".into(),
            ..form()
        })
        .expect_err("order");
        assert!(errors.get("valid_until").is_some());
        assert!(
            HeldCertification::parse(&CertificationForm { label: "made-up".into(), ..form() })
                .is_err()
        );
        assert!(HeldCertification::parse(&CertificationForm::default()).is_err());
    }
}
