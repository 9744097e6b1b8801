//! Needs returned for changes lapse after `RETURNED_LAPSE_DAYS` without a new submission.
//! Each lapse is conditional on the need's state, so servers sweeping side by side lapse
//! each need once.

use serde_json::json;

use crate::{
    db::{memberships, needs},
    domain::needs::{NeedState, RETURNED_LAPSE_DAYS},
    error::AppError,
    services::{audit, mail},
    state::AppState,
};

use super::mails;

/// Lapses the needs returned too long ago; how many.
pub async fn lapse_returned(state: &AppState) -> Result<usize, AppError> {
    let now = state.clock.now_ms();
    let before = now - RETURNED_LAPSE_DAYS * 24 * 3600 * 1000;
    let mut lapsed = 0;
    for id in needs::returned_before(&state.db, before).await? {
        let Some(row) = needs::find(&state.db, &id).await? else { continue };
        let mut tx = crate::db::begin(&state.db).await?;
        if !needs::set_state(&mut tx, &id, NeedState::Returned, NeedState::Lapsed, None, now)
            .await?
        {
            continue;
        }
        let details = json!({ "from": "returned", "to": "lapsed", "days": RETURNED_LAPSE_DAYS });
        audit::record(&mut tx, None, ("need", &id), "lapse", &details, now).await?;
        let link = format!("{}/besoins/{}", state.public_url, id);
        for address in memberships::owner_emails(&state.db, &row.organisation_id).await? {
            mail::enqueue(&mut tx, &mails::lapsed(&address, &row.title, &link), now).await?;
        }
        tx.commit().await?;
        lapsed += 1;
    }
    Ok(lapsed)
}
