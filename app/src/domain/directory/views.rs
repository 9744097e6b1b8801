//! What the directory's pages show, as the server sends it.

use serde::{Deserialize, Serialize};

use super::{
    Completeness, OfferStatus, StructureForm, StructureKind, StructureStatus, offer::OfferForm,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityView {
    pub id: String,
    pub sector: String,
    pub service_kind: String,
    pub reach: String,
}

/// A label the structure holds, as shown: `valid` on the day the page was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertificationView {
    pub id: String,
    pub name: String,
    pub issuer: Option<String>,
    pub number: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub valid: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferSummary {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub sector: String,
    pub price: Option<String>,
    pub status: OfferStatus,
}

/// A structure as its public page shows it (its owner sees the same in preview).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructureView {
    pub id: String,
    pub slug: String,
    pub status: StructureStatus,
    pub name: String,
    pub brand: Option<String>,
    pub kinds: Vec<StructureKind>,
    pub legal_form: Option<String>,
    pub siret: Option<String>,
    pub rna: Option<String>,
    pub naf: Option<String>,
    pub esus_agreed_on: Option<String>,
    pub networks: Option<String>,
    pub year_founded: Option<i64>,
    pub description: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub commune_name: Option<String>,
    pub postcode: Option<String>,
    pub coordinates: Option<(f64, f64)>,
    pub permanent_staff: Option<i64>,
    pub insertion_staff: Option<i64>,
    pub disabled_share: Option<f64>,
    pub detainee_share: Option<f64>,
    pub insertion_hours_capacity: Option<i64>,
    pub turnover_band: Option<String>,
    pub client_references: Option<String>,
    /// When the social facts were last changed (Unix ms).
    pub facts_updated_at: Option<i64>,
    pub activities: Vec<ActivityView>,
    pub labels: Vec<CertificationView>,
    /// The logo's document id (served at `/documents/{id}`).
    pub logo: Option<String>,
    /// Public page: published offers only. Workspace: every offer.
    pub offers: Vec<OfferSummary>,
}

/// A change of state, with who and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructureEvent {
    pub step: String,
    pub from_status: StructureStatus,
    pub to_status: StructureStatus,
    pub actor: Option<String>,
    pub reason: Option<String>,
    pub at: i64,
}

/// The owner's workspace: the structure, its form values, what is missing, its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructureWorkspace {
    pub structure: StructureView,
    pub form: StructureForm,
    pub completeness: Completeness,
    pub events: Vec<StructureEvent>,
    pub documents: Vec<UploadView>,
}

/// A file of the structure, as its workspace lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadView {
    pub id: String,
    pub purpose: String,
    pub file_name: String,
    pub size_bytes: i64,
    pub offer_id: Option<String>,
    pub certification_id: Option<String>,
}

/// An offer's public page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferView {
    pub id: String,
    pub slug: String,
    pub status: OfferStatus,
    pub title: String,
    pub description: String,
    pub sector: String,
    pub sector_group: String,
    pub cpv: Vec<String>,
    pub service_kind: String,
    pub unit: Option<String>,
    pub price: Option<String>,
    pub min_quantity: Option<i64>,
    pub max_quantity: Option<i64>,
    pub lead_time: Option<String>,
    pub reach: String,
    pub structure_slug: String,
    pub structure_name: String,
    pub commune_name: Option<String>,
    /// Document ids of the offer's photos.
    pub photos: Vec<String>,
}

/// An offer being edited in the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferEditor {
    pub offer: OfferView,
    pub form: OfferForm,
    pub structure_id: String,
}

/// A structure waiting for the pôle's validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingStructure {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub siret: Option<String>,
    pub kinds: Vec<StructureKind>,
    pub commune_name: Option<String>,
    pub submitted_at: i64,
}

/// How an animator closes the reports of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagDecision {
    /// The offer is fine: the reports are dismissed.
    Dismiss,
    /// The offer is withdrawn.
    Archive,
}

impl FlagDecision {
    /// How the reports are recorded as resolved.
    pub fn resolution(self) -> &'static str {
        match self {
            Self::Dismiss => "dismissed",
            Self::Archive => "archived",
        }
    }
}

/// An offer someone reported to the pôle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlaggedOffer {
    pub offer_id: String,
    pub offer_slug: String,
    pub offer_title: String,
    pub structure_name: String,
    pub reason: String,
    pub reported_at: i64,
}

/// The moderation queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModerationQueue {
    pub structures: Vec<PendingStructure>,
    pub offers: Vec<FlaggedOffer>,
}

/// The person's structures, and their supplier organisations that have no profile yet
/// (id, name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyStructures {
    pub structures: Vec<StructureView>,
    pub organisations_without: Vec<(String, String)>,
}
