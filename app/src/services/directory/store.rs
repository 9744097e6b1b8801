//! Stores structures the pôle brings in already checked (CSV import, demo data): published at
//! once, with their activities and published offers, and an event saying where they came from.

use crate::domain::Code;
use sqlx::{Any, Transaction};

use super::slugs::{Table, unique_slug};
use crate::{
    db::{offers, structure_activities, structure_certifications, structure_events, structures},
    domain::directory::{
        Activity, HeldCertification, OfferDetails, StructureProfile, StructureStatus,
    },
};

pub struct NewStructure {
    pub profile: StructureProfile,
    pub activities: Vec<Activity>,
    pub offers: Vec<OfferDetails>,
    /// Labels and certifications it holds.
    pub certifications: Vec<HeldCertification>,
}

/// Inserts the structure, published; returns its id.
pub async fn store_published(
    tx: &mut Transaction<'_, Any>,
    new: &NewStructure,
    origin: &str,
    now: i64,
) -> Result<String, sqlx::Error> {
    let id = uuid::Uuid::new_v4().to_string();
    let slug = unique_slug(tx, Table::Structures, &new.profile.name).await?;
    structures::insert(tx, &id, &slug, None, &new.profile, now).await?;
    structures::set_status(tx, &id, StructureStatus::Published, now).await?;
    structure_events::insert(
        tx,
        structure_events::NewEvent {
            structure_id: &id,
            step: "import",
            from_status: StructureStatus::Draft.code(),
            to_status: StructureStatus::Published.code(),
            actor_id: None,
            actor_name: Some(origin),
            reason: None,
            at: now,
        },
    )
    .await?;
    for activity in &new.activities {
        structure_activities::insert(tx, &uuid::Uuid::new_v4().to_string(), &id, activity, now)
            .await?;
    }
    for label in &new.certifications {
        structure_certifications::insert(tx, &uuid::Uuid::new_v4().to_string(), &id, label, now)
            .await?;
    }
    for offer in &new.offers {
        store_offer(tx, &id, &new.profile.name, offer, now).await?;
    }
    Ok(id)
}

/// Inserts a published offer of the structure.
pub async fn store_offer(
    tx: &mut Transaction<'_, Any>,
    structure_id: &str,
    structure_name: &str,
    offer: &OfferDetails,
    now: i64,
) -> Result<String, sqlx::Error> {
    let id = uuid::Uuid::new_v4().to_string();
    let slug = unique_slug(tx, Table::Offers, &format!("{} {structure_name}", offer.title)).await?;
    offers::insert(tx, &id, structure_id, &slug, now).await?;
    offers::update_details(tx, &id, offer, now).await?;
    offers::set_status(tx, &id, crate::domain::directory::OfferStatus::Published, now).await?;
    Ok(id)
}
