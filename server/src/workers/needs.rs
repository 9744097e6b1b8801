//! The needs' sweep, every quarter of an hour: the due batches of notifications go out, the
//! due reminders and the follow-ups after the start date too, and needs left in changes too
//! long lapse. Each structure is claimed before it is told or reminded, each follow-up before
//! it is asked, and each lapse is conditional on the need's state, so servers sweeping side
//! by side do each once.

use std::time::Duration;

use app::{services::needs, state::AppState};
use tokio::sync::watch;

const EVERY: Duration = Duration::from_secs(15 * 60);

pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        match needs::notify::send_due_batches(&state).await {
            Ok(0) => {}
            Ok(told) => tracing::info!(told, "needs' batches sent"),
            Err(error) => tracing::warn!(%error, "needs' batches failed"),
        }
        match needs::send_due_reminders(&state).await {
            Ok(0) => {}
            Ok(reminded) => tracing::info!(reminded, "needs' reminders sent"),
            Err(error) => tracing::warn!(%error, "needs' reminders failed"),
        }
        match needs::ask_due_follow_ups(&state).await {
            Ok(0) => {}
            Ok(asked) => tracing::info!(asked, "needs' follow-ups asked"),
            Err(error) => tracing::warn!(%error, "needs' follow-ups failed"),
        }
        match needs::lapse_returned(&state).await {
            Ok(0) => {}
            Ok(lapsed) => tracing::info!(lapsed, "needs sweep"),
            Err(error) => tracing::warn!(%error, "needs sweep failed"),
        }
        tokio::select! {
            () = tokio::time::sleep(EVERY) => {}
            _ = stop.changed() => return,
        }
    }
}
