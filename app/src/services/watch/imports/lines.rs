//! A typed line of a purchases file as the ledger stores it.

use crate::{
    db::purchase_ledger::NewLine,
    domain::{
        Code,
        needs::SocialConsideration,
        watch::{LedgerLine, consideration::codes, text::supplier_key},
    },
    services::watch::matching::Known,
};

/// The line `number` of the file, with the structure it was matched to and how.
pub fn new_line(number: u64, line: LedgerLine, found: Option<(&Known, &'static str)>) -> NewLine {
    let siret = line.supplier_id.as_ref().and_then(|s| s.siret()).map(str::to_owned);
    let siren = line.supplier_id.as_ref().map(|s| s.siren().to_owned());
    let (kind, code) = match &line.place {
        Some(place) => {
            let (kind, code) = place.columns();
            (Some(kind), Some(code.to_owned()))
        }
        None => (None, None),
    };
    NewLine {
        id: uuid::Uuid::new_v4().to_string(),
        line_number: i64::try_from(number).unwrap_or(i64::MAX),
        structure_id: found.map(|(k, _)| k.id.clone()),
        match_kind: found.map(|(_, kind)| kind),
        supplier_key: supplier_key(&line.supplier_name),
        supplier_name: line.supplier_name,
        supplier_siret: siret,
        supplier_siren: siren,
        amount_cents: line.amount_cents,
        purchased_on: line.date.day().iso(),
        purchased_year: line.date.year(),
        date_precision: line.date.precision(),
        cpv: line.cpv.map(String::from),
        category: line.category,
        buyer_siret: line.buyer_siret.map(String::from),
        buyer_entity: line.buying_entity,
        social_consideration: line
            .considerations
            .first()
            .copied()
            .unwrap_or(SocialConsideration::None)
            .code(),
        social_considerations: codes(&line.considerations),
        insertion_hours_done: line.insertion_hours_done,
        execution_place_kind: kind,
        execution_place_code: code,
    }
}
