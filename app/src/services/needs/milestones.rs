//! The buyer told of its 1st, 2nd and 5th interested structure, once each. Run after an
//! interest is committed: every milestone the committed count has reached is claimed
//! (`need_milestones`' key), so two answers at once never send a milestone twice, and the
//! later of them sees both and claims what the earlier could not. When several milestones
//! are claimed together, the buyer gets one mail, with the highest.

use crate::{
    db::{need_matches, need_milestones, needs::NeedRow},
    domain::needs::followups::{interested_milestone, interested_reached},
    error::AppError,
    services::mail,
    state::AppState,
};

use super::{followup_mails, recipients};

/// Claims the interested milestones the need has reached and mails the buyer's writers;
/// the milestone announced, if any.
pub async fn interested(state: &AppState, need: &NeedRow) -> Result<Option<u32>, AppError> {
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    let count = need_matches::interested_count(&mut *tx, &need.id).await?;
    let mut announced = None;
    for milestone in interested_reached(u32::try_from(count).unwrap_or(0)) {
        if need_milestones::claim(&mut tx, &need.id, &interested_milestone(milestone), now).await? {
            announced = Some(milestone);
        }
    }
    let Some(milestone) = announced else { return Ok(None) };
    let link = format!("{}/besoins/{}", state.public_url, need.id);
    for address in recipients::need_writers(&state.db, &need.organisation_id).await? {
        let message = followup_mails::interested(&address, milestone, &need.title, &link);
        mail::enqueue(&mut tx, &message, now).await?;
    }
    tx.commit().await?;
    tracing::info!(need_id = need.id, milestone, "buyer told of interested structures");
    Ok(Some(milestone))
}
