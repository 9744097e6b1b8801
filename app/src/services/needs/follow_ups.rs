//! « L'achat a-t-il eu lieu ? »: once an awarded need's work has started, its buyer's
//! writers and the editors of each retained structure are asked, once (DOMAIN.md §6). The
//! need's `follow_up` milestone is claimed first, so servers sweeping side by side ask once.
//! A structure whose purchase the buyer already confirmed is not asked, nor the buyer when
//! every purchase is.

use serde_json::json;

use crate::{
    db::{need_awards, need_milestones, needs, purchases, structures},
    domain::{
        calendar::Day,
        needs::{
            NeedState,
            followups::{FOLLOW_UP, follow_up_due},
        },
    },
    error::AppError,
    services::{audit, mail},
    state::AppState,
};

use super::{followup_mails, recipients};

/// Asks the follow-up of every awarded need whose work has started; how many were asked.
pub async fn ask_due_follow_ups(state: &AppState) -> Result<usize, AppError> {
    let today = Day::of_instant(state.clock.now_ms());
    let due =
        need_milestones::awarded_started_without(&state.db, FOLLOW_UP, &today.iso(), 200).await?;
    let mut asked = 0;
    for need_id in due {
        if ask(state, &need_id).await? {
            asked += 1;
        }
    }
    Ok(asked)
}

/// Asks one need's follow-up if it is due and nobody asked it yet.
async fn ask(state: &AppState, need_id: &str) -> Result<bool, AppError> {
    let Some(need) = needs::find(&state.db, need_id).await? else { return Ok(false) };
    let now = state.clock.now_ms();
    let deadline = need.deadline_on.as_deref().and_then(Day::parse);
    if need.state != NeedState::Awarded
        || !follow_up_due(need.text().start_on, deadline, Day::of_instant(now))
    {
        return Ok(false);
    }
    let recorded = purchases::of_need(&state.db, need_id).await?;
    let mut pending = Vec::new();
    for award in need_awards::of_need(&state.db, need_id).await? {
        let confirmed =
            recorded.iter().any(|p| p.structure_id.as_deref() == Some(&award.structure_id));
        if confirmed
            || pending.iter().any(|s: &structures::StructureRow| s.id == award.structure_id)
        {
            continue;
        }
        pending.extend(structures::find(&state.db, &award.structure_id).await?);
    }
    let mut tx = crate::db::begin(&state.db).await?;
    if !need_milestones::claim(&mut tx, need_id, FOLLOW_UP, now).await? {
        return Ok(false);
    }
    let link = format!("{}/besoins/{}", state.public_url, need_id);
    if !pending.is_empty() {
        let names: Vec<String> = pending.iter().map(|s| format!("« {} »", s.name)).collect();
        let names = names.join(", ");
        for address in recipients::need_writers(&state.db, &need.organisation_id).await? {
            let message = followup_mails::follow_up_buyer(&address, &need.title, &names, &link);
            mail::enqueue(&mut tx, &message, now).await?;
        }
    }
    for structure in &pending {
        let Some(organisation) = &structure.organisation_id else { continue };
        for address in recipients::structure_editors(&state.db, organisation).await? {
            let message =
                followup_mails::follow_up_supplier(&address, &structure.name, &need.title, &link);
            mail::enqueue(&mut tx, &message, now).await?;
        }
    }
    let asked: Vec<&str> = pending.iter().map(|s| s.id.as_str()).collect();
    let details = json!({ "structures": asked });
    audit::record(&mut tx, None, ("need", need_id), "follow_up", &details, now).await?;
    tx.commit().await?;
    tracing::info!(need_id, structures = pending.len(), "purchase follow-up asked");
    Ok(true)
}
