//! Label steps. Each works as a plain form (a redirection to the page) and once hydrated.

use leptos::prelude::*;

use crate::{
    domain::hqs::{ProfileForm, views::HqsOutcome},
    error::AppError,
};

#[cfg(feature = "ssr")]
use crate::{server::request, services::label as service};

#[cfg(feature = "ssr")]
fn file_page(id: &str) -> String {
    format!("/label-hqs/dossiers/{}", request::encode(id))
}

/// A structure applies for the label (or renews it); its editors.
#[server(endpoint = "label-apply")]
pub async fn apply_label(
    structure_id: String,
    #[server(default)] back: String,
) -> Result<HqsOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::file::apply(&request::state()?, &user, &structure_id)
        .await
        .map_err(request::fail)?;
    let back = request::local_path(&back).unwrap_or("/espace").to_owned();
    let done = match &outcome {
        HqsOutcome::Done { id } => file_page(id),
        _ => back.clone(),
    };
    request::answer_form(&outcome, &done, &back, true);
    Ok(outcome)
}

/// A step of a file (`submit`, `return`, `prepare`, `decide`, `suspend`, `reinstate`,
/// `withdraw`, `respond`), with its words and, for `prepare` and `decide`, the choice
/// (`grant` or `refuse`).
#[server(endpoint = "label-step")]
pub async fn label_step(
    label_id: String,
    step: String,
    #[server(default)] text: String,
    #[server(default)] decision: String,
) -> Result<HqsOutcome, AppError> {
    let user = request::require_user().await?;
    let state = request::state()?;
    let outcome = match step.as_str() {
        "submit" => service::file::submit(&state, &user, &label_id).await,
        "return" => service::review::send_back(&state, &user, &label_id, &text).await,
        "prepare" => service::review::prepare(&state, &user, &label_id, &decision, &text).await,
        "decide" => {
            let years = state.label_years;
            service::review::decide(&state, &user, &label_id, &decision, &text, years).await
        }
        "respond" => service::sanctions::respond(&state, &user, &label_id, &text).await,
        other => service::sanctions::sanction(&state, &user, &label_id, other, &text).await,
    }
    .map_err(request::fail)?;
    let page = file_page(&label_id);
    request::answer_form(&outcome, &format!("{page}?etape=1"), &page, false);
    Ok(outcome)
}

/// Publishes the next version of the label profile; animators.
#[server(endpoint = "label-profile-publish")]
pub async fn publish_label_profile(
    form: ProfileForm,
    #[server(default)] note: String,
) -> Result<HqsOutcome, AppError> {
    let user = request::require_user().await?;
    let outcome = service::profile::publish(&request::state()?, &user, &form, &note)
        .await
        .map_err(request::fail)?;
    let page = "/label-hqs/profil";
    match &outcome {
        HqsOutcome::Invalid(errors) if request::is_plain_form() => {
            request::redirect_with_typed(page, errors, &[], &form.typed_values());
        }
        _ => request::answer_form(&outcome, &format!("{page}?publie=1"), page, false),
    }
    Ok(outcome)
}
