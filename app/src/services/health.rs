use serde::Serialize;

use crate::{db, state::AppState};

/// The state of one backend as reported by `/healthz`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Check {
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Check {
    /// `reason` is public; the error's own text may name hosts, so it only goes to the logs.
    fn from_result<E: std::fmt::Display>(result: Result<(), E>, reason: &str) -> Self {
        match result {
            Ok(()) => Self { status: "up", error: None },
            Err(error) => {
                tracing::warn!(error = %error, "{reason}");
                Self { status: "down", error: Some(reason.to_owned()) }
            }
        }
    }

    pub fn is_up(&self) -> bool {
        self.error.is_none()
    }
}

/// The state of every backend the application needs.
#[derive(Debug, Clone, Serialize)]
pub struct Health {
    pub status: &'static str,
    pub database: Check,
    pub search: Check,
}

impl Health {
    pub fn is_up(&self) -> bool {
        self.database.is_up() && self.search.is_up()
    }
}

/// Asks the database and Meilisearch, concurrently.
pub async fn check(state: &AppState) -> Health {
    let (database, search) = tokio::join!(db::ping(&state.db), state.search.health());
    let database = Check::from_result(database, "the database does not answer");
    let search = Check::from_result(search, "Meilisearch does not answer");
    let status = if database.is_up() && search.is_up() { "ok" } else { "unavailable" };
    Health { status, database, search }
}
