//! The directory's CSV files. Column names follow data·inclusion's schema where it has the
//! field (`siret`, `nom`, `typologie`, `courriel`, `telephone`, `site_web`, `adresse`,
//! `code_insee`, `commune`, `code_postal`, `latitude`, `longitude`, `presentation_detail`);
//! the others are Ecossol's own, in the same style. Cells holding lists separate values with
//! `|`.

use crate::domain::{
    csv_cell,
    directory::{ActivityForm, OfferForm, StructureForm},
};

pub const STRUCTURE_COLUMNS: &[&str] = &[
    "siret",
    "nom",
    "enseigne",
    "rna",
    "code_naf",
    "forme_juridique",
    "typologie",
    "date_agrement_esus",
    "reseaux",
    "annee_creation",
    "presentation_detail",
    "contact_nom",
    "courriel",
    "telephone",
    "site_web",
    "adresse",
    "code_insee",
    "commune",
    "code_postal",
    "latitude",
    "longitude",
    "effectif_permanent",
    "effectif_insertion",
    "part_travailleurs_handicapes",
    "part_travailleurs_detenus",
    "heures_insertion_annuelles",
    "tranche_ca",
    "references_clients",
    "secteurs",
    "type_prestation",
    "zone_intervention",
    "rayon_km",
    "communes_intervention",
];

pub const OFFER_COLUMNS: &[&str] = &[
    "siret",
    "nom",
    "presentation_detail",
    "secteur",
    "codes_cpv",
    "type_prestation",
    "unite",
    "prix_ht",
    "sur_devis",
    "quantite_min",
    "quantite_max",
    "delai",
    "zone_intervention",
    "rayon_km",
    "communes_intervention",
];

/// A structure as one CSV row holds it: its profile and its activities (one per sector, all
/// of the row's kind of service and reach).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StructureRecord {
    pub profile: StructureForm,
    pub activities: Vec<ActivityForm>,
}

/// An offer as one CSV row holds it, with its structure's SIRET.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfferRecord {
    pub siret: String,
    pub offer: OfferForm,
}

/// A file's header (lower-cased names) and its non-empty records with their line numbers.
type Rows = (Vec<String>, Vec<(usize, csv::StringRecord)>);

/// A row of a file, by column name.
struct Row<'a> {
    headers: &'a [String],
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    fn get(&self, column: &str) -> String {
        self.headers
            .iter()
            .position(|h| h == column)
            .and_then(|i| self.record.get(i))
            .map(|cell| csv_cell::restored(cell.trim()).trim())
            .unwrap_or_default()
            .to_owned()
    }
}

/// The rows of `text` (1-based line numbers of the file, header on line 1), or why the file
/// cannot be read at all. `required` columns must be in the header.
fn rows(text: &str, required: &[&str]) -> Result<Rows, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter =
        if text.lines().next().is_some_and(|h| h.matches(';').count() > h.matches(',').count()) {
            b';'
        } else {
            b','
        };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("La ligne d'en-tête est illisible : {e}"))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let missing: Vec<&str> =
        required.iter().copied().filter(|c| !headers.iter().any(|h| h == c)).collect();
    if !missing.is_empty() {
        return Err(format!("Colonnes obligatoires absentes : {}.", missing.join(", ")));
    }
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("Ligne {} illisible : {e}", i + 2))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        out.push((i + 2, record));
    }
    Ok((headers, out))
}

fn list(cell: &str) -> Vec<String> {
    cell.split('|').map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()).collect()
}

pub fn read_structures(text: &str) -> Result<Vec<(usize, StructureRecord)>, String> {
    let (headers, records) = rows(text, &["siret", "nom"])?;
    Ok(records
        .iter()
        .map(|(line, record)| {
            let row = Row { headers: &headers, record };
            let insee = row.get("code_insee");
            let in_metropole = crate::domain::directory::communes::find(&insee).is_some();
            let profile = StructureForm {
                name: row.get("nom"),
                brand: row.get("enseigne"),
                siret: row.get("siret"),
                rna: row.get("rna"),
                naf: row.get("code_naf"),
                legal_form: row.get("forme_juridique"),
                kinds: list(&row.get("typologie")).join(","),
                kind: Vec::new(),
                esus_agreed_on: row.get("date_agrement_esus"),
                networks: row.get("reseaux"),
                year_founded: row.get("annee_creation"),
                description: row.get("presentation_detail"),
                contact_name: row.get("contact_nom"),
                contact_email: row.get("courriel"),
                contact_phone: row.get("telephone"),
                website: row.get("site_web"),
                address: row.get("adresse"),
                commune: match (insee.is_empty(), in_metropole) {
                    (true, _) => String::new(),
                    (false, true) => insee.clone(),
                    (false, false) => "other".into(),
                },
                other_insee: if in_metropole { String::new() } else { insee.clone() },
                commune_name: if in_metropole { String::new() } else { row.get("commune") },
                postcode: row.get("code_postal"),
                latitude: row.get("latitude"),
                longitude: row.get("longitude"),
                permanent_staff: row.get("effectif_permanent"),
                insertion_staff: row.get("effectif_insertion"),
                disabled_share: row.get("part_travailleurs_handicapes"),
                detainee_share: row.get("part_travailleurs_detenus"),
                insertion_hours_capacity: row.get("heures_insertion_annuelles"),
                turnover_band: row.get("tranche_ca"),
                client_references: row.get("references_clients"),
            };
            let activities = list(&row.get("secteurs"))
                .into_iter()
                .map(|sector| ActivityForm {
                    sector,
                    service_kind: row.get("type_prestation"),
                    reach: row.get("zone_intervention"),
                    reach_km: row.get("rayon_km"),
                    reach_communes: list(&row.get("communes_intervention")).join(" "),
                })
                .collect();
            (*line, StructureRecord { profile, activities })
        })
        .collect())
}

pub fn read_offers(text: &str) -> Result<Vec<(usize, OfferRecord)>, String> {
    let (headers, records) = rows(text, &["siret", "nom", "secteur"])?;
    Ok(records
        .iter()
        .map(|(line, record)| {
            let row = Row { headers: &headers, record };
            let on_quote = matches!(
                row.get("sur_devis").to_lowercase().as_str(),
                "oui" | "1" | "true" | "vrai"
            );
            let offer = OfferForm {
                title: row.get("nom"),
                description: row.get("presentation_detail"),
                sector: row.get("secteur"),
                cpv: list(&row.get("codes_cpv")).join(" "),
                service_kind: row.get("type_prestation"),
                unit: row.get("unite"),
                price: row.get("prix_ht"),
                on_quote: on_quote.then(|| "on".to_owned()),
                min_quantity: row.get("quantite_min"),
                max_quantity: row.get("quantite_max"),
                lead_time: row.get("delai"),
                reach: row.get("zone_intervention"),
                reach_km: row.get("rayon_km"),
                reach_communes: list(&row.get("communes_intervention")).join(" "),
            };
            (*line, OfferRecord { siret: row.get("siret").replace(' ', ""), offer })
        })
        .collect())
}

/// Writes structures with the columns of [`STRUCTURE_COLUMNS`].
pub fn write_structures(records: &[StructureRecord]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(STRUCTURE_COLUMNS).expect("in memory");
    for record in records {
        let p = &record.profile;
        let first = record.activities.first().cloned().unwrap_or_default();
        let sectors: Vec<&str> = record.activities.iter().map(|a| a.sector.as_str()).collect();
        let (insee, commune) = if p.commune == "other" {
            (p.other_insee.clone(), p.commune_name.clone())
        } else {
            let name =
                crate::domain::directory::communes::find(&p.commune).map(|c| c.name.to_owned());
            (p.commune.clone(), name.unwrap_or_default())
        };
        let cells = [
            p.siret.clone(),
            p.name.clone(),
            p.brand.clone(),
            p.rna.clone(),
            p.naf.clone(),
            p.legal_form.clone(),
            p.kinds.replace(", ", "|").replace(',', "|"),
            p.esus_agreed_on.clone(),
            p.networks.clone(),
            p.year_founded.clone(),
            p.description.clone(),
            p.contact_name.clone(),
            p.contact_email.clone(),
            p.contact_phone.clone(),
            p.website.clone(),
            p.address.clone(),
            insee,
            commune,
            p.postcode.clone(),
            p.latitude.clone(),
            p.longitude.clone(),
            p.permanent_staff.clone(),
            p.insertion_staff.clone(),
            p.disabled_share.clone(),
            p.detainee_share.clone(),
            p.insertion_hours_capacity.clone(),
            p.turnover_band.clone(),
            p.client_references.clone(),
            sectors.join("|"),
            first.service_kind,
            first.reach,
            first.reach_km,
            first.reach_communes.replace(' ', "|"),
        ];
        writer
            .write_record(cells.iter().map(|c| csv_cell::defused(c).into_owned()))
            .expect("in memory");
    }
    String::from_utf8(writer.into_inner().expect("in memory")).expect("UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structures_round_trip_through_csv() {
        let record = StructureRecord {
            profile: StructureForm {
                name: "Régie, « Villeneuve »".into(),
                siret: "73282932000074".into(),
                kinds: "ASSO,RQ".into(),
                commune: "38185".into(),
                description: "Ligne 1\n\nLigne 2".into(),
                ..StructureForm::default()
            },
            activities: vec![
                ActivityForm {
                    sector: "espaces-verts".into(),
                    service_kind: "service".into(),
                    reach: "metropole".into(),
                    ..Default::default()
                },
                ActivityForm {
                    sector: "nettoyage-locaux".into(),
                    service_kind: "service".into(),
                    reach: "metropole".into(),
                    ..Default::default()
                },
            ],
        };
        let text = write_structures(std::slice::from_ref(&record));
        let read = read_structures(&text).expect("readable");
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].0, 2);
        assert_eq!(read[0].1.profile.name, record.profile.name);
        assert_eq!(read[0].1.profile.description, record.profile.description);
        assert_eq!(read[0].1.profile.kinds, "ASSO,RQ");
        assert_eq!(read[0].1.activities, record.activities);
    }

    #[test]
    fn formulas_are_exported_as_text_and_imported_back_as_typed() {
        let record = StructureRecord {
            profile: StructureForm {
                name: "=HYPERLINK(\"https://evil.example\",\"Voir\")".into(),
                contact_phone: "+33 4 76 00 00 00".into(),
                ..StructureForm::default()
            },
            activities: Vec::new(),
        };
        let text = write_structures(std::slice::from_ref(&record));
        assert!(text.contains("\"'=HYPERLINK("), "{text}");
        assert!(text.contains(",'+33 4 76 00 00 00,"), "{text}");
        let read = read_structures(&text).expect("readable");
        assert_eq!(read[0].1.profile.name, record.profile.name);
        assert_eq!(read[0].1.profile.contact_phone, record.profile.contact_phone);
    }

    #[test]
    fn semicolons_and_missing_columns() {
        let read =
            read_offers("siret;nom;secteur;sur_devis\n732 829 320 00074;Tonte;espaces-verts;oui\n")
                .expect("ok");
        assert_eq!(read[0].1.siret, "73282932000074");
        assert_eq!(read[0].1.offer.on_quote.as_deref(), Some("on"));
        let error = read_structures("nom\nX\n").expect_err("no siret column");
        assert!(error.contains("siret"), "{error}");
    }
}
