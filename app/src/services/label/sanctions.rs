//! After the grant: animators suspend a label with a reason (an evidence expired, a complaint
//! was upheld), the structure answers, animators reinstate or withdraw it.

use crate::domain::Code;
use crate::domain::Outcome;
use serde_json::json;

use super::{Step, file, state_of, store, words};
use crate::{
    db::hqs_checks,
    domain::{accounts::Acting, hqs::Overall, label::LabelStep},
    error::AppError,
    services::{
        directory::{can_edit, require_animator},
        hqs::checks,
    },
    state::AppState,
};

/// Suspends, reinstates or withdraws a label (`suspend`, `reinstate`, `withdraw`); animators,
/// with a reason the structure is told.
#[tracing::instrument(skip_all, fields(user_id = %user.id, label_id, step))]
pub async fn sanction(
    state: &AppState,
    user: &Acting,
    label_id: &str,
    step: LabelStep,
    text: &str,
) -> Result<Outcome<String>, AppError> {
    require_animator(user)?;
    if !matches!(step, LabelStep::Suspend | LabelStep::Reinstate | LabelStep::Withdraw) {
        return Ok(Outcome::Refused("Cette étape ne se prend pas ici.".into()));
    }
    let (row, structure) = file(state, label_id).await?;
    let Some(next) = step.after(state_of(&row)?, None) else {
        return Ok(Outcome::Refused(format!(
            "Impossible depuis l'état « {} ».",
            state_of(&row)?.label()
        )));
    };
    let reason = match words(text, "Donnez la raison, elle est transmise à la structure.") {
        Ok(reason) => reason,
        Err(invalid) => return Ok(invalid),
    };
    if step == LabelStep::Reinstate {
        // Reinstated only on a file that complies again (else the next sweep would suspend
        // it at once).
        let check = hqs_checks::find(&state.db, &row.check_id).await?.ok_or(AppError::Internal)?;
        let evaluation = checks::evaluation_of(state, &check).await?;
        if evaluation.overall != Overall::Compliant {
            return Ok(Outcome::Refused(format!(
                "Le dossier n'est pas conforme au profil du label ({}) : la structure doit \
                 d'abord compléter ses faits ou ses pièces.",
                evaluation.overall.label()
            )));
        }
    }
    let mut after = row.clone();
    after.state = next.code().to_owned();
    after.reason = Some(reason.clone());
    if step == LabelStep::Reinstate {
        after.response = None;
    }
    after.updated_at = state.clock.now_ms();
    let what = match step {
        LabelStep::Suspend => "label suspendu (vous pouvez répondre depuis le dossier)",
        LabelStep::Reinstate => "label rétabli",
        _ => "label retiré",
    };
    let mails = super::to_holders(state, &structure, &row.id, what, Some(&reason)).await?;
    let details = json!({ "text": reason });
    let step = Step { user: Some(user), step, before: &row, after, details, mails, check: None };
    store(state, step).await
}

/// The structure answers a suspension; the animators are told.
#[tracing::instrument(skip_all, fields(user_id = %user.id, label_id))]
pub async fn respond(
    state: &AppState,
    user: &Acting,
    label_id: &str,
    text: &str,
) -> Result<Outcome<String>, AppError> {
    let (row, structure) = file(state, label_id).await?;
    if !can_edit(user, &structure) {
        return Err(AppError::Forbidden);
    }
    let Some(next) = LabelStep::Respond.after(state_of(&row)?, None) else {
        return Ok(Outcome::Refused("Ce label n'est pas suspendu.".into()));
    };
    let answer = match words(text, "Écrivez votre réponse.") {
        Ok(answer) => answer,
        Err(invalid) => return Ok(invalid),
    };
    let mut after = row.clone();
    after.state = next.code().to_owned();
    after.response = Some(answer.clone());
    after.updated_at = state.clock.now_ms();
    let mails =
        super::to_animators(state, &structure, &row.id, "réponse à la suspension", Some(&answer))
            .await?;
    let step = Step {
        user: Some(user),
        step: LabelStep::Respond,
        before: &row,
        after,
        details: json!({ "text": answer }),
        mails,
        check: None,
    };
    store(state, step).await
}
