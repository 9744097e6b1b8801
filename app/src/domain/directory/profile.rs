//! A supplier structure's profile as its owner edits it: every field parsed once, each error
//! in French next to its field.

use serde::{Deserialize, Serialize};

use super::{
    codes::{InseeCode, Naf, Postcode, Rna},
    communes,
    kind::{StructureKind, parse_kinds},
    siret::Siret,
    text::{
        optional_date, optional_decimal, optional_email, optional_number, optional_phone,
        optional_text, optional_url, required_text,
    },
};
use crate::domain::FieldErrors;

/// The profile form as sent by the browser or read from a CSV row: text, parsed here.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StructureForm {
    pub name: String,
    pub brand: String,
    pub siret: String,
    pub rna: String,
    pub naf: String,
    pub legal_form: String,
    /// Kind codes separated by commas (a CSV cell) …
    pub kinds: String,
    /// … or one code per checkbox (a form).
    pub kind: Vec<String>,
    pub esus_agreed_on: String,
    pub networks: String,
    pub year_founded: String,
    pub description: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    pub address: String,
    /// An INSEE code of the Métropole, or `other` (then `other_insee`, `postcode`,
    /// `commune_name`).
    pub commune: String,
    pub other_insee: String,
    pub commune_name: String,
    pub postcode: String,
    pub latitude: String,
    pub longitude: String,
    pub permanent_staff: String,
    pub insertion_staff: String,
    pub disabled_share: String,
    pub detainee_share: String,
    pub insertion_hours_capacity: String,
    pub turnover_band: String,
    pub client_references: String,
}

impl StructureForm {
    /// The values typed, to put back in the form after a plain form post with errors
    /// (`v_<field>`; kinds as one list).
    pub fn typed_values(&self) -> Vec<(String, String)> {
        let mut kinds: Vec<String> = self.kind.clone();
        if !self.kinds.trim().is_empty() {
            kinds.push(self.kinds.clone());
        }
        let fields: [(&str, &String); 30] = [
            ("name", &self.name),
            ("brand", &self.brand),
            ("siret", &self.siret),
            ("rna", &self.rna),
            ("naf", &self.naf),
            ("legal_form", &self.legal_form),
            ("esus_agreed_on", &self.esus_agreed_on),
            ("networks", &self.networks),
            ("year_founded", &self.year_founded),
            ("description", &self.description),
            ("contact_name", &self.contact_name),
            ("contact_email", &self.contact_email),
            ("contact_phone", &self.contact_phone),
            ("website", &self.website),
            ("address", &self.address),
            ("commune", &self.commune),
            ("other_insee", &self.other_insee),
            ("commune_name", &self.commune_name),
            ("postcode", &self.postcode),
            ("latitude", &self.latitude),
            ("longitude", &self.longitude),
            ("permanent_staff", &self.permanent_staff),
            ("insertion_staff", &self.insertion_staff),
            ("disabled_share", &self.disabled_share),
            ("detainee_share", &self.detainee_share),
            ("insertion_hours_capacity", &self.insertion_hours_capacity),
            ("turnover_band", &self.turnover_band),
            ("client_references", &self.client_references),
            ("kinds", &kinds.join(",")),
            ("kind", &String::new()),
        ];
        fields
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_owned(), v.clone()))
            .collect()
    }
}

/// Bands of yearly turnover, as buyers ask for them.
pub const TURNOVER_BANDS: &[(&str, &str)] = &[
    ("lt100k", "Moins de 100 000 €"),
    ("100k-500k", "100 000 € à 500 000 €"),
    ("500k-2m", "500 000 € à 2 M€"),
    ("2m-10m", "2 M€ à 10 M€"),
    ("gt10m", "Plus de 10 M€"),
];

/// Where the structure is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub address: Option<String>,
    pub insee: InseeCode,
    pub commune_name: String,
    pub postcode: Postcode,
    /// Latitude and longitude, when known.
    pub coordinates: Option<(f64, f64)>,
}

/// Social facts a buyer weighs; their date of update is kept beside them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SocialFacts {
    pub permanent_staff: Option<i64>,
    pub insertion_staff: Option<i64>,
    /// Share of disabled workers, in percent.
    pub disabled_share: Option<f64>,
    /// Share of workers who are detainees (prison work), in percent.
    pub detainee_share: Option<f64>,
    /// Insertion hours the structure can perform in a year (social clauses).
    pub insertion_hours_capacity: Option<i64>,
    pub turnover_band: Option<String>,
    pub client_references: Option<String>,
}

/// A parsed profile. Fields a draft may leave empty are optional; [`StructureProfile::missing`]
/// says what submission still needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructureProfile {
    pub name: String,
    pub brand: Option<String>,
    pub siret: Option<Siret>,
    pub rna: Option<Rna>,
    pub naf: Option<Naf>,
    pub legal_form: Option<String>,
    pub kinds: Vec<StructureKind>,
    pub esus_agreed_on: Option<String>,
    pub networks: Option<String>,
    pub year_founded: Option<i64>,
    pub description: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub website: Option<String>,
    pub place: Option<Place>,
    pub facts: SocialFacts,
}

impl StructureProfile {
    /// Parses the form; `current_year` bounds the year founded.
    pub fn parse(form: &StructureForm, current_year: i64) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check(
            "name",
            required_text(&form.name, 150, false, "Indiquez le nom de la structure."),
        );
        let brand = errors.check("brand", optional_text(&form.brand, 150, false)).flatten();
        let siret = errors.check("siret", optional(&form.siret, Siret::parse)).flatten();
        let rna = errors.check("rna", optional(&form.rna, Rna::parse)).flatten();
        let naf = errors.check("naf", optional(&form.naf, Naf::parse)).flatten();
        let legal_form =
            errors.check("legal_form", optional_text(&form.legal_form, 80, false)).flatten();
        let all_kinds = [form.kinds.as_str()]
            .into_iter()
            .chain(form.kind.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(",");
        let kinds = errors.check("kinds", parse_kinds(&all_kinds)).unwrap_or_default();
        let esus_agreed_on =
            errors.check("esus_agreed_on", optional_date(&form.esus_agreed_on)).flatten();
        let networks =
            errors.check("networks", optional_text(&form.networks, 300, false)).flatten();
        let year_founded = errors
            .check("year_founded", optional_number(&form.year_founded, 1800, current_year))
            .flatten();
        let description =
            errors.check("description", optional_text(&form.description, 5000, true)).flatten();
        let contact_name =
            errors.check("contact_name", optional_text(&form.contact_name, 120, false)).flatten();
        let contact_email =
            errors.check("contact_email", optional_email(&form.contact_email)).flatten();
        let contact_phone =
            errors.check("contact_phone", optional_phone(&form.contact_phone)).flatten();
        let website = errors.check("website", optional_url(&form.website)).flatten();
        let place = parse_place(form, &mut errors);
        let facts = parse_facts(form, &mut errors);
        match name {
            Some(name) if errors.is_empty() => Ok(Self {
                name,
                brand,
                siret,
                rna,
                naf,
                legal_form,
                kinds,
                esus_agreed_on,
                networks,
                year_founded,
                description,
                contact_name,
                contact_email,
                contact_phone,
                website,
                place,
                facts,
            }),
            _ => Err(errors),
        }
    }
}

fn optional<T>(
    input: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<Option<T>, String> {
    if input.trim().is_empty() { Ok(None) } else { parse(input).map(Some) }
}

fn parse_place(form: &StructureForm, errors: &mut FieldErrors) -> Option<Place> {
    let address = errors.check("address", optional_text(&form.address, 200, false)).flatten();
    let coordinates = parse_coordinates(form, errors);
    let commune = form.commune.trim();
    let (insee, commune_name, postcode) = match commune {
        "" => {
            if address.is_some() || coordinates.is_some() {
                errors.add("commune", "Choisissez la commune de la structure.");
            }
            return None;
        }
        "other" => {
            let insee = errors.check("other_insee", InseeCode::parse(&form.other_insee));
            let name = errors.check(
                "commune_name",
                required_text(&form.commune_name, 100, false, "Indiquez le nom de la commune."),
            );
            let postcode = errors.check("postcode", Postcode::parse(&form.postcode));
            (insee?, name?, postcode?)
        }
        code => {
            let Some(known) = communes::find(code) else {
                errors.add("commune", "Choisissez une commune de la liste, ou « autre commune ».");
                return None;
            };
            let postcode = if form.postcode.trim().is_empty() {
                Postcode::parse(known.postcodes.first().copied().unwrap_or_default()).ok()?
            } else {
                let postcode = errors.check("postcode", Postcode::parse(&form.postcode))?;
                if !known.postcodes.contains(&postcode.as_str()) {
                    errors.add(
                        "postcode",
                        format!(
                            "Le code postal de {} est {}.",
                            known.name,
                            known.postcodes.join(" ou ")
                        ),
                    );
                    return None;
                }
                postcode
            };
            (InseeCode::parse(known.insee).ok()?, known.name.to_owned(), postcode)
        }
    };
    Some(Place { address, insee, commune_name, postcode, coordinates })
}

fn parse_coordinates(form: &StructureForm, errors: &mut FieldErrors) -> Option<(f64, f64)> {
    let latitude =
        errors.check("latitude", optional_decimal(&form.latitude, -90.0, 90.0)).flatten();
    let longitude =
        errors.check("longitude", optional_decimal(&form.longitude, -180.0, 180.0)).flatten();
    match (latitude, longitude) {
        (Some(lat), Some(lng)) => Some((lat, lng)),
        (None, None) => None,
        (Some(_), None) => {
            errors.add("longitude", "Indiquez aussi la longitude.");
            None
        }
        (None, Some(_)) => {
            errors.add("latitude", "Indiquez aussi la latitude.");
            None
        }
    }
}

fn parse_facts(form: &StructureForm, errors: &mut FieldErrors) -> SocialFacts {
    let turnover_band = match form.turnover_band.trim() {
        "" => None,
        band if TURNOVER_BANDS.iter().any(|(code, _)| *code == band) => Some(band.to_owned()),
        _ => {
            errors
                .add("turnover_band", "Choisissez une tranche de chiffre d'affaires de la liste.");
            None
        }
    };
    SocialFacts {
        permanent_staff: errors
            .check("permanent_staff", optional_number(&form.permanent_staff, 0, 100_000))
            .flatten(),
        insertion_staff: errors
            .check("insertion_staff", optional_number(&form.insertion_staff, 0, 100_000))
            .flatten(),
        disabled_share: errors
            .check("disabled_share", optional_decimal(&form.disabled_share, 0.0, 100.0))
            .flatten(),
        detainee_share: errors
            .check("detainee_share", optional_decimal(&form.detainee_share, 0.0, 100.0))
            .flatten(),
        insertion_hours_capacity: errors
            .check(
                "insertion_hours_capacity",
                optional_number(&form.insertion_hours_capacity, 0, 10_000_000),
            )
            .flatten(),
        turnover_band,
        client_references: errors
            .check("client_references", optional_text(&form.client_references, 2000, true))
            .flatten(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn filled() -> StructureForm {
        StructureForm {
            name: "Régie de quartier Villeneuve".into(),
            siret: "73282932000074".into(),
            kinds: "RQ, ASSO".into(),
            description: "Entretien des espaces verts et nettoyage.".into(),
            contact_email: "contact@regie.example".into(),
            commune: "38185".into(),
            latitude: "45,1667".into(),
            longitude: "5.7333".into(),
            permanent_staff: "12".into(),
            ..StructureForm::default()
        }
    }

    #[test]
    fn a_filled_form_parses() {
        let profile = StructureProfile::parse(&filled(), 2026).expect("valid");
        assert_eq!(profile.kinds, vec![StructureKind::Rq, StructureKind::Asso]);
        let place = profile.place.expect("place");
        assert_eq!(place.commune_name, "Grenoble");
        assert_eq!(place.postcode.as_str(), "38000");
        assert_eq!(place.coordinates, Some((45.1667, 5.7333)));
        assert_eq!(profile.facts.permanent_staff, Some(12));
    }

    #[test]
    fn each_wrong_field_gets_its_french_message() {
        let form = StructureForm {
            siret: "73282932000075".into(),
            kinds: "XYZ".into(),
            year_founded: "3000".into(),
            latitude: "45.2".into(),
            postcode: "69000".into(),
            ..filled()
        };
        let errors = StructureProfile::parse(&form, 2026).expect_err("invalid");
        assert!(errors.get("siret").expect("siret").contains("n'existe pas"));
        assert!(errors.get("kinds").is_some());
        assert!(errors.get("year_founded").is_some());
        assert!(errors.get("postcode").expect("postcode").contains("38000"));
        assert!(errors.get("name").is_none());
    }

    #[test]
    fn another_commune_needs_its_code_name_and_postcode() {
        let form = StructureForm { commune: "other".into(), ..filled() };
        let errors = StructureProfile::parse(&form, 2026).expect_err("incomplete");
        assert!(errors.get("other_insee").is_some());
        assert!(errors.get("commune_name").is_some());
        let form = StructureForm {
            commune: "other".into(),
            other_insee: "38563".into(),
            commune_name: "Voiron".into(),
            postcode: "38500".into(),
            ..filled()
        };
        let place = StructureProfile::parse(&form, 2026).expect("ok").place.expect("place");
        assert_eq!(place.commune_name, "Voiron");
    }

    #[test]
    fn a_draft_needs_only_a_name() {
        let form = StructureForm { name: "SCOP Atelier".into(), ..StructureForm::default() };
        let profile = StructureProfile::parse(&form, 2026).expect("a draft");
        assert!(profile.siret.is_none() && profile.place.is_none());
        assert!(StructureProfile::parse(&StructureForm::default(), 2026).is_err());
    }
}
