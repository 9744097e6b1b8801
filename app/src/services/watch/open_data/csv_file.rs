//! `/donnees/achats-publics.csv`: one row per public buyer's line, UTF-8, comma-separated,
//! written with the `csv` crate. A cell a spreadsheet would read as a formula (starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe.

use super::social;
use crate::{db::open_data::OpenLine, error::AppError};

/// The columns, as the open data page describes them.
pub const COLUMNS: [&str; 27] = [
    "identifiant",
    "source",
    "acheteur",
    "acheteur_siret",
    "entite_acheteuse",
    "fournisseur",
    "fournisseur_siret",
    "fournisseur_siren",
    "fournisseur_types_annuaire",
    "montant_ht",
    "date",
    "precision_date",
    "annee",
    "code_cpv",
    "categorie",
    "considerations_sociales",
    "considerations_environnementales",
    "heures_insertion_demandees",
    "heures_insertion_realisees",
    "heures_insertion_decomptees_au",
    "lieu_execution_type",
    "lieu_execution_code",
    "identifiant_marche",
    "objet",
    "procedure",
    "duree_mois",
    "date_notification",
];

/// A cell made harmless for spreadsheets.
pub fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, AppError> {
    writer.into_inner().map_err(|e| AppError::internal(anyhow::anyhow!("{e}")))
}

pub fn header() -> Result<Vec<u8>, AppError> {
    let mut w = writer();
    w.write_record(COLUMNS).map_err(AppError::internal)?;
    finish(w)
}

/// `1234.50`: euros with a point, as open data tools read numbers.
fn amount(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn number(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn environmental(codes: &str) -> String {
    codes
        .split(' ')
        .filter_map(|c| match c {
            "clause" => Some("Clause environnementale"),
            "criterion" => Some("Critère environnemental"),
            "none" => Some("Pas de considération environnementale"),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn record(l: &OpenLine) -> Vec<String> {
    let social: Vec<&str> = social(l).into_iter().map(|c| c.label()).collect();
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        l.id.clone(),
        l.source.clone(),
        l.buyer_name.clone(),
        text(&l.buyer_siret),
        text(&l.buyer_entity),
        l.supplier_name.clone(),
        text(&l.supplier_siret),
        text(&l.supplier_siren),
        text(&l.structure_kinds),
        amount(l.amount_cents),
        l.purchased_on.clone(),
        if l.date_precision == "year" { "annee".into() } else { "jour".into() },
        number(l.purchased_year),
        text(&l.cpv),
        text(&l.category),
        social.join("|"),
        environmental(&l.environmental_considerations),
        number(l.insertion_hours),
        number(l.insertion_hours_done),
        text(&l.insertion_hours_counted_on),
        text(&l.execution_place_kind),
        text(&l.execution_place_code),
        text(&l.external_id),
        text(&l.object),
        text(&l.procedure),
        number(l.duration_months),
        text(&l.notified_on),
    ]
}

pub fn rows(lines: &[OpenLine]) -> Result<Vec<u8>, AppError> {
    let mut w = writer();
    for line in lines {
        let cells = record(line);
        w.write_record(cells.iter().map(|c| neutralised(c).into_owned()))
            .map_err(AppError::internal)?;
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for cell in ["=1+1", "+33", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralised(cell), format!("'{cell}"));
        }
        assert_eq!(neutralised("Régie = quartier"), "Régie = quartier");
        assert_eq!(amount(123_405), "1234.05");
    }
}
