//! Telling the structures a validated need reaches, in batches (`domain::needs::Mailing`):
//! each gets a mail with a single-use link to say whether it is interested, without signing
//! in. A structure is claimed before it is mailed, so servers sending side by side tell
//! each structure once.

use sqlx::{Any, Transaction};

use crate::{
    db::{
        memberships, need_links,
        need_matches::{self, Mark, MatchRow},
        needs, structures,
    },
    domain::{calendar::Day, needs::NeedState},
    error::AppError,
    services::{accounts::tokens, mail},
    state::AppState,
};

use super::mails;

const HOUR_MS: i64 = 3600 * 1000;

/// Sends the need's next batch if it is due; how many structures were told.
pub async fn send_batch(state: &AppState, need_id: &str) -> Result<usize, AppError> {
    let Some(row) = needs::find(&state.db, need_id).await? else { return Ok(0) };
    let now = state.clock.now_ms();
    let today = Day::of_instant(now);
    let Some(deadline) = row.deadline_on.as_deref().and_then(Day::parse) else { return Ok(0) };
    if row.state != NeedState::Published || deadline < today {
        return Ok(0);
    }
    let (told_today, interested, last) =
        need_matches::notification_counts(&state.db, need_id, now - 24 * HOUR_MS).await?;
    let hours_since = last.map(|at| u32::try_from((now - at) / HOUR_MS).unwrap_or(u32::MAX));
    let size = state.need_mailing.next_batch(
        u32::try_from(told_today).unwrap_or(u32::MAX),
        u32::try_from(interested).unwrap_or(u32::MAX),
        hours_since,
    );
    if size == 0 {
        return Ok(0);
    }
    let mut told = 0;
    for m in need_matches::not_notified(&state.db, need_id, i64::from(size)).await? {
        let addresses = recipients(state, &m).await?;
        let mut tx = crate::db::begin(&state.db).await?;
        if !need_matches::mark(&mut tx, need_id, &m.structure_id, Mark::Notified, now).await? {
            continue;
        }
        let link = new_link(&mut tx, state, need_id, &m.structure_id, deadline, now).await?;
        for address in &addresses {
            let message = mails::new_need(address, &m.name, &row.title, &deadline.french(), &link);
            mail::enqueue(&mut tx, &message, now).await?;
        }
        tx.commit().await?;
        told += 1;
    }
    if told > 0 {
        tracing::info!(need_id, told, "need batch sent");
    }
    Ok(told)
}

/// Who a matched structure's mails about a need go to: its contact address and its
/// organisation's owners.
pub(super) async fn recipients(state: &AppState, m: &MatchRow) -> Result<Vec<String>, AppError> {
    let mut addresses = Vec::new();
    if let Some(structure) = structures::find(&state.db, &m.structure_id).await? {
        addresses.extend(structure.contact_email.clone());
    }
    if let Some(organisation) = &m.organisation_id {
        addresses.extend(memberships::owner_emails(&state.db, organisation).await?);
    }
    addresses.sort();
    addresses.dedup();
    Ok(addresses)
}

/// A fresh single-use link for a structure to answer a need without signing in; it serves
/// until the end of the deadline's day. Only its token's hash is kept.
pub(super) async fn new_link(
    tx: &mut Transaction<'_, Any>,
    state: &AppState,
    need_id: &str,
    structure_id: &str,
    deadline: Day,
    now: i64,
) -> Result<String, sqlx::Error> {
    let token = tokens::new_token();
    let hash = tokens::hash_token(&token);
    need_links::insert(tx, &hash, need_id, structure_id, now, deadline.end_ms()).await?;
    Ok(format!("{}/besoins/reponse?jeton={token}", state.public_url))
}

/// Sends the due batches of every open need; how many structures were told.
pub async fn send_due_batches(state: &AppState) -> Result<usize, AppError> {
    let today = Day::of_instant(state.clock.now_ms()).iso();
    let mut told = 0;
    for row in needs::open(&state.db, &today, None, None, 1000).await? {
        told += send_batch(state, &row.id).await?;
    }
    Ok(told)
}
