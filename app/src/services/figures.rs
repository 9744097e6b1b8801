//! The home page's figures, cached: the home page is the busiest page, and its figures
//! (a few aggregates over the directory, the needs and the purchases) move slowly. Each
//! server reads them at most once a minute (`services::cached`), which the page says.

use crate::{
    db,
    domain::{Figures, calendar::Day},
    error::AppError,
    state::AppState,
};

/// How long a server shows the figures it read.
pub const FRESH_FOR_MS: i64 = crate::clock::MINUTE_MS;

/// The home page figures, at most [`FRESH_FOR_MS`] old.
pub async fn home_figures(state: &AppState) -> Result<Figures, AppError> {
    let now = state.clock.now_ms();
    let read = || async { db::figures::read(&state.db, &Day::of_instant(now).iso()).await };
    Ok(state.figures.get(now, read).await?)
}
