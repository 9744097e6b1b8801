//! A matched structure's quote: a price per lot, a lead time, a message and the answers to
//! the need's questions; changed as often as wanted until the deadline, never after.

use serde_json::json;

use crate::{
    db::{
        need_matches,
        needs::{self, NeedRow},
        quotes,
        structures::{self, StructureRow},
    },
    domain::{
        Outcome,
        accounts::Acting,
        calendar::Day,
        needs::{NeedState, Quote, QuoteForm},
    },
    error::AppError,
    services::{audit, directory::can_edit},
    state::AppState,
};

/// The structure, if the person edits it: its editors quote for it.
pub(super) async fn edited_structure(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
) -> Result<StructureRow, AppError> {
    let structure = structures::find(&state.db, structure_id).await?.ok_or(AppError::Forbidden)?;
    if !can_edit(user, &structure) {
        return Err(AppError::Forbidden);
    }
    Ok(structure)
}

/// Why the structure may not quote for the need now, if it may not: it must be matched to
/// it, the need published, its deadline not passed, and its kind one that takes quotes.
pub(super) async fn closed_to(
    state: &AppState,
    need: &NeedRow,
    structure_id: &str,
) -> Result<Option<&'static str>, AppError> {
    if need_matches::find(&state.db, &need.id, structure_id).await?.is_none() {
        return Ok(Some("Cette structure n'a pas été identifiée pour ce besoin."));
    }
    if need.state != NeedState::Published {
        return Ok(Some("Ce besoin ne prend plus de devis."));
    }
    if need.closed_on(Day::of_instant(state.clock.now_ms())) {
        return Ok(Some(
            "La date limite de réponse est passée : le devis ne peut plus être envoyé ni modifié.",
        ));
    }
    if !need.text().kind.is_some_and(|k| k.takes_quotes()) {
        return Ok(Some("Ce sourcing attend un intérêt, pas un devis."));
    }
    Ok(None)
}

#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id))]
pub async fn submit(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    structure_id: &str,
    form: QuoteForm,
) -> Result<Outcome<String>, AppError> {
    let structure = edited_structure(state, user, structure_id).await?;
    let need = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    if let Some(why) = closed_to(state, &need, structure_id).await? {
        return Ok(Outcome::refused(why));
    }
    let now = state.clock.now_ms();
    let text = need.text();
    let quote = match Quote::parse(&form, &text.lots, &text.questions) {
        Ok(quote) => quote,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let mut tx = crate::db::begin(&state.db).await?;
    quotes::upsert(&mut tx, need_id, structure_id, &quote, Some(&user.id), now).await?;
    // Sending a quote says one is interested.
    need_matches::unmark(&mut tx, need_id, structure_id, need_matches::Mark::Declined).await?;
    need_matches::mark(&mut tx, need_id, structure_id, need_matches::Mark::Interested, now).await?;
    let details = json!({ "structure": structure.name, "total_cents": quote.total_cents(), "lead_time": quote.lead_time });
    audit::record(&mut tx, Some(&user.id), ("need", need_id), "quote", &details, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(need_id.to_owned()))
}
