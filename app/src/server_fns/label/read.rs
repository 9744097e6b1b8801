//! Label reads.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    domain::{
        hqs::{RequirementForm, views::ReferentialVersion},
        label::{
            Level,
            views::{
                HeldCertification, LabelProfileVersion, LabelSummary, LabelView, Verification,
            },
        },
    },
    error::AppError,
};

/// `/label-hqs`: the labels held now.
#[server(endpoint = "label-registry")]
pub async fn get_label_registry() -> Result<Vec<HeldCertification>, AppError> {
    use crate::{server_fns::request, services::label::public};
    public::registry(&request::state()?).await
}

/// What Ecossol knows of a label number, as typed.
#[server(endpoint = "label-verify")]
pub async fn get_label_verification(number: String) -> Result<Verification, AppError> {
    use crate::{server_fns::request, services::label::public};
    public::verify(&request::state()?, &number).await
}

/// A published structure's badge, by its slug: the label it holds now (number, level, last
/// valid day).
#[server(endpoint = "label-badge")]
pub async fn get_label_badge(
    structure: String,
) -> Result<Option<(String, Option<Level>, String)>, AppError> {
    use crate::{server_fns::request, services::label::public};
    public::of_structure(&request::state()?, &structure).await
}

/// `/label-hqs/profil`: the label profile's versions; animators publish the next one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelProfilePage {
    pub versions: Vec<LabelProfileVersion>,
    pub can_publish: bool,
    /// The version in force, as the builder's form.
    pub form: RequirementForm,
    /// The référentiel the builder offers (the latest).
    pub latest: ReferentialVersion,
}

#[server(endpoint = "label-profile")]
pub async fn get_label_profile() -> Result<LabelProfilePage, AppError> {
    use crate::{
        domain::hqs::ProfileDraft,
        server_fns::request,
        services::{hqs::referential, label::profile},
    };
    let state = request::state()?;
    let can_publish = match request::session_user().await? {
        Some(user) => user.moderates(),
        None => false,
    };
    let versions = profile::versions(&state).await?;
    let current = versions.first().ok_or(AppError::Internal)?;
    let form = RequirementForm::of(&ProfileDraft {
        name: "Label HQS".to_owned(),
        description: String::new(),
        shared: false,
        requirements: current.requirements.clone(),
    });
    let latest = referential::latest(&state).await?;
    Ok(LabelProfilePage { form, can_publish, latest, versions })
}

/// A label file's page (404 when it is not the viewer's to see).
#[server(endpoint = "label-file")]
pub async fn get_label_file(id: String) -> Result<LabelView, AppError> {
    use crate::{server_fns::request, services::label::view};
    let user = request::require_user().await?;
    view::view(&request::state()?, &user, &id).await?.ok_or(AppError::NotFound)
}

/// A structure's files, for its people and the animators (`None` for anyone else).
#[server(endpoint = "label-files")]
pub async fn get_label_files(structure_id: String) -> Result<Option<Vec<LabelSummary>>, AppError> {
    use crate::{server_fns::request, services::label::view};
    let Some(user) = request::session_user().await? else { return Ok(None) };
    view::of_structure(&request::state()?, &user, &structure_id).await
}

/// `/label-hqs/dossiers`: the animators' desk.
#[server(endpoint = "label-desk")]
pub async fn get_label_desk() -> Result<Vec<LabelSummary>, AppError> {
    use crate::{server_fns::request, services::label::view};
    let user = request::require_user().await?;
    view::desk(&request::state()?, &user).await
}

/// The audit log's last signed checkpoint, shown on the animators' desk.
#[server(endpoint = "audit-anchor")]
pub async fn get_audit_anchor() -> Result<Option<crate::domain::audit::Anchor>, AppError> {
    use crate::{server_fns::request, services::audit::checkpoint};
    let user = request::require_user().await?;
    checkpoint::last(&request::state()?, &user).await
}
