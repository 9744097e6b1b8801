//! A need's steps: its buyer submits or withdraws it; the pôle's animators validate it (it
//! is published and matched), return it for changes or refuse it. Each step is audited.

use serde_json::json;

use crate::{
    db::{memberships, need_matches, needs},
    domain::{Code, Outcome, accounts::Acting, calendar::Day, needs::NeedStep},
    error::AppError,
    services::audit,
    state::AppState,
};

use super::{access, mails, matching, notify};

/// Takes `step` on the need, if the person may and its state allows it.
#[tracing::instrument(skip_all, fields(user_id = %user.id, need_id, step = ?step))]
pub async fn take_step(
    state: &AppState,
    user: &Acting,
    need_id: &str,
    step: NeedStep,
    reason: &str,
) -> Result<Outcome<String>, AppError> {
    let row = needs::find(&state.db, need_id).await?.ok_or(AppError::NotFound)?;
    let allowed = if step.by_animator() {
        user.moderates()
    } else {
        access::writes_for(user, &row.organisation_id)
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if step.needs_reason() && reason.chars().count() < 5 {
        let message = match step {
            NeedStep::Return => "Dites à l'acheteur ce qu'il doit changer.",
            _ => "Indiquez le motif du refus : il sera envoyé à l'acheteur.",
        };
        return Ok(Outcome::invalid("reason", message));
    }
    if reason.chars().count() > 1000 {
        return Ok(Outcome::invalid("reason", "Le message ne peut pas dépasser 1000 caractères."));
    }
    let Some(to) = step.leads(row.state) else {
        return Ok(Outcome::refused(format!(
            "Ce besoin est « {} » : cette action n'est plus possible.",
            row.state.label()
        )));
    };
    let today = Day::of_instant(state.clock.now_ms());
    let text = row.text();
    if matches!(step, NeedStep::Submit | NeedStep::Validate) {
        if step == NeedStep::Submit && !user.in_verified_buyer(&row.organisation_id) {
            return Ok(Outcome::refused(
                "Votre organisation doit être vérifiée par le pôle avant de publier un besoin : \
                 demandez sa vérification depuis sa page. Le brouillon est gardé.",
            ));
        }
        let missing = text.missing_for_submission(today);
        if !missing.is_empty() {
            return Ok(if step == NeedStep::Submit {
                Outcome::Invalid(missing)
            } else {
                Outcome::refused(
                    "Ce besoin est incomplet ou sa date limite est passée : renvoyez-le pour modification.",
                )
            });
        }
    }
    let found =
        if step == NeedStep::Validate { matching::find(state, &text).await? } else { Vec::new() };

    let now = state.clock.now_ms();
    let message = (!reason.is_empty()).then_some(reason.as_str());
    let mut tx = crate::db::begin(&state.db).await?;
    if !needs::set_state(&mut tx, need_id, row.state, to, message, now).await? {
        return Ok(Outcome::refused("Ce besoin vient de changer d'état : rechargez la page."));
    }
    if step == NeedStep::Validate {
        let rows: Vec<need_matches::NewMatch<'_>> = found
            .iter()
            .enumerate()
            .map(|(i, f)| need_matches::NewMatch {
                structure_id: &f.structure_id,
                rank: i as i64,
                reasons: &f.reasons.reasons,
                distance_km: f.reasons.distance_km,
            })
            .collect();
        need_matches::replace(&mut tx, need_id, &rows, now).await?;
    }
    let details = json!({
        "from": row.state.code(),
        "to": to.code(),
        "reason": message,
        "title": row.title,
        "matched": (step == NeedStep::Validate).then_some(found.len()),
    });
    audit::record(&mut tx, Some(&user.id), ("need", need_id), step.code(), &details, now).await?;
    if step.by_animator() {
        let link = format!("{}/besoins/{}", state.public_url, need_id);
        for address in memberships::owner_emails(&state.db, &row.organisation_id).await? {
            let mail = mails::decision(&address, &row.title, step, message, &link);
            crate::services::mail::enqueue(&mut tx, &mail, now).await?;
        }
    }
    tx.commit().await?;
    tracing::info!(from = row.state.code(), to = to.code(), "need state changed");
    // The first batch goes at once; the worker sends the next ones. A failure here leaves
    // the batch to the worker.
    if step == NeedStep::Validate
        && let Err(error) = notify::send_batch(state, need_id).await
    {
        tracing::warn!(%error, "first batch of a need not sent");
    }
    Ok(Outcome::Done(need_id.to_owned()))
}
