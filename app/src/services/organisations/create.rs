use crate::domain::Outcome;
use serde::Deserialize;

use crate::{
    db::{memberships, organisations},
    domain::{
        FieldErrors,
        accounts::Acting,
        organisations::{MemberRole, OrganisationKind, OrganisationName},
    },
    error::AppError,
    state::AppState,
};

#[derive(Debug, Clone, Deserialize)]
pub struct CreateOrganisationForm {
    pub name: String,
    /// `supplier`, `buyer_public`, `buyer_private`, or `pole` (administrators only).
    pub kind: String,
    /// For buyers: collectivité, établissement public, État, grand groupe, ETI, PME, TPE…
    pub buyer_detail: String,
}

/// Creates an organisation; its creator becomes its owner.
#[tracing::instrument(skip_all, fields(user_id = %user.id))]
pub async fn create(
    state: &AppState,
    user: &Acting,
    form: CreateOrganisationForm,
) -> Result<Outcome<String>, AppError> {
    let mut errors = FieldErrors::new();
    let name = errors.check("name", OrganisationName::parse(&form.name));
    let kind = if form.kind == "pole" && user.is_admin {
        Some(OrganisationKind::Pole)
    } else {
        errors.check("kind", OrganisationKind::parse_public_choice(&form.kind))
    };
    let detail = form.buyer_detail.trim();
    if detail.chars().count() > 100 {
        errors.add("buyer_detail", "La précision ne peut pas dépasser 100 caractères.");
    }
    let (Some(name), Some(kind)) = (name, kind) else {
        return Ok(Outcome::Invalid(errors));
    };
    if !errors.is_empty() {
        return Ok(Outcome::Invalid(errors));
    }
    let detail =
        matches!(kind, OrganisationKind::Buyer(_)).then_some(detail).filter(|d| !d.is_empty());
    let id = uuid::Uuid::new_v4().to_string();
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    organisations::insert(&mut tx, &id, name.as_str(), kind, detail, now).await?;
    memberships::insert(&mut tx, &id, &user.id, MemberRole::Owner.as_str(), now).await?;
    tx.commit().await?;
    tracing::info!(organisation_id = id, "organisation created");
    Ok(Outcome::Done(id))
}
