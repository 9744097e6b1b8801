//! What a form shows of its answer: from the action once hydrated, or from the flash a plain
//! form post left for the page.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::flash::page_flash;
use crate::{domain::Outcome, error::AppError};

/// What a form's server function answered, as a signal.
pub type Answer<T> = Signal<Option<Result<Outcome<T>, AppError>>>;

/// The error to show for a field.
pub fn field_error<T>(
    answer: Answer<T>,
    field: impl Into<std::borrow::Cow<'static, str>>,
) -> Signal<Option<String>>
where
    T: Clone + Send + Sync + 'static,
{
    let field = field.into();
    let flashed = page_flash().and_then(|f| f.errors.get(&field).map(str::to_owned));
    Signal::derive(move || match answer.get() {
        Some(Ok(outcome)) => outcome.errors().and_then(|e| e.get(&field)).map(str::to_owned),
        Some(Err(_)) => None,
        None => flashed.clone(),
    })
}

/// A refusal or failure for the whole form.
pub fn refusal<T>(answer: Answer<T>) -> Signal<Option<String>>
where
    T: Clone + Send + Sync + 'static,
{
    let flashed = page_flash().and_then(|f| f.refusal);
    Signal::derive(move || match answer.get() {
        Some(Ok(outcome)) => outcome.refusal().map(str::to_owned),
        Some(Err(error)) => Some(error.to_string()),
        None => flashed.clone(),
    })
}

/// Whether the form succeeded: from the action, or from a marker in the address (the page a
/// plain form post goes to on success).
pub fn succeeded<T>(answer: Answer<T>, marker: &'static str) -> Signal<bool>
where
    T: Clone + Send + Sync + 'static,
{
    let query = use_query_map();
    Signal::derive(move || match answer.get() {
        Some(Ok(outcome)) => outcome.is_done(),
        Some(Err(_)) => false,
        None => query.read().get(marker).is_some(),
    })
}

/// A value to show once after a success (a new API token): from the action once hydrated,
/// or from the flash a plain form post left for the page.
pub fn revealed<T>(answer: Answer<T>, secret: fn(&T) -> String) -> Signal<Option<String>>
where
    T: Clone + Send + Sync + 'static,
{
    let flashed = page_flash().and_then(|f| f.secret);
    Signal::derive(move || match answer.get() {
        Some(Ok(outcome)) => outcome.done().map(secret),
        Some(Err(_)) => None,
        None => flashed.clone(),
    })
}

/// A flashed error of a field, for forms outside an action (multipart uploads).
pub fn flashed_error(field: &str) -> Option<String> {
    page_flash().and_then(|f| f.errors.get(field).map(str::to_owned).or(f.refusal))
}

/// Counts the successes of an action: the workspace reloads after each one (not after a
/// form with errors, which keeps what was typed).
pub fn successes<A>(action: ServerAction<A>) -> Memo<u32>
where
    A: server_fn::ServerFn<Output = Outcome<String>, Error = AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    A::Output: Send + Sync,
{
    let count = RwSignal::new(0_u32);
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = action.value().get()
            && outcome.is_done()
        {
            count.update(|n| *n += 1);
        }
    });
    Memo::new(move |_| count.get())
}
