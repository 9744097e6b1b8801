//! The answer of a server function that changes something: its outcome, and for a plain
//! form post (no JavaScript) the page to go to, declared by the server function as a
//! [`Redirect`]. A form that comes back with errors or a refusal leaves them, with the values
//! typed, in a flash kept on the server for the page it returns to.

use super::{cookies, request};
use crate::{
    domain::{FieldErrors, Flash, Outcome},
    error::AppError,
    services::flash,
};

type DonePage<T> = Box<dyn FnOnce(&T) -> String + Send>;
type Secret<T> = Box<dyn FnOnce(&T) -> String + Send>;

/// Where a form goes once answered: `back` (the form's page) unless it succeeded, then its
/// done page.
pub struct Redirect<T> {
    back: String,
    done: Option<DonePage<T>>,
    navigate: bool,
    values: Vec<(String, String)>,
    reveal: Option<Secret<T>>,
}

impl<T> Redirect<T> {
    /// Back to `page`, whatever the outcome.
    pub fn to(page: impl Into<String>) -> Self {
        Self { back: page.into(), done: None, navigate: false, values: Vec::new(), reveal: None }
    }

    /// On success, to `page` instead.
    pub fn done(self, page: impl Into<String>) -> Self {
        let page = page.into();
        self.done_with(move |_| page)
    }

    /// On success, to the page of what was done.
    pub fn done_with(mut self, page: impl FnOnce(&T) -> String + Send + 'static) -> Self {
        self.done = Some(Box::new(page));
        self
    }

    /// Once hydrated too, go to the done page on success (a page that no longer exists, or a
    /// new one).
    pub fn navigate(mut self) -> Self {
        self.navigate = true;
        self
    }

    /// The values typed, shown again when the form comes back with errors (never passwords).
    pub fn keeping(mut self, values: Vec<(String, String)>) -> Self {
        self.values = values;
        self
    }

    /// On success after a plain form post, the done page shows this value once (a new API
    /// token): it travels in a flash, sealed in the database (see `services::flash`), never
    /// in the address, where it would stay in the history, the logs and the next `Referer`.
    /// Once hydrated, the page shows it from the outcome.
    pub fn revealing_once(mut self, secret: impl FnOnce(&T) -> String + Send + 'static) -> Self {
        self.reveal = Some(Box::new(secret));
        self
    }

    fn done_page(self, value: &T) -> String {
        match self.done {
            Some(page) => page(value),
            None => self.back,
        }
    }
}

/// Answers a change: once hydrated, its outcome (and a navigation when asked); for a plain
/// form post, a redirection, with a flash when it did not succeed. Failures keep their
/// `Err`; their HTTP status is set by the server's error layer and by the page that shows
/// them.
pub async fn answer<T>(
    result: Result<Outcome<T>, AppError>,
    to: Redirect<T>,
) -> Result<Outcome<T>, AppError> {
    let plain = request::is_plain_form();
    match &result {
        Ok(Outcome::Done(value)) if plain || to.navigate => {
            let mut to = to;
            let secret = to.reveal.take().filter(|_| plain).map(|reveal| reveal(value));
            let page = to.done_page(value);
            if let Some(secret) = secret {
                let flash = Flash {
                    secret: Some(secret),
                    ..Flash::for_page(&page, FieldErrors::new(), None, Vec::new())
                };
                cookies::set_flash(&flash::keep(&request::state()?, &flash).await?);
            }
            leptos_axum::redirect(&page);
        }
        Ok(Outcome::Invalid(errors)) if plain => {
            back_with(to, errors.clone(), None).await?;
        }
        Ok(Outcome::Refused(reason)) if plain => {
            back_with(to, FieldErrors::new(), Some(reason.clone())).await?;
        }
        Err(error) if plain => {
            back_with(to, FieldErrors::new(), Some(error.to_string())).await?;
        }
        _ => {}
    }
    result
}

async fn back_with(
    to: Redirect<impl Sized>,
    errors: FieldErrors,
    refusal: Option<String>,
) -> Result<(), AppError> {
    let flash = Flash::for_page(&to.back, errors, refusal, to.values);
    let token = flash::keep(&request::state()?, &flash).await?;
    cookies::set_flash(&token);
    leptos_axum::redirect(&to.back);
    Ok(())
}
