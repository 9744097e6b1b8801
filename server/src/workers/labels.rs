//! The label sweep: reminders before a label's end and lapses after it, once an hour (each
//! step is conditional on the label's state, so servers sweeping side by side do each once).

use std::time::Duration;

use app::{services::label::sweep, state::AppState};
use tokio::sync::watch;

const EVERY: Duration = Duration::from_secs(3600);

pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        match sweep::sweep(&state).await {
            Ok(swept) if swept.reminded + swept.lapsed + swept.suspended > 0 => {
                tracing::info!(
                    reminded = swept.reminded,
                    lapsed = swept.lapsed,
                    suspended = swept.suspended,
                    "label sweep"
                );
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "label sweep failed"),
        }
        tokio::select! {
            () = tokio::time::sleep(EVERY) => {}
            _ = stop.changed() => return,
        }
    }
}
