//! Buyers' requirement profiles: built from the référentiel (or a template), private to their
//! organisation unless shared, compared side by side (harmonisation).

use crate::domain::Outcome;
use crate::{
    db::hqs_profiles::{self, ListedProfile, ProfileRow},
    domain::{
        FieldErrors,
        accounts::Acting,
        hqs::{
            ProfileDraft, RequirementForm, Requirements, Template,
            harmonise::compare,
            views::{Harmonisation, ProfileSummary, ProfileView, ProfilesPage},
        },
    },
    error::AppError,
    services::{
        hqs::{access, referential},
        limits,
    },
    state::AppState,
};

fn summary(listed: ListedProfile, editable: bool) -> ProfileSummary {
    ProfileSummary {
        id: listed.id,
        name: listed.name,
        organisation_name: listed.organisation_name,
        shared: listed.shared == 1,
        editable,
        referential_version: listed.referential_version,
        updated_at: listed.updated_at,
    }
}

fn requirements_of(row: &ProfileRow) -> Result<Requirements, AppError> {
    serde_json::from_str(&row.requirements).map_err(|error| {
        tracing::error!(%error, profile_id = %row.id, "unreadable profile");
        AppError::Internal
    })
}

/// Which profiles each structure and offer satisfies is in the search index: a profile's
/// change asks the search worker for a full rebuild (search keeps answering meanwhile; a
/// change made during a rebuild asks for the next one).
///
/// Rebuild requests coalesce (one running, one waiting), and an organisation changes its
/// profiles at most [`limits::PROFILE_CHANGES_PER_ORGANISATION`] times an hour: a flood of
/// changes cannot keep the indexer rebuilding for ever.
async fn reindex_for_profiles(state: &AppState) -> Result<(), AppError> {
    let token = format!("profiles-{}", state.clock.now_ms());
    crate::db::search_outbox::request_rebuild(&state.db, &token).await?;
    Ok(())
}

/// Counts a change of `organisation_id`'s profiles; the refusal past the hour's limit.
async fn change_refused(
    state: &AppState,
    organisation_id: &str,
) -> Result<Option<Outcome<String>>, AppError> {
    let limit = limits::PROFILE_CHANGES_PER_ORGANISATION;
    if limits::within(&state.db, limit, organisation_id, state.clock.now_ms()).await? {
        return Ok(None);
    }
    Ok(Some(Outcome::Refused(
        "Vos profils ont changé plus de 30 fois dans l'heure : réessayez dans un moment."
            .to_owned(),
    )))
}

/// Whether the person (or a visitor, `None`) may filter the catalogue with a profile: shared
/// ones for everyone, private ones for their organisation and the pôle.
pub async fn usable_in_search(
    state: &AppState,
    viewer: Option<&Acting>,
    id: &str,
) -> Result<bool, AppError> {
    let Some(row) = hqs_profiles::find(&state.db, id).await? else { return Ok(false) };
    if row.archived_at.is_some() {
        return Ok(false);
    }
    match viewer {
        Some(user) => Ok(access::can_read(user, &row)),
        None => Ok(row.shared == 1),
    }
}

/// The profiles the person may use, and the organisations where they may create one.
pub async fn page(state: &AppState, user: &Acting) -> Result<ProfilesPage, AppError> {
    let mine = access::member_of(user);
    let buyers = access::managed_buyers(user);
    let everything = user.moderates();
    let profiles = hqs_profiles::visible(&state.db, &mine, everything)
        .await?
        .into_iter()
        .map(|p| {
            let editable = user.is_admin || buyers.iter().any(|b| b.id == p.organisation_id);
            summary(p, editable)
        })
        .collect();
    Ok(ProfilesPage { profiles, buyers })
}

/// The form of a new profile: empty, or a template's.
pub fn new_form(template: Option<&str>) -> RequirementForm {
    match template.and_then(Template::find) {
        Some(template) => RequirementForm::of(&ProfileDraft {
            name: template.name.to_owned(),
            description: template.description.to_owned(),
            shared: false,
            requirements: template.requirements(),
        }),
        None => RequirementForm::default(),
    }
}

fn row_of(
    id: String,
    organisation_id: &str,
    draft: &ProfileDraft,
    version: i64,
    user: &Acting,
    now: i64,
) -> Result<ProfileRow, AppError> {
    Ok(ProfileRow {
        id,
        organisation_id: organisation_id.to_owned(),
        name: draft.name.clone(),
        description: draft.description.clone(),
        shared: i64::from(draft.shared),
        referential_version: version,
        requirements: serde_json::to_string(&draft.requirements).map_err(|_| AppError::Internal)?,
        template: None,
        archived_at: None,
        created_by: Some(user.id.clone()),
        created_at: now,
        updated_at: now,
    })
}

/// Creates a profile for a buyer organisation; its owners and procurement officers.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id))]
pub async fn create(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    form: &RequirementForm,
) -> Result<Outcome<String>, AppError> {
    if !access::can_manage(user, organisation_id) {
        return Err(AppError::Forbidden);
    }
    let latest = referential::latest(state).await?;
    let draft = match form.parse(&latest.referential) {
        Ok(draft) => draft,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    if let Some(refused) = change_refused(state, organisation_id).await? {
        return Ok(refused);
    }
    let id = uuid::Uuid::new_v4().to_string();
    let row =
        row_of(id.clone(), organisation_id, &draft, latest.version, user, state.clock.now_ms())?;
    let mut tx = crate::db::begin(&state.db).await?;
    hqs_profiles::insert(&mut tx, &row).await?;
    tx.commit().await?;
    reindex_for_profiles(state).await?;
    Ok(Outcome::Done(id))
}

async fn editable(state: &AppState, user: &Acting, id: &str) -> Result<ProfileRow, AppError> {
    let row = hqs_profiles::find(&state.db, id).await?.ok_or(AppError::Forbidden)?;
    if row.archived_at.is_some() || !access::can_manage(user, &row.organisation_id) {
        return Err(AppError::Forbidden);
    }
    Ok(row)
}

/// Saves a profile on the version of the référentiel in force; its organisation's owners and
/// procurement officers. Checks already opened keep the profile as it was.
#[tracing::instrument(skip_all, fields(user_id = %user.id, profile_id = id))]
pub async fn update(
    state: &AppState,
    user: &Acting,
    id: &str,
    form: &RequirementForm,
) -> Result<Outcome<String>, AppError> {
    let current = editable(state, user, id).await?;
    let latest = referential::latest(state).await?;
    let draft = match form.parse(&latest.referential) {
        Ok(draft) => draft,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    if let Some(refused) = change_refused(state, &current.organisation_id).await? {
        return Ok(refused);
    }
    let mut row = row_of(
        id.to_owned(),
        &current.organisation_id,
        &draft,
        latest.version,
        user,
        state.clock.now_ms(),
    )?;
    row.created_at = current.created_at;
    let mut tx = crate::db::begin(&state.db).await?;
    hqs_profiles::update(&mut tx, &row).await?;
    tx.commit().await?;
    reindex_for_profiles(state).await?;
    Ok(Outcome::Done(id.to_owned()))
}

#[tracing::instrument(skip_all, fields(user_id = %user.id, profile_id = id))]
pub async fn archive(
    state: &AppState,
    user: &Acting,
    id: &str,
) -> Result<Outcome<String>, AppError> {
    let current = editable(state, user, id).await?;
    if let Some(refused) = change_refused(state, &current.organisation_id).await? {
        return Ok(refused);
    }
    let mut tx = crate::db::begin(&state.db).await?;
    hqs_profiles::archive(&mut tx, id, state.clock.now_ms()).await?;
    tx.commit().await?;
    reindex_for_profiles(state).await?;
    Ok(Outcome::Done(id.to_owned()))
}

/// A profile, for whoever may read it.
pub async fn view(
    state: &AppState,
    user: &Acting,
    id: &str,
) -> Result<Option<ProfileView>, AppError> {
    let Some(row) = hqs_profiles::find(&state.db, id).await? else { return Ok(None) };
    if row.archived_at.is_some() || !access::can_read(user, &row) {
        return Ok(None);
    }
    let requirements = requirements_of(&row)?;
    let editable = access::can_manage(user, &row.organisation_id);
    let organisation_name = crate::db::organisations::find(&state.db, &row.organisation_id)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let draft = ProfileDraft {
        name: row.name.clone(),
        description: row.description.clone(),
        shared: row.shared == 1,
        requirements: requirements.clone(),
    };
    Ok(Some(ProfileView {
        summary: ProfileSummary {
            id: row.id.clone(),
            name: row.name.clone(),
            organisation_name,
            shared: row.shared == 1,
            editable,
            referential_version: row.referential_version,
            updated_at: row.updated_at,
        },
        description: row.description,
        requirements,
        form: RequirementForm::of(&draft),
        latest: referential::latest(state).await?,
    }))
}

/// Profiles the person may read, by id, in the order asked; unknown or hidden ones are left
/// out.
async fn readable(
    state: &AppState,
    user: &Acting,
    ids: &[String],
) -> Result<Vec<(ProfileSummary, Requirements)>, AppError> {
    let mut found = Vec::new();
    for id in ids.iter().take(crate::domain::hqs::harmonise::MAX_COMPARED) {
        if let Some(view) = view(state, user, id).await?
            && !found.iter().any(|(s, _): &(ProfileSummary, Requirements)| s.id == view.summary.id)
        {
            found.push((view.summary, view.requirements));
        }
    }
    Ok(found)
}

/// Two or more profiles side by side, with their common core.
pub async fn harmonise(
    state: &AppState,
    user: &Acting,
    ids: &[String],
) -> Result<Option<Harmonisation>, AppError> {
    let found = readable(state, user, ids).await?;
    if found.len() < 2 {
        return Ok(None);
    }
    let requirements: Vec<&Requirements> = found.iter().map(|(_, r)| r).collect();
    let comparison = compare(&requirements);
    Ok(Some(Harmonisation { profiles: found.into_iter().map(|(s, _)| s).collect(), comparison }))
}

/// Creates, for a buyer organisation, a profile holding the common core of `ids`.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id))]
pub async fn create_from_core(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    ids: &[String],
    name: &str,
) -> Result<Outcome<String>, AppError> {
    if !access::can_manage(user, organisation_id) {
        return Err(AppError::Forbidden);
    }
    let Some(harmonisation) = harmonise(state, user, ids).await? else {
        return Ok(Outcome::Refused("Choisissez au moins deux profils à comparer.".to_owned()));
    };
    if harmonisation.comparison.core.items.is_empty() {
        return Ok(Outcome::Refused(
            "Ces profils n'ont aucun critère en commun : il n'y a pas de socle à reprendre."
                .to_owned(),
        ));
    }
    let names: Vec<&str> = harmonisation.profiles.iter().map(|p| p.name.as_str()).collect();
    let draft = ProfileDraft {
        name: name.trim().to_owned(),
        description: format!("Socle commun de : {}.", names.join(", ")),
        shared: false,
        requirements: harmonisation.comparison.core,
    };
    let mut form = RequirementForm::of(&draft);
    if form.name.is_empty() {
        let mut errors = FieldErrors::new();
        errors.add("name", "Donnez un nom au profil.");
        return Ok(Outcome::Invalid(errors));
    }
    form.shared = String::new();
    create(state, user, organisation_id, &form).await
}
