//! The pôle reviews a file: an animator returns it for more or prepares it with a
//! recommendation; a second animator, who did not prepare it, grants or refuses.

use crate::domain::Code;
use crate::domain::Outcome;
use serde_json::json;

use super::{Step, check_moved, choice, file, state_of, store, store_in, words};
use crate::{
    db::{hqs_checks, hqs_labels, structures::StructureRow},
    domain::{
        accounts::Acting,
        calendar::Day,
        hqs::{
            Overall,
            check::{CheckState, Decision},
        },
        label::{LabelState, LabelStep, Level, Recommendation, Validity, may_decide},
    },
    error::AppError,
    services::{directory::require_animator, hqs::checks},
    state::AppState,
};

/// Sends a submitted or prepared file back to the structure, with what is missing.
#[tracing::instrument(skip_all, fields(user_id = %user.id, label_id))]
pub async fn send_back(
    state: &AppState,
    user: &Acting,
    label_id: &str,
    text: &str,
) -> Result<Outcome<String>, AppError> {
    require_animator(user)?;
    let (row, structure) = file(state, label_id).await?;
    let Some(next) = LabelStep::Return.after(state_of(&row)?, None) else {
        return Ok(Outcome::Refused("Ce dossier n'est pas en cours d'examen.".into()));
    };
    let reason = match words(text, "Dites à la structure ce qui manque.") {
        Ok(reason) => reason,
        Err(invalid) => return Ok(invalid),
    };
    let mut after = row.clone();
    after.state = next.code().to_owned();
    after.preparer_id = None;
    after.recommendation = None;
    after.reason = Some(reason.clone());
    after.updated_at = state.clock.now_ms();
    let mails =
        super::to_holders(state, &structure, &row.id, "dossier à compléter", Some(&reason)).await?;
    let check = check_moved(state, &row, CheckState::AwaitingEvidence, |_| ()).await?;
    let step = Step {
        user: Some(user),
        step: LabelStep::Return,
        before: &row,
        after,
        details: json!({ "text": reason }),
        mails,
        check: Some(check),
    };
    store(state, step).await
}

/// No one judges their own: an animator who belongs to the structure's organisation neither
/// instructs nor decides its file (another animator of the pôle does).
fn conflict_of_interest(user: &Acting, structure: &StructureRow) -> Option<Outcome<String>> {
    let own = structure.organisation_id.as_deref().is_some_and(|o| user.is_member_of(o));
    own.then(|| {
        Outcome::refused(
            "Vous êtes membre de l'organisation de cette structure : un autre animateur du pôle \
             instruit et décide son dossier (conflit d'intérêts).",
        )
    })
}

/// Prepares a submitted file: the animator has reviewed its pieces and recommends.
#[tracing::instrument(skip_all, fields(user_id = %user.id, label_id))]
pub async fn prepare(
    state: &AppState,
    user: &Acting,
    label_id: &str,
    recommendation: &str,
    text: &str,
) -> Result<Outcome<String>, AppError> {
    require_animator(user)?;
    let (row, structure) = file(state, label_id).await?;
    if let Some(conflict) = conflict_of_interest(user, &structure) {
        return Ok(conflict);
    }
    let recommendation = match choice(recommendation) {
        Ok(choice) => choice,
        Err(invalid) => return Ok(invalid),
    };
    let Some(next) = LabelStep::Prepare.after(state_of(&row)?, Some(recommendation)) else {
        return Ok(Outcome::Refused("Seul un dossier déposé s'instruit.".into()));
    };
    let note = match words(text, "Résumez l'instruction du dossier.") {
        Ok(note) => note,
        Err(invalid) => return Ok(invalid),
    };
    let check = hqs_checks::find(&state.db, &row.check_id).await?.ok_or(AppError::Internal)?;
    let mut after = row.clone();
    after.state = next.code().to_owned();
    after.preparer_id = Some(user.id.clone());
    after.recommendation = Some(recommendation.code().to_owned());
    after.prepared_file = Some(check.updated_at);
    after.reason = Some(note.clone());
    after.updated_at = state.clock.now_ms();
    let what = format!("dossier instruit (proposition : {})", recommendation.label());
    let mails = super::to_animators(state, &structure, &row.id, &what, Some(&note)).await?;
    let step = Step {
        user: Some(user),
        step: LabelStep::Prepare,
        before: &row,
        after,
        details: json!({ "recommendation": recommendation.code(), "text": note }),
        mails,
        // The file as prepared: a piece reviewed meanwhile makes the preparation fail.
        check: Some((check.clone(), check)),
    };
    store(state, step).await
}

/// Grants or refuses a prepared file: an animator who did not prepare it (four-eyes rule),
/// with the reasons. A grant needs the file to comply with the label profile; it gives the
/// label its number (kept from the label it renews), its level and its validity.
#[tracing::instrument(skip_all, fields(user_id = %user.id, label_id))]
pub async fn decide(
    state: &AppState,
    user: &Acting,
    label_id: &str,
    decision: &str,
    text: &str,
    years: u32,
) -> Result<Outcome<String>, AppError> {
    require_animator(user)?;
    let (row, structure) = file(state, label_id).await?;
    if let Some(conflict) = conflict_of_interest(user, &structure) {
        return Ok(conflict);
    }
    let decision = match choice(decision) {
        Ok(choice) => choice,
        Err(invalid) => return Ok(invalid),
    };
    let Some(next) = LabelStep::Decide.after(state_of(&row)?, Some(decision)) else {
        return Ok(Outcome::Refused("Seul un dossier instruit se décide.".into()));
    };
    if !may_decide(row.preparer_id.as_deref(), &user.id) {
        return Ok(Outcome::Refused(
            "La décision revient à un autre animateur que celui qui a instruit le dossier \
             (règle des quatre yeux)."
                .into(),
        ));
    }
    let reason = match words(text, "Motivez la décision.") {
        Ok(reason) => reason,
        Err(invalid) => return Ok(invalid),
    };
    let prepared_as = row.recommendation.as_deref().and_then(Recommendation::from_code);
    if decision == Recommendation::Grant && prepared_as != Some(Recommendation::Grant) {
        return Ok(Outcome::Refused(
            "Le dossier a été instruit avec une proposition de refus : pour l'attribuer, \
             renvoyez-le pour une nouvelle instruction."
                .into(),
        ));
    }
    let check = hqs_checks::find(&state.db, &row.check_id).await?.ok_or(AppError::Internal)?;
    if row.prepared_file != Some(check.updated_at) {
        return Ok(Outcome::Refused(
            "Le dossier a changé depuis son instruction : renvoyez-le pour une nouvelle \
             instruction."
                .into(),
        ));
    }
    let evaluation = checks::evaluation_of(state, &check).await?;
    if decision == Recommendation::Grant && evaluation.overall != Overall::Compliant {
        return Ok(Outcome::Refused(format!(
            "Le dossier n'est pas conforme au profil du label ({}) : le label ne peut pas être \
             attribué.",
            evaluation.overall.label()
        )));
    }
    let now = state.clock.now_ms();
    let today = Day::of_instant(now);
    // A renewal continues a label still held or lapsed; one withdrawn (or already replaced)
    // meanwhile makes this file a new application: new number, fresh validity.
    let previous = match &row.renewal_of {
        Some(id) => hqs_labels::find(&state.db, id).await?.filter(|p| {
            matches!(
                LabelState::from_code(&p.state),
                Some(LabelState::Granted | LabelState::Suspended | LabelState::Lapsed)
            )
        }),
        None => None,
    };
    let mut after = row.clone();
    after.state = next.code().to_owned();
    after.decider_id = Some(user.id.clone());
    after.reason = Some(reason.clone());
    after.updated_at = now;
    let mut tx = crate::db::begin(&state.db).await?;
    if decision == Recommendation::Grant {
        let validity = match previous.as_ref().and_then(|p| p.valid_until.as_deref()) {
            Some(until) => Day::parse(until)
                .map(|until| Validity::renewed(until, today, years))
                .unwrap_or_else(|| Validity::granted(today, years)),
            None => Validity::granted(today, years),
        };
        after.number = match previous.as_ref().and_then(|p| p.number.clone()) {
            Some(number) => Some(number),
            None => Some(new_number(&mut tx, today, &row.structure_id, now).await?),
        };
        after.score = evaluation.score.map(i64::from);
        after.level = Level::of_score(evaluation.score).map(|l| l.code().to_owned());
        after.valid_from = Some(validity.from.iso());
        after.valid_until = Some(validity.until.iso());
    }
    if let Some(previous) = &previous
        && decision == Recommendation::Grant
    {
        let before = state_of(previous)?;
        if let Some(replaced) = LabelStep::Supersede.after(before, None) {
            let mut old = previous.clone();
            old.state = replaced.code().to_owned();
            old.updated_at = now;
            if !hqs_labels::update(&mut tx, &old, previous).await? {
                return Ok(super::moved());
            }
            let details = json!({ "renewal": row.id });
            super::log(&mut tx, Some(user), &old.id, LabelStep::Supersede.code(), &details, now)
                .await?;
        }
    }
    let outcome = match decision {
        Recommendation::Grant => Decision::Compliant,
        Recommendation::Refuse => Decision::NonCompliant,
    };
    let what = match next {
        LabelState::Granted => format!(
            "label attribué (n° {}{})",
            after.number.clone().unwrap_or_default(),
            after
                .level
                .as_deref()
                .and_then(Level::from_code)
                .map(|l| format!(", niveau {}", l.label()))
                .unwrap_or_default()
        ),
        _ => "label refusé".to_owned(),
    };
    let mails = super::to_holders(state, &structure, &row.id, &what, Some(&reason)).await?;
    let moved = check_moved(state, &row, CheckState::Decided, |c| {
        c.decision = Some(outcome.code().to_owned());
        c.decision_comment = Some(reason.clone());
        c.decided_by = Some(user.id.clone());
        c.decided_at = Some(now);
        c.evaluation = serde_json::to_string(&evaluation).unwrap_or_default();
    })
    .await?;
    let details = json!({
        "decision": decision.code(),
        "text": reason,
        "number": after.number,
        "level": after.level,
        "score": after.score,
        "valid_until": after.valid_until,
    });
    let step = Step {
        user: Some(user),
        step: LabelStep::Decide,
        before: &row,
        after,
        details,
        mails,
        check: Some(moved),
    };
    store_in(state, tx, step).await
}

/// A new label number for this year, retried when another grant took it first.
async fn new_number(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    today: Day,
    structure_id: &str,
    now: i64,
) -> Result<String, AppError> {
    let year = today.year();
    for _ in 0..5 {
        if let Some(number) = hqs_labels::reserve_number(tx, year, structure_id, now).await? {
            return Ok(number);
        }
    }
    Err(AppError::Internal)
}
