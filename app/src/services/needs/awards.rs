//! The buyer's choice: a shortlist, then one structure retained per lot with a reason. Once
//! every lot is awarded the need is « attribué »: the structures not retained are told,
//! politely, with the reason when the buyer gave one. Every decision is audited.

use serde_json::json;

use crate::{
    db::{
        memberships, need_awards,
        need_matches::{self, Mark},
        needs, quotes,
    },
    domain::{Outcome, accounts::Acting, needs::NeedState},
    error::AppError,
    services::{audit, mail},
    state::AppState,
};

use super::{access, mails};

/// Puts a structure that sent a quote on the shortlist, or takes it off.
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id))]
pub async fn shortlist(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    structure_id: &str,
    on: bool,
) -> Result<Outcome<String>, AppError> {
    let need = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    if !access::writes_for(user, &need.organisation_id) {
        return Err(AppError::Forbidden);
    }
    if need.state != NeedState::Published {
        return Ok(Outcome::refused("Ce besoin n'est plus en consultation."));
    }
    if quotes::find(&state.db, need_id, structure_id).await?.is_none() {
        return Ok(Outcome::refused(
            "Seules les structures qui ont envoyé un devis sont présélectionnées.",
        ));
    }
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if on {
        need_matches::mark(&mut tx, need_id, structure_id, Mark::Shortlisted, now).await?;
    } else {
        need_matches::unmark(&mut tx, need_id, structure_id, Mark::Shortlisted).await?;
    }
    tx.commit().await?;
    Ok(Outcome::Done(need_id.to_owned()))
}

/// Awards a lot to a structure whose quote prices it, with the buyer's reason.
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id, lot))]
pub async fn award(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    lot: i64,
    structure_id: &str,
    reason: &str,
) -> Result<Outcome<String>, AppError> {
    let need = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    if !access::writes_for(user, &need.organisation_id) {
        return Err(AppError::Forbidden);
    }
    if need.state != NeedState::Published {
        return Ok(Outcome::refused("Ce besoin n'est plus en consultation."));
    }
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.chars().count() < 5 {
        return Ok(Outcome::invalid(
            "reason",
            "Motivez le choix en quelques mots : il est gardé au dossier et peut être communiqué aux autres structures.",
        ));
    }
    if reason.chars().count() > 1000 {
        return Ok(Outcome::invalid("reason", "Le motif ne peut pas dépasser 1000 caractères."));
    }
    let text = need.text();
    if !text.lots.iter().any(|l| i64::from(l.number) == lot) {
        return Ok(Outcome::invalid("lot", "Choisissez un lot du besoin."));
    }
    let Some(quote) = quotes::find(&state.db, need_id, structure_id).await? else {
        return Ok(Outcome::invalid(
            "structure_id",
            "Choisissez une structure qui a envoyé un devis.",
        ));
    };
    if !quote.quote().prices.iter().any(|p| i64::from(p.lot) == lot) {
        return Ok(Outcome::invalid(
            "structure_id",
            "Le devis de cette structure ne chiffre pas ce lot.",
        ));
    }
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if !need_awards::insert(&mut tx, need_id, lot, structure_id, &reason, &user.id, now).await? {
        return Ok(Outcome::refused("Ce lot est déjà attribué."));
    }
    need_matches::mark(&mut tx, need_id, structure_id, Mark::Awarded, now).await?;
    let details = json!({ "lot": lot, "structure_id": structure_id, "reason": reason });
    audit::record(&mut tx, Some(&user.id), ("need", need_id), "award", &details, now).await?;
    let awarded = need_awards::of_need(&mut *tx, need_id).await?;
    let complete =
        text.lots.iter().all(|l| awarded.iter().any(|a| a.lot_number == i64::from(l.number)));
    if complete {
        needs::set_state(&mut tx, need_id, NeedState::Published, NeedState::Awarded, None, now)
            .await?;
        let retained: Vec<&str> = awarded.iter().map(|a| a.structure_id.as_str()).collect();
        let mut reasons: Vec<&str> = awarded.iter().map(|a| a.reason.as_str()).collect();
        reasons.dedup();
        let reasons = reasons.join(" ; ");
        let link = format!("{}/besoins/{}", state.public_url, need_id);
        for m in need_matches::of_need(&state.db, need_id).await? {
            if retained.contains(&m.structure_id.as_str()) || m.quoted_at.is_none() {
                continue;
            }
            need_matches::mark(&mut tx, need_id, &m.structure_id, Mark::NotRetained, now).await?;
            if let Some(organisation) = &m.organisation_id {
                for address in memberships::owner_emails(&state.db, organisation).await? {
                    let message =
                        mails::not_retained(&address, &m.name, &need.title, &reasons, &link);
                    mail::enqueue(&mut tx, &message, now).await?;
                }
            }
        }
        audit::record(
            &mut tx,
            Some(&user.id),
            ("need", need_id),
            "awarded",
            &json!({ "lots": awarded.len() }),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Outcome::Done(need_id.to_owned()))
}
