//! The common shape of form outcomes, so that one piece of code can turn any of them into a
//! page to go to (without JavaScript) or messages next to fields (hydrated).

use crate::domain::{
    FieldErrors, accounts::AccountOutcome, directory::views::DirectoryOutcome,
    organisations::OrganisationOutcome,
};

pub enum FormResult<'a> {
    Done,
    Invalid(&'a FieldErrors),
    Refused(&'a str),
}

pub trait FormAnswer {
    fn form_result(&self) -> FormResult<'_>;
}

impl FormAnswer for OrganisationOutcome {
    fn form_result(&self) -> FormResult<'_> {
        match self {
            Self::Done { .. } => FormResult::Done,
            Self::Invalid(errors) => FormResult::Invalid(errors),
            Self::Refused(reason) => FormResult::Refused(reason),
        }
    }
}

impl FormAnswer for AccountOutcome {
    fn form_result(&self) -> FormResult<'_> {
        match self {
            Self::Done => FormResult::Done,
            Self::Invalid(errors) => FormResult::Invalid(errors),
            Self::Refused(reason) => FormResult::Refused(reason),
        }
    }
}

impl FormAnswer for DirectoryOutcome {
    fn form_result(&self) -> FormResult<'_> {
        match self {
            Self::Done { .. } => FormResult::Done,
            Self::Invalid(errors) => FormResult::Invalid(errors),
            Self::Refused(reason) => FormResult::Refused(reason),
        }
    }
}
