//! The one error type at the edge of the application.
//!
//! Users only ever see the French message of a variant; the full chain of an internal error
//! goes to the logs on the server and never crosses the wire.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// A backend (database, search engine) is down or too slow.
    #[error("Le service est momentanément indisponible. Réessayez dans un instant.")]
    Unavailable,
    /// The action needs a signed-in person.
    #[error("Connectez-vous pour continuer.")]
    Unauthenticated,
    /// The signed-in person may not do this.
    #[error("Vous n'avez pas les droits nécessaires pour cette action.")]
    Forbidden,
    /// What the request names does not exist (or is not the person's to see).
    #[error("Cette page ou cet élément n'existe pas (ou plus).")]
    NotFound,
    /// The request is not one the application's pages send (a value out of its list).
    #[error("La demande est incomplète ou mal formée. Rechargez la page et réessayez.")]
    BadRequest,
    /// A failure the user cannot fix; details are in the server logs.
    #[error("Une erreur interne est survenue. L'équipe technique a été prévenue.")]
    Internal,
    /// The request could not reach the server or its answer could not be read.
    #[error("Le serveur n'a pas pu être joint. Vérifiez votre connexion et réessayez.")]
    Transport,
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::Serialization(_) => Self::Transport,
            // The server could not read the arguments: a form no page of ours sends.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => Self::BadRequest,
            _ => Self::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status of a failure: the one place it is decided (the server's error layer
    /// applies it to server functions' answers, the pages' error view to pages).
    pub fn status_code(&self) -> http::StatusCode {
        match self {
            Self::NotFound => http::StatusCode::NOT_FOUND,
            Self::BadRequest => http::StatusCode::BAD_REQUEST,
            Self::Unauthenticated => http::StatusCode::UNAUTHORIZED,
            Self::Forbidden => http::StatusCode::FORBIDDEN,
            Self::Unavailable => http::StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal | Self::Transport => http::StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Logs an infrastructure failure with its whole chain and returns the safe variant.
    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        let error = error.into();
        tracing::error!(error = format!("{error:#}"), "internal error");
        Self::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        // The database out of reach (see `db::is_outage`): the page says so in a few seconds
        // instead of hanging, and the next request tries again.
        if crate::db::is_outage(&error) {
            tracing::error!(error = %error, "database unavailable");
            Self::Unavailable
        } else {
            Self::internal(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_no_page_sends_are_bad_requests() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args("step".into()));
        assert_eq!(error, AppError::BadRequest);
        #[cfg(feature = "ssr")]
        assert_eq!(error.status_code(), http::StatusCode::BAD_REQUEST);
    }

    #[test]
    fn transport_failures_read_as_connection_problems() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Request("refused".into()));
        assert_eq!(error, AppError::Transport);
        assert!(error.to_string().contains("Vérifiez votre connexion"));
    }

    #[test]
    fn server_failures_never_leak_their_detail() {
        let error =
            AppError::from_server_fn_error(ServerFnErrorErr::ServerError("secret SQL".into()));
        assert_eq!(error, AppError::Internal);
        assert!(!error.to_string().contains("secret"));
    }
}
