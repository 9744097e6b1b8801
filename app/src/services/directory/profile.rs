//! Creating a structure and editing its profile.

use crate::domain::Outcome;
use crate::{
    db::structures,
    domain::calendar::year_of,
    domain::{
        FieldErrors,
        accounts::Acting,
        directory::{StructureForm, StructureProfile, StructureStatus},
        organisations::{MemberRole, OrganisationKind},
    },
    error::AppError,
    services::{
        directory::{
            access,
            slugs::{Table, unique_slug},
        },
        organisations::standing,
    },
    state::AppState,
};

/// Creates the directory profile of a supplier organisation, as a draft. One per
/// organisation; its owners and members may create it.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id))]
pub async fn create(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    form: StructureForm,
) -> Result<Outcome<String>, AppError> {
    let (kind, role) = standing(state, user, organisation_id).await?;
    let member = role.is_some_and(|r| matches!(r, MemberRole::Owner | MemberRole::Member));
    if !(member || user.is_admin) {
        return Err(AppError::Forbidden);
    }
    if kind != OrganisationKind::Supplier {
        return Ok(Outcome::Refused(
            "Seule une structure de l'ESS (organisation fournisseur) a une fiche dans l'annuaire."
                .into(),
        ));
    }
    let now = state.clock.now_ms();
    let profile = match StructureProfile::parse(&form, year_of(now)) {
        Ok(profile) => profile,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let mut tx = crate::db::begin(&state.db).await?;
    if structures::organisation_has_one(&mut tx, organisation_id).await? {
        return Ok(Outcome::Refused("Cette organisation a déjà sa fiche dans l'annuaire.".into()));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let slug = unique_slug(&mut tx, Table::Structures, &profile.name).await?;
    structures::insert(&mut tx, &id, &slug, Some(organisation_id), &profile, now).await?;
    tx.commit().await?;
    tracing::info!(structure_id = id, "structure created");
    Ok(Outcome::Done(id))
}

/// Saves the profile. A published structure stays published (the pôle validated its identity
/// and kind: changing its SIRET or kinds sends it back for validation).
#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id))]
pub async fn update(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
    form: StructureForm,
) -> Result<Outcome<String>, AppError> {
    let current = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    access::require_editor(user, &current)?;
    let now = state.clock.now_ms();
    let profile = match StructureProfile::parse(&form, year_of(now)) {
        Ok(profile) => profile,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let status = current.status;
    if status == StructureStatus::Archived {
        let mut errors = FieldErrors::new();
        errors.add("name", "Rouvrez la fiche archivée avant de la modifier.");
        return Ok(Outcome::Invalid(errors));
    }
    let facts = &profile.facts;
    let facts_changed = current.permanent_staff != facts.permanent_staff
        || current.insertion_staff != facts.insertion_staff
        || current.disabled_share != facts.disabled_share
        || current.detainee_share != facts.detainee_share
        || current.insertion_hours_capacity != facts.insertion_hours_capacity
        || current.turnover_band != facts.turnover_band
        || current.client_references != facts.client_references;
    let identity_changed = current.siret.as_deref() != profile.siret.as_ref().map(|s| s.as_str())
        || current.kinds() != profile.kinds;
    let mut tx = crate::db::begin(&state.db).await?;
    structures::update_profile(&mut tx, structure_id, &profile, facts_changed, now).await?;
    if identity_changed && status == StructureStatus::Published {
        super::lifecycle::record(
            &mut tx,
            structure_id,
            super::lifecycle::Change {
                step: "identity_changed",
                from: status,
                to: StructureStatus::Submitted,
                actor: user,
                reason: Some(
                    "SIRET ou type de structure modifié : nouvelle validation nécessaire.",
                ),
                now,
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Outcome::Done(structure_id.to_owned()))
}
