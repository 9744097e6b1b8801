//! One reminder to each structure told of a need that has not opened it nor answered, some
//! days later (`Mailing::remind_after_days`), on a working day, never once the deadline's day
//! is over nor for a need no longer published (`domain::needs::followups`). Each reminder is
//! claimed before it is sent, so servers sweeping side by side send it once; it carries a
//! fresh single-use link, as the first mail did.

use crate::{
    clock::DAY_MS,
    db::{need_matches, needs, needs::NeedRow},
    domain::{
        calendar::{Day, is_working_day},
        needs::{NeedState, followups::reminder_due},
    },
    error::AppError,
    services::mail,
    state::AppState,
};

use super::{followup_mails, notify};

/// Sends the reminders due on every open need; how many structures were reminded.
pub async fn send_due_reminders(state: &AppState) -> Result<usize, AppError> {
    let today = Day::of_instant(state.clock.now_ms());
    if !is_working_day(today) {
        return Ok(0);
    }
    let mut reminded = 0;
    for row in needs::open(&state.db, &today.iso(), None, None, 1000).await? {
        reminded += remind(state, &row).await?;
    }
    Ok(reminded)
}

/// Reminds the structures of one need that are due; how many were.
async fn remind(state: &AppState, row: &NeedRow) -> Result<usize, AppError> {
    let Some(deadline) = row.deadline_on.as_deref().and_then(Day::parse) else { return Ok(0) };
    if row.state != NeedState::Published {
        return Ok(0);
    }
    let now = state.clock.now_ms();
    let after = state.need_mailing.remind_after_days;
    let told_before = now - i64::from(after) * DAY_MS;
    let mut reminded = 0;
    for m in need_matches::to_remind(&state.db, &row.id, told_before).await? {
        let Some(told) = m.notified_at else { continue };
        if !reminder_due(told, now, deadline, after) {
            continue;
        }
        let addresses = notify::recipients(state, &m).await?;
        let mut tx = crate::db::begin(&state.db).await?;
        if !need_matches::claim_reminder(&mut tx, &row.id, &m.structure_id, now).await? {
            continue;
        }
        let link =
            notify::new_link(&mut tx, state, &row.id, &m.structure_id, deadline, now).await?;
        for address in &addresses {
            let message =
                followup_mails::reminder(address, &m.name, &row.title, &deadline.french(), &link);
            mail::enqueue(&mut tx, &message, now).await?;
        }
        tx.commit().await?;
        reminded += 1;
    }
    if reminded > 0 {
        tracing::info!(need_id = row.id, reminded, "need reminders sent");
    }
    Ok(reminded)
}
