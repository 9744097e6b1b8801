//! What the HQS pages show and what their changes answer.

use serde::{Deserialize, Serialize};

use super::{harmonise::Comparison, profile_form::ProfileForm, referential::Referential};
use crate::domain::FieldErrors;

/// The answer of the HQS server functions that change something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum HqsOutcome {
    /// Done; the profile, version or check concerned.
    Done {
        id: String,
    },
    Invalid(FieldErrors),
    Refused(String),
}

impl crate::domain::FormAnswer for HqsOutcome {
    fn form_result(&self) -> crate::domain::FormResult<'_> {
        match self {
            Self::Done { .. } => crate::domain::FormResult::Done,
            Self::Invalid(errors) => crate::domain::FormResult::Invalid(errors),
            Self::Refused(reason) => crate::domain::FormResult::Refused(reason),
        }
    }
}

/// A published version of the référentiel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferentialVersion {
    pub version: i64,
    pub note: String,
    pub published_at: i64,
    pub referential: Referential,
}

/// A profile in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileSummary {
    pub id: String,
    pub name: String,
    pub organisation_name: String,
    pub shared: bool,
    /// The viewer's organisation owns it (and the viewer may edit it).
    pub editable: bool,
    pub referential_version: i64,
    pub updated_at: i64,
}

/// The buyer organisations where the person manages profiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerChoice {
    pub id: String,
    pub name: String,
}

/// `/hqs/profils`: the profiles the person may use, and where they may create one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfilesPage {
    pub profiles: Vec<ProfileSummary>,
    pub buyers: Vec<BuyerChoice>,
}

/// A profile's page: what it requires, and its form when the viewer may edit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileView {
    pub summary: ProfileSummary,
    pub description: String,
    pub requirements: super::profile::Requirements,
    pub form: ProfileForm,
    /// The version of the référentiel the form offers (the latest).
    pub latest: ReferentialVersion,
}

/// `/hqs/harmonisation`: profiles side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Harmonisation {
    pub profiles: Vec<ProfileSummary>,
    pub comparison: Comparison,
}
