use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    domain::{FormAnswer, FormResult},
    error::AppError,
};

/// What a form's server function answered, as a signal.
pub type Answer<O> = Signal<Option<Result<O, AppError>>>;

/// The error to show for a field: from the action once hydrated, or from the address after
/// a plain form post (`erreur_<field>`).
pub fn field_error<O>(answer: Answer<O>, field: &'static str) -> Signal<Option<String>>
where
    O: FormAnswer + Clone + Send + Sync + 'static,
{
    let query = use_query_map();
    Signal::derive(move || match answer.get() {
        Some(Ok(outcome)) => match outcome.form_result() {
            FormResult::Invalid(errors) => errors.get(field).map(str::to_owned),
            _ => None,
        },
        Some(Err(_)) => None,
        None => query.read().get(&format!("erreur_{field}")),
    })
}

/// A refusal or failure for the whole form, from the action or from the address (`refus`).
pub fn refusal<O>(answer: Answer<O>) -> Signal<Option<String>>
where
    O: FormAnswer + Clone + Send + Sync + 'static,
{
    let query = use_query_map();
    Signal::derive(move || match answer.get() {
        Some(Ok(outcome)) => match outcome.form_result() {
            FormResult::Refused(reason) => Some(reason.to_owned()),
            _ => None,
        },
        Some(Err(error)) => Some(error.to_string()),
        None => query.read().get("refus"),
    })
}

/// Whether the form succeeded: from the action, or from a marker in the address.
pub fn succeeded<O>(answer: Answer<O>, marker: &'static str) -> Signal<bool>
where
    O: FormAnswer + Clone + Send + Sync + 'static,
{
    let query = use_query_map();
    Signal::derive(move || match answer.get() {
        Some(Ok(outcome)) => matches!(outcome.form_result(), FormResult::Done),
        Some(Err(_)) => false,
        None => query.read().get(marker).is_some(),
    })
}
