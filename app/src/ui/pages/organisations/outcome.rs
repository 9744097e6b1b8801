use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{domain::organisations::OrganisationOutcome, error::AppError};

/// What an organisation action answered, as a signal.
pub type Answer = Signal<Option<Result<OrganisationOutcome, AppError>>>;

/// The error to show for a field: from the action once hydrated, or from the address after
/// a plain form post.
pub fn field_error(answer: Answer, field: &'static str) -> Signal<Option<String>> {
    let query = use_query_map();
    Signal::derive(move || match answer.get() {
        Some(Ok(OrganisationOutcome::Invalid(errors))) => errors.get(field).map(str::to_owned),
        Some(_) => None,
        None => query.read().get(&format!("erreur_{field}")),
    })
}

/// A refusal or failure for the whole form, from the action or from the address.
pub fn refusal(answer: Answer) -> Signal<Option<String>> {
    let query = use_query_map();
    Signal::derive(move || match answer.get() {
        Some(Ok(OrganisationOutcome::Refused(reason))) => Some(reason),
        Some(Err(error)) => Some(error.to_string()),
        Some(Ok(_)) => None,
        None => query.read().get("refus"),
    })
}
