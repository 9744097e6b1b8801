//! What the evaluation reads, loaded from the directory: a supplier's declared facts (the
//! rows' conversion is `StructureRow::supplier_facts`, an offer's `OfferRow::facts`).

use crate::{
    db::{Db, structure_activities, structure_certifications, structures::StructureRow},
    domain::hqs::SupplierFacts,
};

pub async fn supplier_facts(db: &Db, row: &StructureRow) -> Result<SupplierFacts, sqlx::Error> {
    let labels = structure_certifications::of_structure(db, &row.id).await?;
    let activities = structure_activities::of_structure(db, &row.id).await?;
    Ok(row.supplier_facts(&labels, &activities))
}
