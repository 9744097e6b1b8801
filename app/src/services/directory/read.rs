//! What the directory's pages read. Private states are checked here: drafts, submitted,
//! suspended and archived structures, and offers that are not published under a published
//! structure, are shown only to those who may see them.

use crate::domain::organisations::{MemberRole, OrganisationKind};
use crate::{
    db::{
        offers,
        offers::OfferRow,
        structure_activities, structure_certifications, structure_events,
        structures::{self, StructureRow},
        uploads,
    },
    domain::{
        Code,
        accounts::Acting,
        directory::{
            Extras, OfferForm, OfferStatus, Reach, Sector, ServiceKind, StructureStatus,
            completeness,
            upload::Purpose,
            views::{
                ActivityView, CertificationView, OfferEditor, OfferSummary, OfferView,
                PendingStructure, StructureEvent, StructureView, StructureWorkspace, UploadView,
            },
        },
    },
    error::AppError,
    services::directory::{
        access,
        rows::{form_of_row, profile_of_row},
    },
    state::AppState,
};

fn sector_label(code: &str) -> String {
    Sector::find(code).map_or_else(|| code.to_owned(), |s| s.label.to_owned())
}

fn service_label(code: &str) -> String {
    ServiceKind::parse(code).map(|k| k.label().to_owned()).unwrap_or_default()
}

fn reach_of(kind: &str, km: Option<i64>, communes: &str) -> Option<Reach> {
    Reach::parse(kind, &km.map(|k| k.to_string()).unwrap_or_default(), communes).ok()
}

fn summary(row: &OfferRow) -> OfferSummary {
    OfferSummary {
        id: row.id.clone(),
        slug: row.slug.clone(),
        title: row.title.clone(),
        sector: sector_label(&row.sector),
        price: row.price().map(|p| p.label()),
        status: row.status,
    }
}

async fn view_of_row(
    state: &AppState,
    row: &StructureRow,
    all_offers: bool,
) -> Result<StructureView, AppError> {
    let activities = structure_activities::of_structure(&state.db, &row.id)
        .await?
        .into_iter()
        .map(|a| ActivityView {
            id: a.id,
            sector: sector_label(&a.sector),
            service_kind: service_label(&a.service_kind),
            reach: reach_of(&a.reach, a.reach_km, &a.reach_communes)
                .map(|r| r.label())
                .unwrap_or_default(),
        })
        .collect();
    let today = crate::domain::calendar::iso_date(state.clock.now_ms());
    let labels = structure_certifications::of_structure(&state.db, &row.id)
        .await?
        .into_iter()
        .map(|l| {
            let valid = l.is_valid_on(&today);
            CertificationView {
                id: l.id,
                name: l.name,
                issuer: l.issuer,
                number: l.number,
                valid_from: l.valid_from,
                valid_until: l.valid_until,
                valid,
            }
        })
        .collect();
    let offers = offers::of_structure(&state.db, &row.id)
        .await?
        .iter()
        .filter(|o| all_offers || o.status == OfferStatus::Published)
        .map(summary)
        .collect();
    Ok(StructureView {
        id: row.id.clone(),
        slug: row.slug.clone(),
        status: row.status,
        name: row.name.clone(),
        brand: row.brand.clone(),
        kinds: row.kinds(),
        legal_form: row.legal_form.clone(),
        siret: row.siret.clone(),
        rna: row.rna.clone(),
        naf: row.naf.clone(),
        esus_agreed_on: row.esus_agreed_on.clone(),
        networks: row.networks.clone(),
        year_founded: row.year_founded,
        description: row.description.clone(),
        contact_name: row.contact_name.clone(),
        contact_email: row.contact_email.clone(),
        contact_phone: row.contact_phone.clone(),
        website: row.website.clone(),
        address: row.address.clone(),
        commune_name: row.commune_name.clone(),
        postcode: row.postcode.clone(),
        coordinates: row.latitude.zip(row.longitude),
        permanent_staff: row.permanent_staff,
        insertion_staff: row.insertion_staff,
        disabled_share: row.disabled_share,
        detainee_share: row.detainee_share,
        insertion_hours_capacity: row.insertion_hours_capacity,
        turnover_band: row.turnover_band.clone(),
        client_references: row.client_references.clone(),
        facts_updated_at: row.facts_updated_at,
        activities,
        labels,
        logo: uploads::of_structure(&state.db, &row.id)
            .await?
            .into_iter()
            .find(|d| d.purpose == Purpose::Logo)
            .map(|d| d.id),
        offers,
    })
}

/// A structure's page: public when published; otherwise a preview for its editors and the
/// animators, and `None` (not found) for everyone else.
pub async fn structure_page(
    state: &AppState,
    viewer: Option<&Acting>,
    slug: &str,
) -> Result<Option<StructureView>, AppError> {
    let Some(row) = structures::find_by_slug(&state.db, slug).await? else { return Ok(None) };
    let public = row.status == StructureStatus::Published;
    let preview = !public && access::can_preview(viewer, &row);
    if !public && !preview {
        return Ok(None);
    }
    Ok(Some(view_of_row(state, &row, false).await?))
}

fn offer_view(row: &OfferRow, structure: &StructureRow, photos: Vec<String>) -> OfferView {
    let reach = match &row.reach {
        Some(kind) => reach_of(kind, row.reach_km, &row.reach_communes).map(|r| r.label()),
        None => None,
    }
    .unwrap_or_else(|| "Celui de la structure".to_owned());
    OfferView {
        id: row.id.clone(),
        slug: row.slug.clone(),
        status: row.status,
        title: row.title.clone(),
        description: row.description.clone(),
        sector: sector_label(&row.sector),
        sector_group: Sector::find(&row.sector).map(|s| s.group.to_owned()).unwrap_or_default(),
        cpv: row.cpv.split_whitespace().map(str::to_owned).collect(),
        service_kind: service_label(&row.service_kind),
        unit: row.unit.clone(),
        price: row.price().map(|p| p.label()),
        min_quantity: row.min_quantity,
        max_quantity: row.max_quantity,
        lead_time: row.lead_time.clone(),
        reach,
        structure_slug: structure.slug.clone(),
        structure_name: structure.name.clone(),
        commune_name: structure.commune_name.clone(),
        photos,
    }
}

async fn photos_of(state: &AppState, offer: &OfferRow) -> Result<Vec<String>, AppError> {
    Ok(uploads::of_structure(&state.db, &offer.structure_id)
        .await?
        .into_iter()
        .filter(|d| d.purpose == Purpose::Photo && d.offer_id.as_deref() == Some(offer.id.as_str()))
        .map(|d| d.id)
        .collect())
}

/// An offer's page: public when the offer and its structure are published; otherwise a
/// preview for the structure's editors and the animators.
pub async fn offer_page(
    state: &AppState,
    viewer: Option<&Acting>,
    slug: &str,
) -> Result<Option<OfferView>, AppError> {
    let Some(offer) = offers::find_by_slug(&state.db, slug).await? else { return Ok(None) };
    let Some(structure) = structures::find(&state.db, &offer.structure_id).await? else {
        return Ok(None);
    };
    let public =
        offer.status == OfferStatus::Published && structure.status == StructureStatus::Published;
    if !public && !access::can_preview(viewer, &structure) {
        return Ok(None);
    }
    let photos = photos_of(state, &offer).await?;
    Ok(Some(offer_view(&offer, &structure, photos)))
}

/// The structures the person edits, and the supplier organisations that have none yet.
pub async fn my_structures(
    state: &AppState,
    user: &Acting,
) -> Result<(Vec<StructureView>, Vec<(String, String)>), AppError> {
    let organisations: Vec<_> = user
        .standings()
        .iter()
        .filter(|s| {
            s.kind == OrganisationKind::Supplier
                && matches!(s.role, MemberRole::Owner | MemberRole::Member)
        })
        .collect();
    let ids: Vec<String> = organisations.iter().map(|s| s.organisation_id.clone()).collect();
    let rows = structures::of_organisations(&state.db, &ids).await?;
    let without: Vec<(String, String)> = organisations
        .iter()
        .filter(|s| !rows.iter().any(|r| r.organisation_id.as_deref() == Some(&s.organisation_id)))
        .map(|s| (s.organisation_id.clone(), s.organisation_name.clone()))
        .collect();
    let mut views = Vec::with_capacity(rows.len());
    for row in &rows {
        views.push(view_of_row(state, row, true).await?);
    }
    Ok((views, without))
}

/// The owner's workspace for one structure.
pub async fn workspace(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
) -> Result<StructureWorkspace, AppError> {
    let row = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    access::require_editor(user, &row)?;
    let structure = view_of_row(state, &row, true).await?;
    let extras = Extras {
        activities: structure.activities.len(),
        published_offers: structure
            .offers
            .iter()
            .filter(|o| o.status == OfferStatus::Published)
            .count(),
        labels: structure.labels.iter().filter(|l| l.valid).count(),
    };
    let completeness = completeness(&profile_of_row(&row), extras);
    let events = structure_events::of_structure(&state.db, structure_id)
        .await?
        .into_iter()
        .map(|e| StructureEvent {
            step: e.step,
            from_status: StructureStatus::from_code(&e.from_status)
                .unwrap_or(StructureStatus::Draft),
            to_status: StructureStatus::from_code(&e.to_status).unwrap_or(StructureStatus::Draft),
            actor: e.actor_name,
            reason: e.reason,
            at: e.at,
        })
        .collect();
    let documents = uploads::of_structure(&state.db, structure_id)
        .await?
        .into_iter()
        .map(|d| UploadView {
            id: d.id,
            purpose: d.purpose.code().to_owned(),
            file_name: d.file_name,
            size_bytes: d.size_bytes,
            offer_id: d.offer_id,
            certification_id: d.certification_id,
        })
        .collect();
    Ok(StructureWorkspace { structure, form: form_of_row(&row), completeness, events, documents })
}

/// An offer in its editor.
pub async fn offer_editor(
    state: &AppState,
    user: &Acting,
    offer_id: &str,
) -> Result<OfferEditor, AppError> {
    let offer = offers::find(&state.db, offer_id).await?.ok_or(AppError::Forbidden)?;
    let structure =
        structures::find(&state.db, &offer.structure_id).await?.ok_or(AppError::Forbidden)?;
    access::require_editor(user, &structure)?;
    let number = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    let form = OfferForm {
        title: offer.title.clone(),
        description: offer.description.clone(),
        sector: offer.sector.clone(),
        cpv: offer.cpv.clone(),
        service_kind: offer.service_kind.clone(),
        unit: offer.unit.clone().unwrap_or_default(),
        price: offer.price_cents.map(|c| format!("{},{:02}", c / 100, c % 100)).unwrap_or_default(),
        on_quote: (offer.on_quote != 0).then(|| "on".to_owned()),
        min_quantity: number(offer.min_quantity),
        max_quantity: number(offer.max_quantity),
        lead_time: offer.lead_time.clone().unwrap_or_default(),
        reach: offer.reach.clone().unwrap_or_default(),
        reach_km: number(offer.reach_km),
        reach_communes: offer.reach_communes.clone(),
    };
    let photos = photos_of(state, &offer).await?;
    Ok(OfferEditor {
        offer: offer_view(&offer, &structure, photos),
        form,
        structure_id: structure.id,
    })
}

/// The moderation queue: structures waiting for validation and reported offers.
pub async fn moderation_queue(
    state: &AppState,
    user: &Acting,
) -> Result<(Vec<PendingStructure>, Vec<crate::domain::directory::views::FlaggedOffer>), AppError> {
    access::require_animator(user)?;
    let pending = structures::submitted(&state.db)
        .await?
        .into_iter()
        .map(|row| PendingStructure {
            kinds: row.kinds(),
            id: row.id,
            slug: row.slug,
            name: row.name,
            siret: row.siret,
            commune_name: row.commune_name,
            submitted_at: row.submitted_at.unwrap_or(row.updated_at),
        })
        .collect();
    let flags = offers::open_flags(&state.db)
        .await?
        .into_iter()
        .map(|f| crate::domain::directory::views::FlaggedOffer {
            offer_id: f.offer_id,
            offer_slug: f.offer_slug,
            offer_title: f.offer_title,
            structure_name: f.structure_name,
            reason: f.reason,
            reported_at: f.created_at,
        })
        .collect();
    Ok((pending, flags))
}

/// One page of the public directory, by name.
pub async fn directory_page(
    state: &AppState,
    page: u32,
    per_page: u32,
) -> Result<Vec<StructureView>, AppError> {
    let offset = i64::from(page.saturating_sub(1)) * i64::from(per_page);
    let rows = structures::published(&state.db, i64::from(per_page), offset).await?;
    let mut views = Vec::with_capacity(rows.len());
    for row in &rows {
        views.push(view_of_row(state, row, false).await?);
    }
    Ok(views)
}
