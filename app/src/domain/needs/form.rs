//! A need as its buyer types it: every field parsed once, each error in French next to its
//! field. A draft keeps whatever is filled and valid; submitting asks for the rest.

use serde::{Deserialize, Serialize};

use super::{
    budget::{Budget, parse_euros, plain_euros},
    kind::NeedKind,
    lots::{Lot, lots_text, parse_lots, parse_questions},
};
use crate::domain::{
    Code, FieldErrors,
    calendar::Day,
    directory::{
        Cpv, Family, InseeCode, Sector, ServiceKind, StructureKind, communes,
        text::{optional_date, optional_number, optional_text, optional_url},
    },
};

/// The form as the browser sends it (`form[title]`…) or a buyer's system posts it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedForm {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub notice_url: String,
    /// CPV codes separated by spaces or commas.
    pub cpv: String,
    pub sector: String,
    pub service_kind: String,
    /// `désignation ; quantité ; unité`, one lot per line.
    pub lots: String,
    /// The INSEE code of the commune where the work is done.
    pub place: String,
    /// Suppliers within this many km of the place only (empty: whoever serves the place).
    pub radius_km: String,
    pub start_on: String,
    pub deadline_on: String,
    /// `exact`, `range` or `withheld`.
    pub budget_kind: String,
    pub budget_amount: String,
    pub budget_min: String,
    pub budget_max: String,
    pub budget_reason: String,
    /// Structure kinds wanted (codes); none: every kind.
    pub structure_kind: Vec<String>,
    /// Families wanted (insertion, handicap, ess); none: every family.
    pub family: Vec<String>,
    pub profile_id: String,
    /// One question per line.
    pub questions: String,
    /// `on` when the buyer's name is hidden from suppliers it does not select.
    pub anonymous: String,
}

/// A need's text, typed. Optional fields are those a draft may leave empty.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedText {
    pub kind: Option<NeedKind>,
    pub title: String,
    pub description: Option<String>,
    pub notice_url: Option<String>,
    pub cpv: Vec<Cpv>,
    pub sector: Option<String>,
    pub service_kind: Option<ServiceKind>,
    pub lots: Vec<Lot>,
    pub place: Option<InseeCode>,
    pub radius_km: Option<u16>,
    pub start_on: Option<Day>,
    pub deadline_on: Option<Day>,
    pub budget: Option<Budget>,
    pub structure_kinds: Vec<StructureKind>,
    pub families: Vec<Family>,
    pub profile_id: Option<String>,
    pub questions: Vec<String>,
    pub anonymous: bool,
}

pub const MAX_CPV: usize = 10;

impl NeedForm {
    /// The values typed, to put back in the form after a plain form post with errors (lists
    /// joined with commas).
    pub fn typed_values(&self) -> Vec<(String, String)> {
        let fields: [(&str, &String); 20] = [
            ("kind", &self.kind),
            ("title", &self.title),
            ("description", &self.description),
            ("notice_url", &self.notice_url),
            ("cpv", &self.cpv),
            ("sector", &self.sector),
            ("service_kind", &self.service_kind),
            ("lots", &self.lots),
            ("place", &self.place),
            ("radius_km", &self.radius_km),
            ("start_on", &self.start_on),
            ("deadline_on", &self.deadline_on),
            ("budget_kind", &self.budget_kind),
            ("budget_amount", &self.budget_amount),
            ("budget_min", &self.budget_min),
            ("budget_max", &self.budget_max),
            ("budget_reason", &self.budget_reason),
            ("profile_id", &self.profile_id),
            ("questions", &self.questions),
            ("anonymous", &self.anonymous),
        ];
        let mut values: Vec<(String, String)> =
            fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).clone())).collect();
        values.push(("structure_kind".into(), self.structure_kind.join(",")));
        values.push(("family".into(), self.family.join(",")));
        values
    }
}

impl NeedText {
    /// Parses the form; `today` is the Paris day of the request (a deadline must be later).
    pub fn parse(form: &NeedForm, today: Day) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = match form.kind.trim() {
            "" => None,
            code => errors
                .check("kind", NeedKind::from_code(code).ok_or("Choisissez le type de besoin.")),
        };
        let title = errors
            .check(
                "title",
                optional_text(&form.title, 150, false).and_then(|t| match t {
                    Some(t) if t.chars().count() >= 5 => Ok(t),
                    Some(_) => Err("Le titre compte au moins 5 caractères.".into()),
                    None => Err("Donnez un titre au besoin.".into()),
                }),
            )
            .unwrap_or_default();
        let description = errors.check("description", optional_text(&form.description, 5000, true));
        let notice_url = errors.check("notice_url", optional_url(&form.notice_url)).flatten();
        let cpv = errors.check("cpv", parse_cpv(&form.cpv)).unwrap_or_default();
        let sector = match form.sector.trim() {
            "" => None,
            code => errors.check("sector", Sector::parse(code)).map(|s| s.code.to_owned()),
        };
        let service_kind = match form.service_kind.trim() {
            "" => None,
            code => errors.check("service_kind", ServiceKind::parse(code)),
        };
        let lots = errors.check("lots", parse_lots(&form.lots, &title)).unwrap_or_default();
        let place = match form.place.trim() {
            "" => None,
            code => errors.check("place", parse_place(code)),
        };
        let radius_km = errors
            .check("radius_km", optional_number(&form.radius_km, 1, 500))
            .flatten()
            .map(|km| km as u16);
        let start_on = errors.check("start_on", day(&form.start_on)).flatten();
        let deadline_on = errors.check("deadline_on", day(&form.deadline_on)).flatten();
        if let Some(deadline) = deadline_on
            && deadline <= today
        {
            errors.add("deadline_on", "La date limite de réponse doit être après aujourd'hui.");
        }
        if let (Some(start), Some(deadline)) = (start_on, deadline_on)
            && start < deadline
        {
            errors.add(
                "start_on",
                "Le début d'exécution ne peut pas précéder la date limite de réponse.",
            );
        }
        let budget = parse_budget(form, &mut errors);
        let structure_kinds = errors
            .check(
                "structure_kind",
                form.structure_kind
                    .iter()
                    .map(|k| StructureKind::parse(k))
                    .collect::<Result<Vec<_>, _>>(),
            )
            .unwrap_or_default();
        let families = errors
            .check(
                "family",
                form.family
                    .iter()
                    .map(|f| {
                        Family::from_code(f.trim()).ok_or("Choisissez une famille de la liste.")
                    })
                    .collect::<Result<Vec<_>, _>>(),
            )
            .unwrap_or_default();
        let questions =
            errors.check("questions", parse_questions(&form.questions)).unwrap_or_default();
        let profile_id = Some(form.profile_id.trim().to_owned()).filter(|p| !p.is_empty());
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            kind,
            title,
            description: description.flatten(),
            notice_url,
            cpv,
            sector,
            service_kind,
            lots,
            place,
            radius_km,
            start_on,
            deadline_on,
            budget,
            structure_kinds,
            families,
            profile_id,
            questions,
            anonymous: matches!(form.anonymous.trim(), "on" | "true" | "1"),
        })
    }

    /// What is still missing before the need may go to the pôle, each next to its field.
    pub fn missing_for_submission(&self, today: Day) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if self.kind.is_none() {
            errors.add("kind", "Choisissez le type de besoin.");
        }
        if self.description.as_deref().is_none_or(|d| d.chars().count() < 20) {
            errors.add("description", "Décrivez le besoin en 20 caractères au moins.");
        }
        if self.kind == Some(NeedKind::Tender) && self.notice_url.is_none() {
            errors.add("notice_url", "Un appel d'offres donne le lien de son avis officiel.");
        }
        if self.sector.is_none() {
            errors.add("sector", "Choisissez le secteur d'activité.");
        }
        if self.service_kind.is_none() {
            errors.add("service_kind", "Choisissez le type de prestation.");
        }
        if self.place.is_none() {
            errors.add("place", "Choisissez la commune d'exécution.");
        }
        match self.deadline_on {
            None => errors.add("deadline_on", "Indiquez la date limite de réponse."),
            Some(deadline) if deadline <= today => {
                errors.add("deadline_on", "La date limite de réponse doit être après aujourd'hui.")
            }
            Some(_) => {}
        }
        if self.budget.is_none() {
            errors.add(
                "budget_kind",
                "Indiquez le budget, une fourchette, ou pourquoi il n'est pas communiqué.",
            );
        }
        errors
    }

    /// The form filled with this text, to edit it.
    pub fn to_form(&self) -> NeedForm {
        let (budget_kind, amount, min, max, reason) = match &self.budget {
            None => (String::new(), String::new(), String::new(), String::new(), String::new()),
            Some(Budget::Exact { cents }) => {
                ("exact".into(), plain_euros(*cents), String::new(), String::new(), String::new())
            }
            Some(Budget::Range { min_cents, max_cents }) => (
                "range".into(),
                String::new(),
                plain_euros(*min_cents),
                plain_euros(*max_cents),
                String::new(),
            ),
            Some(Budget::Withheld { reason }) => {
                ("withheld".into(), String::new(), String::new(), String::new(), reason.clone())
            }
        };
        NeedForm {
            kind: self.kind.map(|k| k.code().to_owned()).unwrap_or_default(),
            title: self.title.clone(),
            description: self.description.clone().unwrap_or_default(),
            notice_url: self.notice_url.clone().unwrap_or_default(),
            cpv: self.cpv.iter().map(Cpv::as_str).collect::<Vec<_>>().join(" "),
            sector: self.sector.clone().unwrap_or_default(),
            service_kind: self.service_kind.map(|k| k.code().to_owned()).unwrap_or_default(),
            lots: lots_text(&self.lots),
            place: self.place.as_ref().map(|p| p.as_str().to_owned()).unwrap_or_default(),
            radius_km: self.radius_km.map(|k| k.to_string()).unwrap_or_default(),
            start_on: self.start_on.map(Day::iso).unwrap_or_default(),
            deadline_on: self.deadline_on.map(Day::iso).unwrap_or_default(),
            budget_kind,
            budget_amount: amount,
            budget_min: min,
            budget_max: max,
            budget_reason: reason,
            structure_kind: self.structure_kinds.iter().map(|k| k.code().to_owned()).collect(),
            family: self.families.iter().map(|f| f.code().to_owned()).collect(),
            profile_id: self.profile_id.clone().unwrap_or_default(),
            questions: self.questions.join("\n"),
            anonymous: if self.anonymous { "on".into() } else { String::new() },
        }
    }
}

fn day(input: &str) -> Result<Option<Day>, String> {
    Ok(optional_date(input)?.and_then(|iso| Day::parse(&iso)))
}

fn parse_cpv(input: &str) -> Result<Vec<Cpv>, String> {
    let mut codes = input
        .split([' ', ',', ';'])
        .filter(|c| !c.trim().is_empty())
        .map(Cpv::parse)
        .collect::<Result<Vec<_>, _>>()?;
    codes.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    codes.dedup();
    if codes.len() > MAX_CPV {
        return Err(format!("Indiquez au plus {MAX_CPV} codes CPV."));
    }
    Ok(codes)
}

/// The place of execution: a commune of the Métropole or of Isère known to the directory.
fn parse_place(code: &str) -> Result<InseeCode, String> {
    let code = InseeCode::parse(code)?;
    if communes::find(code.as_str()).is_none() {
        return Err("Choisissez une commune de la liste.".into());
    }
    Ok(code)
}

fn parse_budget(form: &NeedForm, errors: &mut FieldErrors) -> Option<Budget> {
    match form.budget_kind.trim() {
        "" => None,
        "exact" => errors
            .check("budget_amount", parse_euros(&form.budget_amount))
            .map(|cents| Budget::Exact { cents }),
        "range" => {
            let min = errors.check("budget_min", parse_euros(&form.budget_min));
            let max = errors.check("budget_max", parse_euros(&form.budget_max));
            match (min, max) {
                (Some(min), Some(max)) if min < max => {
                    Some(Budget::Range { min_cents: min, max_cents: max })
                }
                (Some(_), Some(_)) => {
                    errors.add("budget_max", "Le haut de la fourchette doit dépasser son bas.");
                    None
                }
                _ => None,
            }
        }
        "withheld" => match optional_text(&form.budget_reason, 300, false) {
            Ok(Some(reason)) if reason.chars().count() >= 5 => Some(Budget::Withheld { reason }),
            Ok(_) => {
                errors.add("budget_reason", "Dites pourquoi le budget n'est pas communiqué.");
                None
            }
            Err(e) => {
                errors.add("budget_reason", e);
                None
            }
        },
        _ => {
            errors.add("budget_kind", "Choisissez comment le budget est indiqué.");
            None
        }
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    pub fn today() -> Day {
        Day::parse("2026-12-01").expect("day")
    }

    /// A form every field of which is filled and valid.
    pub fn filled() -> NeedForm {
        NeedForm {
            kind: "quote".into(),
            title: "Entretien des espaces verts du parc Paul-Mistral".into(),
            description: "Tonte, taille des haies et ramassage des feuilles, d'avril à octobre."
                .into(),
            cpv: "77310000".into(),
            sector: "espaces-verts".into(),
            service_kind: "service".into(),
            lots: "Tonte ; 12 ; passages\nTaille des haies ; 2 ; passages".into(),
            place: "38185".into(),
            start_on: "2027-03-01".into(),
            deadline_on: "2027-01-15".into(),
            budget_kind: "range".into(),
            budget_min: "20 000".into(),
            budget_max: "30 000".into(),
            structure_kind: vec!["ACI".into(), "EI".into()],
            questions: "Combien de personnes en insertion sur le chantier ?".into(),
            ..NeedForm::default()
        }
    }

    #[test]
    fn a_filled_form_parses_and_may_be_submitted() {
        let text = NeedText::parse(&filled(), today()).expect("valid");
        assert_eq!(text.lots.len(), 2);
        assert_eq!(text.budget, Some(Budget::Range { min_cents: 2_000_000, max_cents: 3_000_000 }));
        assert!(text.missing_for_submission(today()).is_empty());
        assert_eq!(NeedText::parse(&text.to_form(), today()), Ok(text));
    }

    #[test]
    fn a_draft_needs_only_a_title_but_submitting_asks_for_the_rest() {
        let form = NeedForm { title: "Traiteur pour un séminaire".into(), ..NeedForm::default() };
        let text = NeedText::parse(&form, today()).expect("a draft");
        let missing = text.missing_for_submission(today());
        for field in
            ["kind", "description", "sector", "service_kind", "place", "deadline_on", "budget_kind"]
        {
            assert!(missing.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn each_wrong_field_gets_its_french_message() {
        let form = NeedForm {
            kind: "enchere".into(),
            title: "abc".into(),
            cpv: "7731".into(),
            sector: "astrologie".into(),
            place: "75056".into(),
            deadline_on: "2026-11-30".into(),
            start_on: "2026-11-01".into(),
            budget_kind: "range".into(),
            budget_min: "30 000".into(),
            budget_max: "20 000".into(),
            structure_kind: vec!["XYZ".into()],
            lots: "Tonte ; beaucoup".into(),
            ..filled()
        };
        let errors = NeedText::parse(&form, today()).expect_err("invalid");
        for field in [
            "kind",
            "title",
            "cpv",
            "sector",
            "place",
            "deadline_on",
            "start_on",
            "budget_max",
            "structure_kind",
            "lots",
        ] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        let withheld = NeedForm { budget_kind: "withheld".into(), ..filled() };
        let errors = NeedText::parse(&withheld, today()).expect_err("no reason");
        assert!(errors.get("budget_reason").is_some());
        let tender = NeedForm { kind: "tender".into(), ..filled() };
        let text = NeedText::parse(&tender, today()).expect("valid");
        assert!(text.missing_for_submission(today()).get("notice_url").is_some());
    }
}
