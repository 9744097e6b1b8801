//! Drafting a need: every field parsed, French errors next to each, nothing stored on
//! error. A draft may be incomplete; submitting asks for the rest.

use crate::{
    db::{hqs_profiles, needs},
    domain::{
        FieldErrors, Outcome,
        accounts::Acting,
        calendar::Day,
        needs::{NeedForm, NeedText},
    },
    error::AppError,
    state::AppState,
};

use super::access;

/// Parses the form and checks the profile may be used by the organisation.
async fn parse(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    form: &NeedForm,
) -> Result<Result<NeedText, FieldErrors>, AppError> {
    let today = Day::of_instant(state.clock.now_ms());
    let text = match NeedText::parse(form, today) {
        Ok(text) => text,
        Err(errors) => return Ok(Err(errors)),
    };
    if let Some(profile_id) = &text.profile_id {
        let usable = hqs_profiles::find(&state.db, profile_id).await?.is_some_and(|p| {
            p.archived_at.is_none()
                && (p.organisation_id == organisation_id || p.shared == 1 || user.is_admin)
        });
        if !usable {
            let mut errors = FieldErrors::new();
            errors.add("profile_id", "Choisissez un profil HQS de votre organisation ou partagé.");
            return Ok(Err(errors));
        }
    }
    Ok(Ok(text))
}

/// Creates a draft for a buyer organisation where the person writes needs.
#[tracing::instrument(skip_all, fields(user_id = %user.id))]
pub async fn create(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    form: NeedForm,
) -> Result<Outcome<String>, AppError> {
    // The form offers only the buyers the person writes for.
    if !access::writes_for(user, organisation_id) {
        return Err(AppError::Forbidden);
    }
    let text = match parse(state, user, organisation_id, &form).await? {
        Ok(text) => text,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let id = uuid::Uuid::new_v4().to_string();
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    needs::insert(&mut tx, &id, organisation_id, &user.id, &text, now).await?;
    tx.commit().await?;
    tracing::info!(need_id = id, "need drafted");
    Ok(Outcome::Done(id))
}

/// Saves the text of a draft or of a need returned for changes.
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id))]
pub async fn update(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    form: NeedForm,
) -> Result<Outcome<String>, AppError> {
    let row = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    if !access::writes_for(user, &row.organisation_id) {
        return Err(AppError::Forbidden);
    }
    if !row.state.editable() {
        return Ok(Outcome::refused(
            "Ce besoin n'est plus modifiable : il a été envoyé au pôle ou publié.",
        ));
    }
    let text = match parse(state, user, &row.organisation_id, &form).await? {
        Ok(text) => text,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let mut tx = crate::db::begin(&state.db).await?;
    // Written only if still editable: a submission at the same time wins.
    if !needs::update_text(&mut tx, need_id, &text, state.clock.now_ms()).await? {
        return Ok(Outcome::refused("Ce besoin vient d'être envoyé au pôle."));
    }
    tx.commit().await?;
    Ok(Outcome::Done(need_id.to_owned()))
}
