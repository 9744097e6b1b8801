use leptos::prelude::*;

use crate::{domain::Figures, error::AppError};

/// Public figures for the home page. Read-only and public: no session needed.
#[server(endpoint = "figures")]
pub async fn home_figures() -> Result<Figures, AppError> {
    let state = use_context::<crate::state::AppState>().ok_or(AppError::Internal)?;
    crate::services::figures::home_figures(&state).await
}
