//! Label steps. Each works as a plain form (a redirection to the page) and once hydrated.

use leptos::prelude::*;

use crate::{
    domain::{Outcome, hqs::RequirementForm, label},
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{
    server_fns::{answer::*, request},
    services::label as service,
};

#[cfg(feature = "ssr")]
fn file_page(id: &str) -> String {
    format!("/label-hqs/dossiers/{}", request::encode(id))
}

/// A structure applies for the label (or renews it); its editors.
#[server(endpoint = "label-apply")]
pub async fn apply_label(
    structure_id: String,
    #[server(default)] back: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::file::apply(&request::state()?, &user, &structure_id).await;
    let back = request::local_path(&back).unwrap_or("/espace").to_owned();
    answer(outcome, Redirect::to(back).done_with(|id: &String| file_page(id)).navigate()).await
}

/// A step of a file, with its words and, for `prepare` and `decide`, the choice (`grant` or
/// `refuse`).
#[server(endpoint = "label-step")]
pub async fn label_step(
    label_id: String,
    step: label::LabelStep,
    #[server(default)] text: String,
    #[server(default)] decision: String,
) -> Result<Outcome<String>, AppError> {
    use service::{file, review, sanctions};
    let user = request::require_user().await?;
    let state = request::state()?;
    let (id, years) = (label_id.as_str(), state.label_years);
    let outcome = match step {
        label::LabelStep::Submit => file::submit(&state, &user, id).await,
        label::LabelStep::Return => review::send_back(&state, &user, id, &text).await,
        label::LabelStep::Prepare => review::prepare(&state, &user, id, &decision, &text).await,
        label::LabelStep::Decide => {
            review::decide(&state, &user, id, &decision, &text, years).await
        }
        label::LabelStep::Respond => sanctions::respond(&state, &user, id, &text).await,
        other => sanctions::sanction(&state, &user, id, other, &text).await,
    };
    let page = file_page(&label_id);
    answer(outcome, Redirect::to(&page).done(format!("{page}?etape=1"))).await
}

/// Publishes the next version of the label profile; animators.
#[server(endpoint = "label-profile-publish")]
pub async fn publish_label_profile(
    form: RequirementForm,
    #[server(default)] note: String,
) -> Result<Outcome<String>, AppError> {
    let user = request::require_user().await?;
    let outcome = service::profile::publish(&request::state()?, &user, &form, &note).await;
    let to = Redirect::to("/label-hqs/profil").done("/label-hqs/profil?publie=1");
    answer(outcome, to.keeping(form.typed_values())).await
}
