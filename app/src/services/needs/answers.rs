//! A matched structure's answer to a need: « intéressé » or « pas intéressé » (with a
//! reason), from the single-use link of its mail without signing in, or from the need's
//! page by the structure's editors. An interest may tell the buyer (`milestones`).

use crate::{
    db::{
        need_links::{self, LinkRow},
        need_matches::{self, Mark},
        needs, structures,
    },
    domain::{Outcome, accounts::Acting, calendar::Day, needs::NeedState, needs::views::LinkView},
    error::AppError,
    services::{accounts::tokens, directory::can_edit},
    state::AppState,
};

/// Why a link does not serve, in French.
const FORGED: &str = "Ce lien n'est pas valable. Ouvrez celui du dernier courriel reçu, ou connectez-vous pour répondre depuis la page du besoin.";
const EXPIRED: &str = "Ce lien a expiré : la date limite de réponse est passée.";
const USED: &str =
    "Ce lien a déjà servi. Connectez-vous pour changer votre réponse depuis la page du besoin.";

/// The link a token names, with its hash, if it still serves; else why not, in French.
async fn serving_link(
    state: &AppState,
    token: &str,
) -> Result<Result<(LinkRow, String), &'static str>, AppError> {
    let hash = tokens::hash_token(token.trim());
    let Some(link) = need_links::find(&state.db, &hash).await? else { return Ok(Err(FORGED)) };
    if link.expires_at < state.clock.now_ms() {
        return Ok(Err(EXPIRED));
    }
    if link.used_at.is_some() {
        return Ok(Err(USED));
    }
    Ok(Ok((link, hash)))
}

/// What the link's page shows; opening it counts as « lien ouvert ».
pub async fn open_link(state: &AppState, token: &str) -> Result<LinkView, AppError> {
    let link = match serving_link(state, token).await? {
        Ok((link, _)) => link,
        Err(why) => return Ok(LinkView::refused(why)),
    };
    let now = state.clock.now_ms();
    let need = needs::find(&state.db, &link.need_id).await?.ok_or(AppError::NotFound)?;
    let structure =
        structures::find(&state.db, &link.structure_id).await?.ok_or(AppError::NotFound)?;
    let mut tx = crate::db::begin(&state.db).await?;
    need_matches::mark(&mut tx, &link.need_id, &link.structure_id, Mark::Opened, now).await?;
    tx.commit().await?;
    Ok(LinkView {
        refusal: None,
        need_id: Some(need.id),
        title: Some(need.title),
        structure_name: Some(structure.name),
    })
}

/// Checks the answer's reason: a refusal says why (a few words at least).
fn reason_of(interested: bool, reason: &str) -> Result<Option<String>, Outcome<String>> {
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if interested {
        return Ok(None);
    }
    if reason.chars().count() < 3 {
        return Err(Outcome::invalid(
            "reason",
            "Dites en quelques mots pourquoi : l'acheteur et le pôle en tiennent compte.",
        ));
    }
    if reason.chars().count() > 500 {
        return Err(Outcome::invalid("reason", "Le motif ne peut pas dépasser 500 caractères."));
    }
    Ok(Some(reason))
}

/// Records the answer of a structure to a need.
async fn record(
    state: &AppState,
    need_id: &str,
    structure_id: &str,
    interested: bool,
    reason: Option<&str>,
    link_hash: Option<&str>,
) -> Result<Outcome<String>, AppError> {
    let need = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now_ms();
    if need.state != NeedState::Published || need.closed_on(Day::of_instant(now)) {
        return Ok(Outcome::refused("Ce besoin ne prend plus de réponses."));
    }
    let mut tx = crate::db::begin(&state.db).await?;
    if let Some(hash) = link_hash
        && !need_links::use_once(&mut tx, hash, now).await?
    {
        return Ok(Outcome::refused(USED));
    }
    let (set, clear) = if interested {
        (Mark::Interested, Mark::Declined)
    } else {
        (Mark::Declined, Mark::Interested)
    };
    need_matches::unmark(&mut tx, need_id, structure_id, clear).await?;
    need_matches::mark(&mut tx, need_id, structure_id, set, now).await?;
    need_matches::set_decline_reason(&mut tx, need_id, structure_id, reason).await?;
    tx.commit().await?;
    // The answer stands whatever happens to the buyer's mail: a failure is only logged.
    if interested && let Err(error) = super::milestones::interested(state, &need).await {
        tracing::warn!(%error, need_id, "buyer's milestone mail not queued");
    }
    Ok(Outcome::Done(need_id.to_owned()))
}

/// The answer given through the mail's link.
#[tracing::instrument(skip_all)]
pub async fn answer_by_link(
    state: &AppState,
    token: &str,
    interested: bool,
    reason: &str,
) -> Result<Outcome<bool>, AppError> {
    let (link, hash) = match serving_link(state, token).await? {
        Ok(found) => found,
        Err(why) => return Ok(Outcome::refused(why)),
    };
    let reason = match reason_of(interested, reason) {
        Ok(reason) => reason,
        Err(outcome) => return Ok(outcome.map(|_| interested)),
    };
    let recorded = record(
        state,
        &link.need_id,
        &link.structure_id,
        interested,
        reason.as_deref(),
        Some(&hash),
    )
    .await?;
    Ok(recorded.map(|_| interested))
}

/// The answer given from the need's page by an editor of a matched structure.
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id))]
pub async fn answer(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    structure_id: &str,
    interested: bool,
    reason: &str,
) -> Result<Outcome<String>, AppError> {
    let structure = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    if !can_edit(user, &structure) {
        return Err(AppError::Forbidden);
    }
    if need_matches::find(&state.db, need_id, structure_id).await?.is_none() {
        return Ok(Outcome::refused("Cette structure n'a pas été identifiée pour ce besoin."));
    }
    let reason = match reason_of(interested, reason) {
        Ok(reason) => reason,
        Err(outcome) => return Ok(outcome),
    };
    record(state, need_id, structure_id, interested, reason.as_deref(), None).await
}
