//! What every change answers. Business outcomes travel inside `Ok`; `Err(AppError)` is kept
//! for failures (Leptos answers HTTP 500 to a server function's `Err` unless told otherwise).

use serde::{Deserialize, Serialize};

use super::FieldErrors;

/// The answer of a change: done (with what it concerned: an id, or nothing), fields to
/// correct, or a refusal with a French reason for the whole form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome<T = ()> {
    Done(T),
    Invalid(FieldErrors),
    Refused(String),
}

impl<T> Outcome<T> {
    /// A refusal with a French reason.
    pub fn refused(reason: impl Into<String>) -> Self {
        Self::Refused(reason.into())
    }

    /// The errors of one field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, message);
        Self::Invalid(errors)
    }

    pub fn is_done(&self) -> bool {
        matches!(self, Self::Done(_))
    }

    /// The fields' errors, when the form must be corrected.
    pub fn errors(&self) -> Option<&FieldErrors> {
        match self {
            Self::Invalid(errors) => Some(errors),
            _ => None,
        }
    }

    /// The reason of a refusal.
    pub fn refusal(&self) -> Option<&str> {
        match self {
            Self::Refused(reason) => Some(reason),
            _ => None,
        }
    }

    /// What was done, if it was.
    pub fn done(&self) -> Option<&T> {
        match self {
            Self::Done(value) => Some(value),
            _ => None,
        }
    }

    /// The same answer with what was done turned into something else.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Outcome<U> {
        match self {
            Self::Done(value) => Outcome::Done(f(value)),
            Self::Invalid(errors) => Outcome::Invalid(errors),
            Self::Refused(reason) => Outcome::Refused(reason),
        }
    }
}

impl<T> From<FieldErrors> for Outcome<T> {
    fn from(errors: FieldErrors) -> Self {
        Self::Invalid(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_tells_what_it_is() {
        let done: Outcome<String> = Outcome::Done("s1".to_owned());
        assert!(done.is_done());
        assert_eq!(done.clone().map(|id| id.len()), Outcome::Done(2));
        let invalid: Outcome = Outcome::invalid("siret", "SIRET invalide");
        assert_eq!(invalid.errors().and_then(|e| e.get("siret")), Some("SIRET invalide"));
        assert!(!invalid.is_done());
        let refused: Outcome = Outcome::refused("non");
        assert_eq!(refused.refusal(), Some("non"));
        assert_eq!(refused.errors(), None);
    }
}
