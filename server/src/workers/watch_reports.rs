//! The watch's scheduled reports, looked for every quarter of an hour: each report is
//! claimed in the transaction that queues its mail, so servers running this side by side,
//! or restarting, send each once (`services::watch::reports::send`).

use std::time::Duration;

use app::{services::watch::reports::send, state::AppState};
use tokio::sync::watch;

const EVERY: Duration = Duration::from_secs(15 * 60);

pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    loop {
        match send::run(&state).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "watch reports sent"),
            Err(error) => tracing::warn!(%error, "watch reports failed"),
        }
        tokio::select! {
            () = tokio::time::sleep(EVERY) => {}
            _ = stop.changed() => return,
        }
    }
}
