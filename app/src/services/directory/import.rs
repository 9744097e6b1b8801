//! CSV import of structures and offers, by the pôle.
//!
//! An import is all or nothing: when any row has an error, nothing is stored and every error
//! is reported, in French, with its file, line and column. A partial import would leave a
//! file half applied, and running it again once fixed would then collide with the rows already
//! stored; all or nothing lets the pôle fix the file and run it again as is. A dry run checks
//! the same way and never stores.

use std::collections::HashMap;

use super::{
    csv_files::{read_offers, read_structures},
    store::{NewStructure, store_offer, store_published},
};
use crate::{
    db::{Db, structures},
    domain::{
        FieldErrors,
        calendar::year_of,
        directory::{Activity, OfferDetails, StructureProfile},
    },
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub file: &'static str,
    pub line: usize,
    pub column: String,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub structures: usize,
    pub offers: usize,
    pub errors: Vec<RowError>,
    pub stored: bool,
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for e in &self.errors {
            if e.line == 0 {
                writeln!(f, "{} : {}", e.file, e.message)?;
            } else {
                writeln!(f, "{}, ligne {}, colonne {} : {}", e.file, e.line, e.column, e.message)?;
            }
        }
        if self.stored {
            write!(f, "Importé : {} structures et {} offres.", self.structures, self.offers)
        } else if self.errors.is_empty() {
            write!(
                f,
                "Essai sans enregistrement : {} structures et {} offres seraient importées.",
                self.structures, self.offers
            )
        } else {
            write!(f, "{} erreur(s) : rien n'a été importé.", self.errors.len())
        }
    }
}

/// The CSV column of a form field, to point at the cell to fix.
fn structure_column(field: &str) -> &str {
    match field {
        "name" => "nom",
        "brand" => "enseigne",
        "naf" => "code_naf",
        "legal_form" => "forme_juridique",
        "kinds" => "typologie",
        "esus_agreed_on" => "date_agrement_esus",
        "networks" => "reseaux",
        "year_founded" => "annee_creation",
        "description" => "presentation_detail",
        "contact_name" => "contact_nom",
        "contact_email" => "courriel",
        "contact_phone" => "telephone",
        "website" => "site_web",
        "address" => "adresse",
        "commune" | "other_insee" => "code_insee",
        "commune_name" => "commune",
        "postcode" => "code_postal",
        "permanent_staff" => "effectif_permanent",
        "insertion_staff" => "effectif_insertion",
        "disabled_share" => "part_travailleurs_handicapes",
        "detainee_share" => "part_travailleurs_detenus",
        "insertion_hours_capacity" => "heures_insertion_annuelles",
        "turnover_band" => "tranche_ca",
        "client_references" => "references_clients",
        "sector" => "secteurs",
        "service_kind" => "type_prestation",
        "reach" => "zone_intervention",
        other => other,
    }
}

fn offer_column(field: &str) -> &str {
    match field {
        "title" => "nom",
        "description" => "presentation_detail",
        "cpv" => "codes_cpv",
        "service_kind" => "type_prestation",
        "unit" => "unite",
        "price" => "prix_ht",
        "min_quantity" => "quantite_min",
        "max_quantity" => "quantite_max",
        "lead_time" => "delai",
        "reach" => "zone_intervention",
        other => other,
    }
}

struct Collector {
    errors: Vec<RowError>,
}

impl Collector {
    fn add(&mut self, file: &'static str, line: usize, column: &str, message: impl Into<String>) {
        self.errors.push(RowError {
            file,
            line,
            column: column.to_owned(),
            message: message.into(),
        });
    }

    fn fields(
        &mut self,
        file: &'static str,
        line: usize,
        errors: &FieldErrors,
        column: fn(&str) -> &str,
    ) {
        for field in errors.fields() {
            self.add(file, line, column(field), errors.get(field).unwrap_or_default());
        }
    }
}

const STRUCTURES: &str = "structures";
const OFFERS: &str = "offres";

/// Checks both files and, unless `dry_run` or an error was found, stores everything in one
/// transaction.
#[tracing::instrument(skip_all, fields(dry_run))]
pub async fn import(
    db: &Db,
    now: i64,
    structures_csv: Option<&str>,
    offers_csv: Option<&str>,
    dry_run: bool,
    origin: &str,
) -> Result<ImportReport, sqlx::Error> {
    let mut found = Collector { errors: Vec::new() };
    let mut new: Vec<NewStructure> = Vec::new();
    let mut by_siret: HashMap<String, usize> = HashMap::new();
    let year = year_of(now);

    if let Some(text) = structures_csv {
        match read_structures(text) {
            Err(message) => found.add(STRUCTURES, 0, "", message),
            Ok(rows) => {
                for (line, record) in rows {
                    let profile = match StructureProfile::parse(&record.profile, year) {
                        Ok(profile) => profile,
                        Err(errors) => {
                            found.fields(STRUCTURES, line, &errors, structure_column);
                            continue;
                        }
                    };
                    let mut ok = true;
                    let Some(siret) = profile.siret.clone() else {
                        found.add(STRUCTURES, line, "siret", "Indiquez le numéro SIRET.");
                        continue;
                    };
                    if profile.kinds.is_empty() {
                        found.add(
                            STRUCTURES,
                            line,
                            "typologie",
                            "Indiquez le type de structure (ACI, EA, SCOP…).",
                        );
                        ok = false;
                    }
                    if profile.place.is_none() {
                        found.add(
                            STRUCTURES,
                            line,
                            "code_insee",
                            "Indiquez la commune (code INSEE).",
                        );
                        ok = false;
                    }
                    if by_siret.contains_key(siret.as_str()) {
                        found.add(
                            STRUCTURES,
                            line,
                            "siret",
                            "Ce SIRET figure déjà plus haut dans le fichier.",
                        );
                        ok = false;
                    } else if structures::siret_exists(db, siret.as_str()).await? {
                        found.add(
                            STRUCTURES,
                            line,
                            "siret",
                            "Une structure de l'annuaire a déjà ce SIRET.",
                        );
                        ok = false;
                    }
                    let mut activities = Vec::new();
                    for form in &record.activities {
                        match Activity::parse(form) {
                            Ok(activity) => activities.push(activity),
                            Err(errors) => {
                                found.fields(STRUCTURES, line, &errors, structure_column);
                                ok = false;
                            }
                        }
                    }
                    if ok {
                        by_siret.insert(siret.as_str().to_owned(), new.len());
                        new.push(NewStructure {
                            profile,
                            activities,
                            offers: Vec::new(),
                            certifications: Vec::new(),
                        });
                    }
                }
            }
        }
    }

    let mut extra_offers: Vec<(String, String, OfferDetails)> = Vec::new();
    let mut offer_count = 0;
    if let Some(text) = offers_csv {
        match read_offers(text) {
            Err(message) => found.add(OFFERS, 0, "", message),
            Ok(rows) => {
                let mut in_directory: HashMap<String, Option<(String, String)>> = HashMap::new();
                for (line, record) in rows {
                    let details = match OfferDetails::parse(&record.offer) {
                        Ok(details) => details,
                        Err(errors) => {
                            found.fields(OFFERS, line, &errors, offer_column);
                            continue;
                        }
                    };
                    if let Some(&index) = by_siret.get(&record.siret) {
                        new[index].offers.push(details);
                        offer_count += 1;
                        continue;
                    }
                    if !in_directory.contains_key(&record.siret) {
                        let row = structures::published_by_siret(db, &record.siret).await?;
                        in_directory.insert(record.siret.clone(), row.map(|r| (r.id, r.name)));
                    }
                    if let Some(Some((id, name))) = in_directory.get(&record.siret) {
                        extra_offers.push((id.clone(), name.clone(), details));
                        offer_count += 1;
                    } else {
                        found.add(
                            OFFERS,
                            line,
                            "siret",
                            "Aucune structure de ce SIRET dans le fichier des structures ni dans l'annuaire publié.",
                        );
                    }
                }
            }
        }
    }

    let mut report = ImportReport {
        structures: new.len(),
        offers: offer_count,
        errors: found.errors,
        stored: false,
    };
    if dry_run || !report.errors.is_empty() {
        return Ok(report);
    }
    let mut tx = crate::db::begin(db).await?;
    for structure in &new {
        store_published(&mut tx, structure, origin, now).await?;
    }
    for (structure_id, name, details) in &extra_offers {
        store_offer(&mut tx, structure_id, name, details, now).await?;
    }
    tx.commit().await?;
    report.stored = true;
    tracing::info!(structures = report.structures, offers = report.offers, "directory imported");
    Ok(report)
}
