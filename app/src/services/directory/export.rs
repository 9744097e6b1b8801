//! CSV export of the public directory: published structures only, in the import's columns, so
//! that an export imports back.

use std::collections::HashMap;

use super::{
    csv_files::{StructureRecord, write_structures},
    rows::form_of_row,
};
use axum::body::Bytes;

use crate::{
    clock::MINUTE_MS,
    db::{Db, structure_activities, structures},
    domain::directory::ActivityForm,
    state::AppState,
};

/// How long a server serves the directory's export it made: the export reads every
/// published structure, and anyone may ask for it.
pub const EXPORT_FRESH_FOR_MS: i64 = 5 * MINUTE_MS;

/// `/annuaire.csv`: the export at most [`EXPORT_FRESH_FOR_MS`] old (`services::cached`).
pub async fn public_csv(state: &AppState) -> Result<Bytes, sqlx::Error> {
    let read = || async { export_public(&state.db).await.map(Bytes::from) };
    state.directory_csv.get(state.clock.now_ms(), read).await
}

/// The export of the published directory now.
pub async fn export_public(db: &Db) -> Result<String, sqlx::Error> {
    let mut records = Vec::new();
    let mut page = 0;
    loop {
        let rows = structures::published(db, 500, page * 500).await?;
        if rows.is_empty() {
            break;
        }
        // One query for the page's activities, not one per structure.
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let mut activities: HashMap<String, Vec<ActivityForm>> = HashMap::new();
        for a in structure_activities::of_structures(db, &ids).await? {
            activities.entry(a.structure_id).or_default().push(ActivityForm {
                sector: a.sector,
                service_kind: a.service_kind,
                reach: a.reach,
                reach_km: a.reach_km.map(|k| k.to_string()).unwrap_or_default(),
                reach_communes: a.reach_communes,
            });
        }
        for row in &rows {
            let activities = activities.remove(&row.id).unwrap_or_default();
            records.push(StructureRecord { profile: form_of_row(row), activities });
        }
        page += 1;
    }
    Ok(write_structures(&records))
}
