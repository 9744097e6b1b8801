//! A public buyer's line as a DECP v2 `marche` (arrêté of 22 December 2022, schema
//! `schema_decp_v2.0.3.json`, which allows no other field).
//!
//! **Which lines**: those with the buyer's SIRET (`acheteur.id`), the supplier's SIRET
//! (`titulaire`), a CPV code, a day (not a year alone: `dateNotification` is a day) and at
//! least 1 € HT (`montant` ≥ 1). The others stay in the CSV file only: DECP cannot describe
//! them without inventing a number.
//!
//! **Fields the ledger does not hold**: the schema requires them all, so each gets the value
//! the schema allows that claims the least:
//! - `techniques`, `modalitesExecution`: « Sans objet » (the schema's own « nothing to say »);
//! - `ccag`: « Pas de CCAG » (no general conditions were recorded with the purchase);
//! - `offresRecues`: 1, the schema's minimum (the offer retained, at least, was received);
//! - `marcheInnovant`, `attributionAvance`, `sousTraitanceDeclaree`: false (none recorded);
//! - `typeGroupementOperateurs`: « Pas de groupement » (each line has one supplier);
//! - `procedure`: the stored one when it is a DECP procedure, else « Procédure adaptée », the
//!   procedure of the purchases below the formal thresholds that buyers' files list;
//! - `dureeMois`: the stored duration, else 1 (the schema's minimum; most lines are single
//!   purchases);
//! - `typesPrix` « Définitif ferme » and `formePrix` « Forfaitaire »: the line's amount is a
//!   settled total;
//! - `lieuExecution`: the stored place, else France (`FR`, « Code pays »);
//! - `considerationsEnvironnementales`: the stored ones, else « Pas de considération
//!   environnementale » (none recorded);
//! - `objet`: the subject, else the category, else « Achat (code CPV …) »;
//! - `datePublicationDonnees`: the day the line entered Ecossol's ledger.
//!
//! The `/donnees` page says the same. The CSV file gives the ledger's own values (empty when
//! unknown) for whoever needs to tell them apart.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::social;
use crate::{db::open_data::OpenLine, domain::calendar::Day};

const PROCEDURES: [&str; 6] = [
    "Procédure adaptée",
    "Appel d'offres ouvert",
    "Appel d'offres restreint",
    "Procédure avec négociation",
    "Marché passé sans publicité ni mise en concurrence préalable",
    "Dialogue compétitif",
];

fn digits(value: Option<&str>, len: usize) -> Option<&str> {
    value.filter(|v| v.len() == len && v.bytes().all(|b| b.is_ascii_digit()))
}

fn cpv(value: Option<&str>) -> Option<&str> {
    let v = value?;
    let ok = match v.len() {
        8 => v.bytes().all(|b| b.is_ascii_digit()),
        10 => {
            v.as_bytes()[8] == b'-'
                && v.bytes().enumerate().all(|(i, b)| i == 8 || b.is_ascii_digit())
        }
        _ => false,
    };
    ok.then_some(v)
}

/// The contract's DECP `id` (1–16 characters), stable across files: a DECP contract keeps
/// its own id when it fits; any other line gets `E` and 15 hexadecimal digits of the SHA-256
/// of what names it — its buyer, file and line for a buyer's file (so that importing the same
/// file again keeps the ids), its buyer's SIRET and contract id for a long DECP id, its own
/// id otherwise.
pub fn decp_id(line: &OpenLine) -> String {
    if let Some(id) =
        line.external_id.as_deref().filter(|id| (1..=16).contains(&id.chars().count()))
    {
        return id.to_owned();
    }
    let key = match (&line.external_id, &line.file_key, line.line_number) {
        (Some(external), _, _) => {
            format!("decp|{}|{external}", line.buyer_siret.as_deref().unwrap_or_default())
        }
        (None, Some(file), Some(number)) => format!(
            "file|{}|{file}|{number}",
            line.buyer_organisation_id.as_deref().unwrap_or_default()
        ),
        _ => format!("line|{}", line.id),
    };
    let hash: String = Sha256::digest(key.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    format!("E{}", &hash[..15])
}

fn place(line: &OpenLine) -> Value {
    let kind = match line.execution_place_kind.as_deref() {
        Some("commune") => Some("Code commune"),
        Some("postcode") => Some("Code postal"),
        Some("departement" | "department") => Some("Code département"),
        Some("region") => Some("Code région"),
        Some("country") => Some("Code pays"),
        _ => None,
    };
    match (kind, line.execution_place_code.as_deref().filter(|c| !c.is_empty())) {
        (Some(kind), Some(code)) => json!({ "code": code, "typeCode": kind }),
        _ => json!({ "code": "FR", "typeCode": "Code pays" }),
    }
}

fn environmental(codes: &str) -> Vec<&'static str> {
    let mut found: Vec<&'static str> = codes
        .split(' ')
        .filter_map(|c| match c {
            "clause" => Some("Clause environnementale"),
            "criterion" => Some("Critère environnemental"),
            _ => None,
        })
        .collect();
    found.dedup();
    if found.is_empty() { vec!["Pas de considération environnementale"] } else { found }
}

/// The line as a DECP `marche`, when it qualifies (see the module's documentation).
pub fn marche(line: &OpenLine) -> Option<Value> {
    let buyer = digits(line.buyer_siret.as_deref(), 14)?;
    let supplier = digits(line.supplier_siret.as_deref(), 14)?;
    let code = cpv(line.cpv.as_deref())?;
    if line.date_precision == "year" || line.amount_cents < 100 {
        return None;
    }
    let notified = line
        .notified_on
        .as_deref()
        .and_then(Day::parse)
        .or_else(|| Day::parse(&line.purchased_on))?;
    let mut social: Vec<&str> = social(line).into_iter().map(|c| c.label()).collect();
    social.dedup();
    let procedure =
        line.procedure.as_deref().filter(|p| PROCEDURES.contains(p)).unwrap_or(PROCEDURES[0]);
    let object = line
        .object
        .clone()
        .or_else(|| line.category.clone())
        .unwrap_or_else(|| format!("Achat (code CPV {code})"));
    let object: String = object.chars().take(1000).collect();
    Some(json!({
        "id": decp_id(line),
        "acheteur": { "id": buyer },
        "nature": "Marché",
        "objet": object,
        "codeCPV": code,
        "techniques": { "technique": ["Sans objet"] },
        "modalitesExecution": { "modaliteExecution": ["Sans objet"] },
        "marcheInnovant": false,
        "ccag": "Pas de CCAG",
        "offresRecues": 1,
        "attributionAvance": false,
        "typeGroupementOperateurs": "Pas de groupement",
        "sousTraitanceDeclaree": false,
        "procedure": procedure,
        "lieuExecution": place(line),
        "dureeMois": line.duration_months.filter(|d| *d >= 1).unwrap_or(1),
        "dateNotification": notified.iso(),
        "datePublicationDonnees": Day::of_instant(line.created_at).iso(),
        "montant": line.amount_cents as f64 / 100.0,
        "typesPrix": { "typePrix": ["Définitif ferme"] },
        "formePrix": "Forfaitaire",
        "titulaires": [{ "titulaire": { "typeIdentifiant": "SIRET", "id": supplier } }],
        "considerationsSociales": { "considerationSociale": social },
        "considerationsEnvironnementales": {
            "considerationEnvironnementale": environmental(&line.environmental_considerations)
        },
    }))
}
