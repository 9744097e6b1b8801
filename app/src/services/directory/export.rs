//! CSV export of the public directory: published structures only, in the import's columns, so
//! that an export imports back.

use super::{
    csv_files::{StructureRecord, write_structures},
    rows::form_of_row,
};
use crate::{
    db::{Db, structure_activities, structures},
    domain::directory::ActivityForm,
};

pub async fn export_public(db: &Db) -> Result<String, sqlx::Error> {
    let mut records = Vec::new();
    let mut page = 0;
    loop {
        let rows = structures::published(db, 500, page * 500).await?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            let activities = structure_activities::of_structure(db, &row.id)
                .await?
                .into_iter()
                .map(|a| ActivityForm {
                    sector: a.sector,
                    service_kind: a.service_kind,
                    reach: a.reach,
                    reach_km: a.reach_km.map(|k| k.to_string()).unwrap_or_default(),
                    reach_communes: a.reach_communes,
                })
                .collect();
            records.push(StructureRecord { profile: form_of_row(row), activities });
        }
        page += 1;
    }
    Ok(write_structures(&records))
}
