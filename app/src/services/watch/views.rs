//! The watch's rows turned into what its pages show.

use super::matching::Known;
use crate::{
    db::{purchase_imports::ImportRow, purchase_ledger::LineRow},
    domain::{
        Code,
        calendar::{Day, french_date},
        directory::StructureKind,
        needs::{SocialConsideration, budget::euros},
        watch::{
            LedgerLine,
            consideration::labels,
            line::SupplierId,
            views::{ImportSummary, LineView},
        },
    },
};

pub fn state_label(state: &str) -> &'static str {
    match state {
        "pending" => "À vérifier et confirmer",
        "imported" => "Importé",
        _ => "Remplacé par un envoi plus récent",
    }
}

pub fn summary(row: &ImportRow) -> ImportSummary {
    ImportSummary {
        id: row.id.clone(),
        organisation_name: row.organisation_name.clone().unwrap_or_default(),
        file_name: row.file_name.clone(),
        state: row.state.clone(),
        state_label: state_label(&row.state).to_owned(),
        line_count: row.line_count,
        matched_count: row.matched_count,
        total: euros(row.total_cents),
        on: french_date(row.imported_at.unwrap_or(row.created_at)),
    }
}

fn identifier(siret: Option<&str>, siren: Option<&str>) -> String {
    match (siret, siren) {
        (Some(siret), _) => format!("SIRET {siret}"),
        (None, Some(siren)) => format!("SIREN {siren}"),
        (None, None) => String::new(),
    }
}

/// A line as read from a file, with its match.
pub fn line_of_file(number: u64, line: &LedgerLine, known: Option<&Known>) -> LineView {
    let siret = line.supplier_id.as_ref().and_then(SupplierId::siret);
    let siren = line.supplier_id.as_ref().map(SupplierId::siren);
    let category = match (&line.cpv, &line.category) {
        (Some(cpv), Some(words)) => format!("{cpv} {words}"),
        (Some(cpv), None) => cpv.to_string(),
        (None, Some(words)) => words.clone(),
        (None, None) => String::new(),
    };
    LineView {
        line: number,
        supplier: line.supplier_name.clone(),
        identifier: identifier(siret, siren),
        amount: euros(line.amount_cents),
        date: line.date.french(),
        category,
        buying_entity: line
            .buying_entity
            .clone()
            .or_else(|| line.buyer_siret.as_ref().map(|s| format!("SIRET {s}")))
            .unwrap_or_default(),
        considerations: labels(&line.considerations),
        place: line.place.as_ref().map(|p| p.columns().1.to_owned()).unwrap_or_default(),
        structure: known.map(Known::label),
    }
}

/// A line as stored.
pub fn line_of_ledger(row: &LineRow) -> LineView {
    let considerations: Vec<SocialConsideration> = row
        .social_considerations
        .split_whitespace()
        .filter_map(SocialConsideration::from_code)
        .collect();
    let date = match (row.date_precision.as_str(), Day::parse(&row.purchased_on)) {
        ("year", _) => row.purchased_on.get(..4).unwrap_or_default().to_owned(),
        (_, Some(day)) => day.french(),
        (_, None) => row.purchased_on.clone(),
    };
    let category = [row.cpv.as_deref(), row.category.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let structure = row.structure_name.as_ref().map(|name| {
        let kinds = row
            .structure_kinds
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|k| StructureKind::parse(k).ok())
            .collect();
        Known { id: String::new(), name: name.clone(), kinds }.label()
    });
    LineView {
        line: u64::try_from(row.line_number.unwrap_or(0)).unwrap_or(0),
        supplier: row.supplier_name.clone(),
        identifier: identifier(row.supplier_siret.as_deref(), row.supplier_siren.as_deref()),
        amount: euros(row.amount_cents),
        date,
        category,
        // The buyer's own SIRET fills `buyer_siret` when the file names no entity: only
        // the entity's name is shown.
        buying_entity: row.buyer_entity.clone().unwrap_or_default(),
        considerations: labels(&considerations),
        place: row.execution_place_code.clone().unwrap_or_default(),
        structure,
    }
}
