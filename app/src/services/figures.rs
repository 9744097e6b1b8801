//! The home page's figures, cached: the home page is the busiest page, and its figures
//! (a few aggregates over the directory, the needs and the purchases) move slowly.
//!
//! Invalidation is by age alone: each server keeps the figures it read for
//! [`FRESH_FOR_MS`], then the next request reads them again while the others wait for that
//! read instead of making their own. Nothing is shared between servers and nothing needs
//! to be told of a change: a figure is at most a minute old on any server, which the page
//! says. A write never waits for the cache.

use std::sync::Arc;

use crate::{
    db,
    domain::{Figures, calendar::Day},
    error::AppError,
    state::AppState,
};

/// How long a server shows the figures it read.
pub const FRESH_FOR_MS: i64 = 60_000;

/// The figures one server read last, and when (its clock, in ms).
#[derive(Clone, Default)]
pub struct FiguresCache {
    slot: Arc<tokio::sync::Mutex<Option<(i64, Figures)>>>,
}

impl std::fmt::Debug for FiguresCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FiguresCache")
    }
}

/// The home page figures, at most [`FRESH_FOR_MS`] old.
pub async fn home_figures(state: &AppState) -> Result<Figures, AppError> {
    let now = state.clock.now_ms();
    let mut slot = state.figures.slot.lock().await;
    if let Some((read_at, figures)) = *slot
        && now - read_at < FRESH_FOR_MS
        && now >= read_at
    {
        return Ok(figures);
    }
    let figures = db::figures::read(&state.db, &Day::of_instant(now).iso()).await?;
    *slot = Some((now, figures));
    Ok(figures)
}
