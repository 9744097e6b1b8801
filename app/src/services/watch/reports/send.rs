//! Sending the scheduled reports. Each run looks for the reports due today; each is claimed
//! in the transaction that queues its mail, so that it goes out once, whatever the number of
//! servers running this at the same moment and however often they restart.

use strum::VariantArray;

use crate::{
    db::{self, watch_reports},
    domain::{
        calendar::Day,
        watch::reports::{Frequency, due, key},
    },
    error::AppError,
    services::{accounts::acting_as, mail},
    state::AppState,
};

/// Subscriptions read per query.
const PAGE: i64 = 100;

/// Sends the reports due now; returns how many this run sent.
pub async fn run(state: &AppState) -> Result<u32, AppError> {
    let now = state.clock.now_ms();
    let today = Day::of_instant(now);
    let mut sent = 0;
    for frequency in Frequency::VARIANTS {
        let Some((period, sending_day)) = due(today, *frequency) else { continue };
        let period_key = key(period);
        loop {
            let page = watch_reports::unsent(
                &state.db,
                frequency.code(),
                &period_key,
                &sending_day.iso(),
                PAGE,
            )
            .await?;
            if page.is_empty() {
                break;
            }
            for subscription in page {
                // Written before the claim (it reads the ledger), queued with it; a person who
                // left the pôle gets none, and the claim keeps them out of the next page.
                let report = match acting_as(state, &subscription.user_id).await? {
                    Some(person) => super::mail::report(state, &person, period).await?,
                    None => None,
                };
                let mut tx = db::begin(&state.db).await?;
                let claimed =
                    watch_reports::claim_send(&mut tx, &subscription.user_id, &period_key, now)
                        .await?;
                if let (true, Some(report)) = (claimed, report) {
                    mail::enqueue(&mut tx, &report, now).await?;
                    sent += 1;
                }
                tx.commit().await?;
            }
        }
    }
    Ok(sent)
}
