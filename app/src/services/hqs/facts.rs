//! What the evaluation reads, loaded from the directory: a supplier's declared facts and an
//! offer's.

use crate::{
    db::{
        Db, offers::OfferRow, structure_activities, structure_certifications,
        structures::StructureRow,
    },
    domain::{
        directory::{Cpv, Sector},
        hqs::{LabelFact, OfferFacts, SupplierFacts},
    },
};

pub async fn supplier_facts(db: &Db, row: &StructureRow) -> Result<SupplierFacts, sqlx::Error> {
    let labels = structure_certifications::of_structure(db, &row.id).await?;
    let activities = structure_activities::of_structure(db, &row.id).await?;
    Ok(facts_of(row, &labels, &activities))
}

/// The facts, from rows already loaded.
pub fn facts_of(
    row: &StructureRow,
    labels: &[structure_certifications::LabelRow],
    activities: &[structure_activities::ActivityRow],
) -> SupplierFacts {
    let labels = labels
        .iter()
        .map(|l| LabelFact {
            code: l.label_code.clone(),
            name: l.name.clone(),
            valid_from: l.valid_from.clone(),
            valid_until: l.valid_until.clone(),
        })
        .collect();
    let mut cpv: Vec<Cpv> = activities
        .iter()
        .filter_map(|a| Sector::find(&a.sector))
        .flat_map(|s| s.cpv.iter().filter_map(|c| Cpv::parse(c).ok()))
        .collect();
    cpv.dedup();
    SupplierFacts {
        name: row.name.clone(),
        kinds: row.kinds(),
        legal_form: row.legal_form.clone(),
        permanent_staff: row.permanent_staff,
        insertion_staff: row.insertion_staff,
        disabled_share: row.disabled_share,
        detainee_share: row.detainee_share,
        insertion_hours_capacity: row.insertion_hours_capacity.and_then(|h| u32::try_from(h).ok()),
        esus_agreed_on: row.esus_agreed_on.clone(),
        labels,
        commune_insee: row.commune_insee.clone(),
        commune_name: row.commune_name.clone(),
        coordinates: row.latitude.zip(row.longitude),
        cpv,
    }
}

pub fn offer_facts(offer: &OfferRow) -> OfferFacts {
    OfferFacts {
        title: offer.title.clone(),
        cpv: offer.cpv.split_whitespace().filter_map(|c| Cpv::parse(c).ok()).collect(),
    }
}
