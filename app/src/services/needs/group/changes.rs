//! The changes of a group purchase: the lead pools its need and invites; other buyers join,
//! change their share, or leave — all before the consultation starts. Each is audited.

use serde_json::json;

use super::{load, mails};
use crate::{
    db::{buyer_verification, memberships, need_members, need_pools, needs, needs::NeedRow},
    domain::{
        Outcome,
        accounts::Acting,
        calendar::Day,
        needs::group::{
            InviteForm, MAX_MEMBERS, MemberState, Pool, PoolForm, Share, ShareForm, invited_siret,
        },
    },
    error::AppError,
    services::{
        audit, limits, mail,
        needs::{access, recipients},
    },
    state::AppState,
};

const STARTED: &str = "La consultation a commencé : l'achat groupé ne change plus.";

fn need_link(state: &AppState, need_id: &str) -> String {
    format!("{}/besoins/{}", state.public_url, need_id)
}

/// The lead makes its need a group purchase, or changes its joining day and openness.
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id))]
pub async fn pool(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    form: &PoolForm,
) -> Result<Outcome<String>, AppError> {
    let row = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    if !access::writes_for(user, &row.organisation_id) {
        return Err(AppError::Forbidden);
    }
    if !row.state.before_consultation() {
        return Ok(Outcome::refused(STARTED));
    }
    let now = state.clock.now_ms();
    let pool = match Pool::parse(form, Day::of_instant(now), row.text().deadline_on) {
        Ok(pool) => pool,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let mut tx = crate::db::begin(&state.db).await?;
    need_pools::upsert(&mut tx, need_id, pool, &user.id, now).await?;
    let details = json!({ "join_until": pool.join_until.iso(), "open_to_all": pool.open_to_all });
    audit::record(&mut tx, Some(&user.id), ("need", need_id), "pooled", &details, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(need_id.to_owned()))
}

/// The lead invites a verified buyer by the SIRET of its buying entity.
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id))]
pub async fn invite(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    form: &InviteForm,
) -> Result<Outcome<String>, AppError> {
    let row = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    if !access::writes_for(user, &row.organisation_id) {
        return Err(AppError::Forbidden);
    }
    let now = state.clock.now_ms();
    let Some(group) = load(&state.db, need_id).await? else {
        return Ok(Outcome::refused("Faites d'abord de ce besoin un achat groupé."));
    };
    if !group.joining(&row, Day::of_instant(now)) {
        return Ok(Outcome::refused(
            "Les adhésions sont closes (consultation commencée ou jour limite passé).",
        ));
    }
    let siret = match invited_siret(form) {
        Ok(siret) => siret,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let Some((organisation_id, name)) =
        buyer_verification::verified_with_siret(&state.db, siret.as_str()).await?
    else {
        return Ok(Outcome::invalid(
            "siret",
            "Aucun acheteur vérifié par le pôle ne porte ce SIRET : il doit d'abord demander sa vérification.",
        ));
    };
    if organisation_id == row.organisation_id {
        return Ok(Outcome::invalid("siret", "C'est le SIRET de votre propre organisation."));
    }
    let active = |state| matches!(state, MemberState::Invited | MemberState::Joined);
    if group.members.iter().filter(|m| active(m.state)).count() + 1 >= MAX_MEMBERS {
        return Ok(Outcome::refused(format!(
            "Un achat groupé réunit au plus {MAX_MEMBERS} acheteurs."
        )));
    }
    if group.members.iter().any(|m| m.organisation_id == organisation_id && active(m.state)) {
        return Ok(Outcome::invalid("siret", "Cet acheteur est déjà invité ou membre."));
    }
    // Like account mails, within the limits per recipient and per sender (the lead's free
    // title leaves from Ecossol's domain); beyond them the invitation stands without a mail.
    let mut to = Vec::new();
    for address in recipients::need_writers(&state.db, &organisation_id).await? {
        if limits::mail_allowed(&state.db, &address, &user.id, now).await? {
            to.push(address);
        }
    }
    let mut tx = crate::db::begin(&state.db).await?;
    if !need_members::invite(&mut tx, need_id, &organisation_id, &user.id, now).await? {
        return Ok(Outcome::invalid("siret", "Cet acheteur est déjà invité ou membre."));
    }
    let details = json!({ "organisation_id": organisation_id, "organisation": name });
    audit::record(&mut tx, Some(&user.id), ("need", need_id), "invited", &details, now).await?;
    let lead = row.buyer_name.clone().unwrap_or_default();
    let until = Day::parse(&group.pool.join_until).map(Day::french).unwrap_or_default();
    for address in to {
        let mail = mails::invited(&address, &lead, &row.title, &until, &need_link(state, need_id));
        mail::enqueue(&mut tx, &mail, now).await?;
    }
    tx.commit().await?;
    Ok(Outcome::Done(need_id.to_owned()))
}

/// A buyer joins with its share, or changes it; invited, or any verified buyer when the
/// purchase is open to all.
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id))]
pub async fn join(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    organisation_id: &str,
    form: &ShareForm,
) -> Result<Outcome<String>, AppError> {
    let row = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    if !access::writes_for(user, organisation_id) {
        return Err(AppError::Forbidden);
    }
    let now = state.clock.now_ms();
    let group = load(&state.db, need_id).await?;
    let standing = group.as_ref().and_then(|g| {
        g.members.iter().find(|m| m.organisation_id == organisation_id).map(|m| m.state)
    });
    let Some(group) = group else { return Err(AppError::NotFound) };
    let invited = matches!(standing, Some(MemberState::Invited | MemberState::Joined));
    if !invited && group.pool.open_to_all != 1 {
        return Err(AppError::Forbidden);
    }
    if organisation_id == row.organisation_id {
        return Ok(Outcome::refused(
            "Vous menez cet achat groupé : vos quantités sont celles du besoin.",
        ));
    }
    if !user.in_verified_buyer(organisation_id) {
        return Ok(Outcome::refused(
            "Votre organisation doit être vérifiée par le pôle pour rejoindre un achat groupé.",
        ));
    }
    if !group.joining(&row, Day::of_instant(now)) {
        return Ok(Outcome::refused(if row.state.before_consultation() {
            "Le jour limite pour rejoindre cet achat groupé est passé."
        } else {
            STARTED
        }));
    }
    let share = match Share::parse(form, &row.text().lots) {
        Ok(share) => share,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let first = standing != Some(MemberState::Joined);
    if first && group.joined().count() + 1 >= MAX_MEMBERS {
        return Ok(Outcome::refused(format!(
            "Un achat groupé réunit au plus {MAX_MEMBERS} acheteurs."
        )));
    }
    let mut tx = crate::db::begin(&state.db).await?;
    need_members::join(&mut tx, need_id, organisation_id, &share, now).await?;
    let details = json!({
        "organisation_id": organisation_id,
        "quantities": share.quantities,
        "budget_share_cents": share.budget_share_cents,
    });
    let action = if first { "joined" } else { "share_changed" };
    audit::record(&mut tx, Some(&user.id), ("need", need_id), action, &details, now).await?;
    if first {
        tell_lead(state, &mut tx, &row, organisation_id, user, true, now).await?;
    }
    tx.commit().await?;
    Ok(Outcome::Done(need_id.to_owned()))
}

/// A member leaves, or an invited buyer declines, before the consultation starts.
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id))]
pub async fn leave(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    organisation_id: &str,
) -> Result<Outcome<String>, AppError> {
    let row = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    if !access::writes_for(user, organisation_id) {
        return Err(AppError::Forbidden);
    }
    if !row.state.before_consultation() {
        return Ok(Outcome::refused(STARTED));
    }
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if !need_members::leave(&mut tx, need_id, organisation_id, now).await? {
        return Ok(Outcome::refused("Votre organisation ne fait pas partie de cet achat groupé."));
    }
    let details = json!({ "organisation_id": organisation_id });
    audit::record(&mut tx, Some(&user.id), ("need", need_id), "left", &details, now).await?;
    tell_lead(state, &mut tx, &row, organisation_id, user, false, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(need_id.to_owned()))
}

async fn tell_lead(
    state: &AppState,
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    row: &NeedRow,
    organisation_id: &str,
    user: &Acting,
    joined: bool,
    now: i64,
) -> Result<(), AppError> {
    let member = user
        .standings()
        .iter()
        .find(|s| s.organisation_id == organisation_id)
        .map_or_else(String::new, |s| s.organisation_name.clone());
    let link = need_link(state, &row.id);
    for to in memberships::owner_emails(&state.db, &row.organisation_id).await? {
        mail::enqueue(tx, &mails::member_changed(&to, &member, &row.title, joined, &link), now)
            .await?;
    }
    Ok(())
}
