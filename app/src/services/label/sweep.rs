//! The pass over held labels: lapse after the end of validity; suspension when the file no
//! longer complies (a piece of evidence expired, the structure's facts changed); reminders
//! 90 and 30 days before the end. Run by a worker on every server; each change is
//! conditional on the label's state and reminders, so two servers sweeping at once act once.

use crate::domain::Code;
use crate::domain::Outcome;
use serde_json::json;
use strum::VariantArray;

use super::{Step, state_of, store};
use crate::{
    db::{
        hqs_labels::{self, LabelRow},
        structures,
    },
    domain::{
        calendar::Day,
        hqs::{Overall, Requirement, Verdict},
        label::{LabelState, LabelStep, Reminder, Validity},
    },
    error::AppError,
    services::hqs::checks,
    state::AppState,
};

/// What one pass did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub reminded: usize,
    pub lapsed: usize,
    pub suspended: usize,
}

fn reminders_of(row: &LabelRow) -> Vec<Reminder> {
    Reminder::VARIANTS
        .iter()
        .copied()
        .filter(|r| row.reminders.split(',').any(|c| c == r.code()))
        .collect()
}

#[tracing::instrument(skip_all)]
pub async fn sweep(state: &AppState) -> Result<Swept, AppError> {
    let today = Day::of_instant(state.clock.now_ms());
    let held = [LabelState::Granted.code(), LabelState::Suspended.code()];
    let mut swept = Swept::default();
    for row in hqs_labels::in_states(&state.db, &held).await? {
        let (Some(from), Some(until)) = (
            row.valid_from.as_deref().and_then(Day::parse),
            row.valid_until.as_deref().and_then(Day::parse),
        ) else {
            continue;
        };
        let validity = Validity { from, until };
        let Some(structure) = structures::find(&state.db, &row.structure_id).await? else {
            continue;
        };
        let mut after = row.clone();
        after.updated_at = state.clock.now_ms();
        let renewing =
            hqs_labels::of_structure(&state.db, &row.structure_id).await?.iter().any(|f| {
                f.renewal_of.as_deref() == Some(row.id.as_str())
                    && state_of(f).is_ok_and(LabelState::in_progress)
            });
        let (step, what, details) = if validity.has_ended(today) {
            let Some(next) = LabelStep::Lapse.after(state_of(&row)?, None) else { continue };
            after.state = next.code().to_owned();
            let what = if renewing {
                "label arrivé à échéance ; le renouvellement est en cours d'examen".to_owned()
            } else {
                "label expiré faute de renouvellement".to_owned()
            };
            (LabelStep::Lapse, what, json!({ "valid_until": row.valid_until }))
        } else if let Some(why) = no_longer_compliant(state, &row).await? {
            let Some(next) = LabelStep::Suspend.after(state_of(&row)?, None) else { continue };
            after.state = next.code().to_owned();
            after.reason = Some(why.clone());
            let what = "label suspendu (vous pouvez répondre depuis le dossier)".to_owned();
            (LabelStep::Suspend, what, json!({ "text": why }))
        } else if let Some(reminder) =
            validity.reminder_due(today, &reminders_of(&row)).filter(|_| !renewing)
        {
            let mut sent = reminders_of(&row);
            sent.push(reminder);
            after.reminders = sent.iter().map(|r| r.code()).collect::<Vec<_>>().join(",");
            let what = format!(
                "le label prend fin le {} : pensez à le renouveler",
                validity.until.french()
            );
            (LabelStep::Remind, what, json!({ "reminder": reminder.code() }))
        } else {
            continue;
        };
        let note = after.reason.clone().filter(|_| step == LabelStep::Suspend);
        let mails = super::to_holders(state, &structure, &row.id, &what, note.as_deref()).await?;
        let outcome = store(
            state,
            Step { user: None, step, before: &row, after, details, mails, check: None },
        )
        .await?;
        if matches!(outcome, Outcome::Done(_)) {
            match step {
                LabelStep::Lapse => swept.lapsed += 1,
                LabelStep::Suspend => swept.suspended += 1,
                _ => swept.reminded += 1,
            }
        }
    }
    Ok(swept)
}

/// Why a granted label's file no longer complies with its profile today, if it does not: the
/// mandatory criteria now unmet or expired, in French.
async fn no_longer_compliant(state: &AppState, row: &LabelRow) -> Result<Option<String>, AppError> {
    if row.state != LabelState::Granted.code() {
        return Ok(None);
    }
    let Some(check) = crate::db::hqs_checks::find(&state.db, &row.check_id).await? else {
        return Ok(None);
    };
    let evaluation = checks::evaluation_of(state, &check).await?;
    if evaluation.overall == Overall::Compliant {
        return Ok(None);
    }
    let failing: Vec<String> = evaluation
        .results
        .iter()
        .filter(|r| r.requirement == Requirement::Mandatory && r.verdict != Verdict::Met)
        .map(|r| r.explanation.clone())
        .collect();
    Ok(Some(format!("Le dossier n'est plus conforme au profil du label. {}", failing.join(" "))))
}
