//! Scheduled watch reports: members of the pôle subscribe ([`subscribe`]); the report worker
//! mails each report once, on the first working day after its period ([`send`]).

mod mail;
pub mod send;

use crate::{
    db::{self, watch_reports},
    domain::{
        Outcome,
        accounts::Acting,
        calendar::Day,
        organisations::OrganisationKind,
        watch::{
            indicators::Period,
            reports::{Frequency, SubscriptionForm},
        },
    },
    error::AppError,
    state::AppState,
};

/// The dashboard's parameter for a report's period (`mois=2026-11`, `trimestre=2026-T4`).
fn query(period: Period) -> String {
    let (name, value) = period.param();
    format!("{name}={value}")
}

/// Members of the pôle (any role) and administrators receive the partnership's report.
pub fn may_subscribe(user: &Acting) -> bool {
    user.user().is_admin || user.standings().iter().any(|s| s.kind == OrganisationKind::Pole)
}

/// The person's current choice (`None`: no report).
pub async fn current(state: &AppState, user: &Acting) -> Result<Option<Frequency>, AppError> {
    if !may_subscribe(user) {
        return Err(AppError::Forbidden);
    }
    let found = watch_reports::find(&state.db, &user.user().id).await?;
    Ok(found.and_then(|s| Frequency::from_code(&s.frequency)))
}

/// Subscribes the person to a monthly or quarterly report, or stops it; answers the code of
/// the choice (`monthly`, `quarterly`, `none`).
pub async fn subscribe(
    state: &AppState,
    user: &Acting,
    form: SubscriptionForm,
) -> Result<Outcome<String>, AppError> {
    if !may_subscribe(user) {
        return Err(AppError::Forbidden);
    }
    let choice = match Frequency::parse_choice(&form.frequency) {
        Ok(choice) => choice,
        Err(message) => return Ok(Outcome::invalid("frequency", message)),
    };
    let now = state.clock.now_ms();
    let user_id = &user.user().id;
    let mut tx = db::begin(&state.db).await?;
    match choice {
        Some(frequency) => {
            let today = Day::of_instant(now).iso();
            watch_reports::upsert(&mut tx, user_id, frequency.code(), &today, now).await?;
        }
        None => {
            watch_reports::delete(&mut tx, user_id).await?;
        }
    }
    let details = serde_json::json!({ "frequency": choice.map_or("none", Frequency::code) });
    crate::services::audit::record(
        &mut tx,
        Some(user_id),
        ("watch_report_subscription", user_id),
        "chosen",
        &details,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Outcome::Done(choice.map_or("none", Frequency::code).to_owned()))
}
