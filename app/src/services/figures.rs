use crate::{db, domain::Figures, error::AppError, state::AppState};

/// The home page figures. A search engine that does not answer is reported, not fatal.
pub async fn home_figures(state: &AppState) -> Result<Figures, AppError> {
    let (structures, offers) = db::figures::published_counts(&state.db).await?;
    let indexed_documents = match state.search.document_count().await {
        Ok(count) => Some(count),
        Err(error) => {
            tracing::warn!(error = %error, "search engine unavailable for the home figures");
            None
        }
    };
    Ok(Figures { structures, offers, indexed_documents })
}
