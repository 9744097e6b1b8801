//! The profile builder's form: one block of fields per criterion, sent as a flat map
//! (`<criterion>.use`, `<criterion>.requirement`, `<criterion>.weight`, `<criterion>.min`,
//! clause amounts, `<criterion>.commune.<INSEE>`, `<criterion>.label.<code>`…), parsed once
//! into checked requirements with French errors by field.

use crate::domain::Code;
use std::collections::BTreeMap;
use strum::VariantArray;

use serde::{Deserialize, Serialize};

use super::{
    criteria::{CriterionCode, ThresholdKind},
    insertion_hours::Clause,
    profile::{ProfileItem, Requirement, Requirements, Scope},
    referential::Referential,
    threshold::Threshold,
};
use crate::domain::{
    FieldErrors,
    directory::{
        communes,
        text::{optional_text, required_text},
    },
};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequirementForm {
    pub name: String,
    pub description: String,
    /// `1` (or `on`) to share the profile with every buyer.
    pub shared: String,
    /// Two-digit CPV divisions, separated by commas or spaces.
    pub scope_cpv: String,
    /// Criterion fields, and `scope.commune.<INSEE>` for the scope's communes.
    pub values: BTreeMap<String, String>,
}

/// A profile as its owner describes it, checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileDraft {
    pub name: String,
    pub description: String,
    pub shared: bool,
    pub requirements: Requirements,
}

fn ticked(value: Option<&String>) -> bool {
    value.is_some_and(|v| matches!(v.as_str(), "1" | "on" | "oui" | "true"))
}

impl RequirementForm {
    fn value(&self, criterion: CriterionCode, field: &str) -> &str {
        self.values.get(&format!("{}.{field}", criterion.code())).map_or("", |v| v.trim())
    }

    /// The keys `<prefix>.<x>` ticked, as the list of `x`.
    fn ticked_under(&self, prefix: &str) -> Vec<String> {
        let prefix = format!("{prefix}.");
        self.values
            .iter()
            .filter(|(k, v)| k.starts_with(&prefix) && ticked(Some(v)))
            .map(|(k, _)| k[prefix.len()..].to_owned())
            .collect()
    }

    /// The form showing `draft` (to edit a stored profile, or a template).
    pub fn of(draft: &ProfileDraft) -> Self {
        let mut values = BTreeMap::new();
        for item in &draft.requirements.items {
            let code = item.criterion.code();
            let mut set = |field: &str, value: String| {
                values.insert(format!("{code}.{field}"), value);
            };
            set("use", "1".to_owned());
            match item.requirement {
                Requirement::Mandatory => set("requirement", "mandatory".to_owned()),
                Requirement::Weighted { weight } => {
                    set("requirement", "weighted".to_owned());
                    set("weight", weight.to_string());
                }
            }
            match &item.threshold {
                Threshold::None => {}
                Threshold::Percent { min } => set("min", min.to_string()),
                Threshold::Hours { clause } => {
                    set("amount", clause.amount_eur.to_string());
                    set("labour", clause.labour_share.to_string());
                    set("rate", clause.insertion_rate.to_string());
                    set("cost", clause.hourly_cost_eur.to_string());
                }
                Threshold::Place { communes, km, origin } => {
                    for commune in communes {
                        set(&format!("commune.{commune}"), "1".to_owned());
                    }
                    if let Some(km) = km {
                        set("km", km.to_string());
                    }
                    if let Some(origin) = origin {
                        set("origin", origin.clone());
                    }
                }
                Threshold::Labels { codes } => {
                    for label in codes {
                        set(&format!("label.{label}"), "1".to_owned());
                    }
                }
            }
        }
        for commune in &draft.requirements.scope.communes {
            values.insert(format!("scope.commune.{commune}"), "1".to_owned());
        }
        Self {
            name: draft.name.clone(),
            description: draft.description.clone(),
            shared: if draft.shared { "1".to_owned() } else { String::new() },
            scope_cpv: draft.requirements.scope.cpv_divisions.join(", "),
            values,
        }
    }

    /// The values typed, to put back in the form after a plain form post with errors
    /// (`v_<field>`, `v_values.<key>`), kept in a flash.
    pub fn typed_values(&self) -> Vec<(String, String)> {
        let mut typed = vec![
            ("v_name".to_owned(), self.name.clone()),
            ("v_description".to_owned(), self.description.clone()),
            ("v_shared".to_owned(), self.shared.clone()),
            ("v_scope_cpv".to_owned(), self.scope_cpv.clone()),
        ];
        typed.extend(self.values.iter().map(|(k, v)| (format!("v_values.{k}"), v.clone())));
        typed
    }

    /// The form from the values [`Self::typed_values`] kept in a flash.
    pub fn from_typed<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut form = Self::default();
        for (key, value) in pairs {
            match key {
                "v_name" => form.name = value.to_owned(),
                "v_description" => form.description = value.to_owned(),
                "v_shared" => form.shared = value.to_owned(),
                "v_scope_cpv" => form.scope_cpv = value.to_owned(),
                other => {
                    if let Some(key) = other.strip_prefix("v_values.") {
                        form.values.insert(key.to_owned(), value.to_owned());
                    }
                }
            }
        }
        form
    }

    /// Whether a criterion's box is ticked.
    pub fn uses(&self, criterion: CriterionCode) -> bool {
        ticked(self.values.get(&format!("{}.use", criterion.code())))
    }

    /// A field's value, for the form.
    pub fn field(&self, criterion: CriterionCode, field: &str) -> String {
        self.value(criterion, field).to_owned()
    }

    /// Checks the form against the référentiel version the profile is built on.
    pub fn parse(&self, referential: &Referential) -> Result<ProfileDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name =
            errors.check("name", required_text(&self.name, 120, false, "Donnez un nom au profil."));
        let description = errors.check("description", optional_text(&self.description, 2000, true));
        let mut items = Vec::new();
        for criterion in CriterionCode::VARIANTS.iter().copied().filter(|c| self.uses(*c)) {
            if !referential.offers(criterion) {
                errors.add(
                    criterion.code(),
                    "Ce critère n'est plus proposé par la version en vigueur du référentiel.",
                );
                continue;
            }
            match self.item(criterion) {
                Ok(item) => items.push(item),
                Err(message) => errors.add(criterion.code(), message),
            }
        }
        let cpv_divisions: Vec<String> = self
            .scope_cpv
            .split([',', ' ', ';'])
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_owned)
            .collect();
        if cpv_divisions.iter().any(|d| d.len() != 2 || !d.bytes().all(|b| b.is_ascii_digit())) {
            errors.add("scope_cpv", "Indiquez des divisions CPV de deux chiffres (ex. 45, 77).");
        }
        let scope_communes = self.ticked_under("scope.commune");
        if scope_communes.iter().any(|c| communes::find(c).is_none()) {
            errors.add("scope_communes", "Choisissez des communes de la Métropole.");
        }
        let scope = Scope { cpv_divisions, communes: scope_communes };
        let requirements = if items.is_empty() {
            if errors.is_empty() {
                errors.add("criteria", "Choisissez au moins un critère.");
            }
            None
        } else {
            match Requirements::new(items, scope) {
                Ok(r) => Some(r),
                Err(message) => {
                    errors.add("criteria", message);
                    None
                }
            }
        };
        match (name, description, requirements) {
            (Some(name), Some(description), Some(requirements)) if errors.is_empty() => {
                Ok(ProfileDraft {
                    name,
                    description: description.unwrap_or_default(),
                    shared: ticked(Some(&self.shared)),
                    requirements,
                })
            }
            _ => Err(errors),
        }
    }

    fn item(&self, criterion: CriterionCode) -> Result<ProfileItem, String> {
        let requirement = match self.value(criterion, "requirement") {
            "weighted" => {
                let weight = self
                    .value(criterion, "weight")
                    .parse::<u8>()
                    .ok()
                    .filter(|w| (1..=10).contains(w))
                    .ok_or("Indiquez un poids entre 1 et 10.")?;
                Requirement::Weighted { weight }
            }
            _ => Requirement::Mandatory,
        };
        let threshold = match criterion.threshold() {
            ThresholdKind::None => Threshold::None,
            ThresholdKind::Percent => {
                let min = self
                    .value(criterion, "min")
                    .trim_end_matches('%')
                    .trim()
                    .parse::<u8>()
                    .ok()
                    .filter(|m| (1..=100).contains(m))
                    .ok_or("Indiquez un seuil entre 1 et 100 %.")?;
                Threshold::Percent { min }
            }
            ThresholdKind::Hours => Threshold::Hours {
                clause: Clause::parse(
                    self.value(criterion, "amount"),
                    self.value(criterion, "labour"),
                    self.value(criterion, "rate"),
                    self.value(criterion, "cost"),
                )?,
            },
            ThresholdKind::Place => {
                let chosen = self.ticked_under(&format!("{}.commune", criterion.code()));
                if chosen.iter().any(|c| communes::find(c).is_none()) {
                    return Err("Choisissez des communes de la Métropole.".to_owned());
                }
                let km = match self.value(criterion, "km") {
                    "" => None,
                    text => Some(
                        text.parse::<u32>()
                            .ok()
                            .filter(|km| (1..=200).contains(km))
                            .ok_or("Indiquez une distance entre 1 et 200 km.")?,
                    ),
                };
                let origin = match self.value(criterion, "origin") {
                    "" => None,
                    code if communes::find(code).is_some() => Some(code.to_owned()),
                    _ => return Err("Choisissez la commune d'où compter la distance.".to_owned()),
                };
                if chosen.is_empty() && km.is_none() {
                    return Err("Choisissez des communes ou une distance.".to_owned());
                }
                if km.is_some() && origin.is_none() {
                    return Err("Choisissez la commune d'où compter la distance.".to_owned());
                }
                Threshold::Place { communes: chosen, origin: km.and(origin), km }
            }
            ThresholdKind::Labels => {
                let codes = self.ticked_under(&format!("{}.label", criterion.code()));
                if codes.is_empty()
                    || codes
                        .iter()
                        .any(|c| crate::domain::directory::KnownCertification::find(c).is_none())
                {
                    return Err("Choisissez au moins un label parmi la liste.".to_owned());
                }
                Threshold::Labels { codes }
            }
        };
        Ok(ProfileItem { criterion, requirement, threshold })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hqs::templates::TEMPLATES;

    #[test]
    fn every_template_round_trips_through_the_form() {
        for template in &TEMPLATES {
            let draft = ProfileDraft {
                name: template.name.to_owned(),
                description: template.description.to_owned(),
                shared: true,
                requirements: template.requirements(),
            };
            let parsed = RequirementForm::of(&draft).parse(&Referential::initial()).expect("valid");
            assert_eq!(parsed, draft, "{}", template.code);
        }
    }

    #[test]
    fn typed_values_come_back_as_the_same_form() {
        let mut form = RequirementForm { name: "Mon profil".into(), ..RequirementForm::default() };
        form.values.insert("reserve-handicap.min".into(), "150".into());
        let typed = form.typed_values();
        let back = RequirementForm::from_typed(typed.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, form);
    }

    #[test]
    fn bad_values_get_french_errors_by_field() {
        let mut form = RequirementForm { name: " ".into(), ..RequirementForm::default() };
        form.values.insert("reserve-handicap.use".into(), "on".into());
        form.values.insert("reserve-handicap.min".into(), "150".into());
        form.values.insert("ancrage-local.use".into(), "on".into());
        form.values.insert("ancrage-local.km".into(), "10".into());
        form.scope_cpv = "4".into();
        let errors = form.parse(&Referential::initial()).expect_err("invalid");
        assert_eq!(errors.get("name"), Some("Donnez un nom au profil."));
        assert_eq!(errors.get("reserve-handicap"), Some("Indiquez un seuil entre 1 et 100 %."));
        assert_eq!(
            errors.get("ancrage-local"),
            Some("Choisissez la commune d'où compter la distance.")
        );
        assert!(errors.get("scope_cpv").is_some());
    }

    #[test]
    fn a_criterion_dropped_by_the_referential_is_refused() {
        let referential =
            Referential::with(&[CriterionCode::FairTrade], &[]).expect("one criterion");
        let mut form = RequirementForm { name: "Profil".into(), ..RequirementForm::default() };
        form.values.insert("agrement-esus.use".into(), "on".into());
        let errors = form.parse(&referential).expect_err("invalid");
        assert!(errors.get("agrement-esus").expect("error").contains("n'est plus proposé"));
    }
}
