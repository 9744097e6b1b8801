//! What anyone may see of labels: the registry of labels held now, the verification of a
//! number, the label a structure holds (its badge, its search facet).

use crate::domain::Code;
use crate::{
    db::hqs_labels::{self, LabelRow, RegistryRow},
    domain::label::{
        LabelNumber, LabelState, Level, holding,
        views::{HeldCertification, Verification},
    },
    error::AppError,
    state::AppState,
};

fn held(row: RegistryRow) -> HeldCertification {
    HeldCertification {
        number: row.number,
        level: row.level.as_deref().and_then(Level::from_code),
        valid_until: row.valid_until,
        structure_name: row.structure_name,
        structure_slug: row.structure_slug,
        commune_name: row.commune_name,
    }
}

/// Labels held now by published structures, by name.
pub async fn registry(state: &AppState) -> Result<Vec<HeldCertification>, AppError> {
    Ok(hqs_labels::registry(&state.db).await?.into_iter().map(held).collect())
}

/// What Ecossol knows of a number, as typed. Structures no longer published are not named.
pub async fn verify(state: &AppState, typed: &str) -> Result<Verification, AppError> {
    let Some(number) = LabelNumber::parse(typed) else { return Ok(Verification::Unknown) };
    let Some(row) = hqs_labels::by_number(&state.db, number.as_str()).await? else {
        return Ok(Verification::Unknown);
    };
    let Some(structure) = crate::db::structures::find(&state.db, &row.structure_id).await? else {
        return Ok(Verification::Unknown);
    };
    if structure.status != crate::domain::directory::StructureStatus::Published {
        return Ok(Verification::Unknown);
    }
    let Some(state_now) = LabelState::from_code(&row.state) else {
        return Ok(Verification::Unknown);
    };
    Ok(Verification::Found {
        state: state_now,
        label: HeldCertification {
            number: number.to_string(),
            level: row.level.as_deref().and_then(Level::from_code),
            valid_until: row.valid_until.unwrap_or_default(),
            structure_name: structure.name,
            structure_slug: structure.slug,
            commune_name: structure.commune_name,
        },
    })
}

/// The label a published structure holds now, by the structure's slug.
pub async fn of_structure(
    state: &AppState,
    slug: &str,
) -> Result<Option<(String, Option<Level>, String)>, AppError> {
    let Some(structure) = crate::db::structures::find_by_slug(&state.db, slug).await? else {
        return Ok(None);
    };
    if structure.status != crate::domain::directory::StructureStatus::Published {
        return Ok(None);
    }
    let files = hqs_labels::of_structure(&state.db, &structure.id).await?;
    Ok(holding(files.iter().map(LabelRow::summary))
        .map(|held| (held.number, held.level, held.valid_until)))
}
