//! Creating a structure and editing its profile.

use crate::{
    db::structures,
    domain::{
        FieldErrors,
        accounts::SessionUser,
        directory::{ProfileForm, StructureProfile, StructureStatus, views::DirectoryOutcome},
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

/// The year of `now_ms`, to bound the year a structure was founded.
pub fn year_of(now_ms: i64) -> i64 {
    // Days since 1970-01-01 to a civil year (proleptic Gregorian).
    let days = now_ms.div_euclid(86_400_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i64::from(month <= 2)
}

/// Creates the directory profile of a supplier organisation, as a draft. One per
/// organisation; its owners and members may create it.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id))]
pub async fn create(
    state: &AppState,
    user: &SessionUser,
    organisation_id: &str,
    form: ProfileForm,
) -> Result<DirectoryOutcome, AppError> {
    let (kind, role) = standing(state, user, organisation_id).await?;
    let member = role.is_some_and(|r| matches!(r, MemberRole::Owner | MemberRole::Member));
    if !(member || user.is_admin) {
        return Err(AppError::Forbidden);
    }
    if kind != OrganisationKind::Supplier {
        return Ok(DirectoryOutcome::Refused(
            "Seule une structure de l'ESS (organisation fournisseur) a une fiche dans l'annuaire."
                .into(),
        ));
    }
    let now = state.clock.now_ms();
    let profile = match StructureProfile::parse(&form, year_of(now)) {
        Ok(profile) => profile,
        Err(errors) => return Ok(DirectoryOutcome::Invalid(errors)),
    };
    let mut tx = crate::db::begin(&state.db).await?;
    if structures::organisation_has_one(&mut tx, organisation_id).await? {
        return Ok(DirectoryOutcome::Refused(
            "Cette organisation a déjà sa fiche dans l'annuaire.".into(),
        ));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let slug = unique_slug(&mut tx, Table::Structures, &profile.name).await?;
    structures::insert(&mut tx, &id, &slug, Some(organisation_id), &profile, now).await?;
    tx.commit().await?;
    tracing::info!(structure_id = id, "structure created");
    Ok(DirectoryOutcome::Done { structure_id: id })
}

/// Saves the profile. A published structure stays published (the pôle validated its identity
/// and kind: changing its SIRET or kinds sends it back for validation).
#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id))]
pub async fn update(
    state: &AppState,
    user: &SessionUser,
    structure_id: &str,
    form: ProfileForm,
) -> Result<DirectoryOutcome, AppError> {
    let current = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    access::require_editor(state, user, &current).await?;
    let now = state.clock.now_ms();
    let profile = match StructureProfile::parse(&form, year_of(now)) {
        Ok(profile) => profile,
        Err(errors) => return Ok(DirectoryOutcome::Invalid(errors)),
    };
    let status = StructureStatus::from_code(&current.status).unwrap_or(StructureStatus::Draft);
    if status == StructureStatus::Archived {
        let mut errors = FieldErrors::new();
        errors.add("name", "Rouvrez la fiche archivée avant de la modifier.");
        return Ok(DirectoryOutcome::Invalid(errors));
    }
    let facts = &profile.facts;
    let facts_changed = current.permanent_staff != facts.permanent_staff
        || current.insertion_staff != facts.insertion_staff
        || current.disabled_share != facts.disabled_share
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
    Ok(DirectoryOutcome::Done { structure_id: structure_id.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::year_of;

    #[test]
    fn years_of_instants() {
        assert_eq!(year_of(0), 1970);
        assert_eq!(year_of(1_798_761_600_000 - 1), 2026); // 2026-12-31T23:59:59.999Z
        assert_eq!(year_of(1_798_761_600_000), 2027);
    }
}
