//! Posting a need from a buyer's own system: a draft made as the token's creator, and when
//! asked, sent to the pôle at once; at most [`DAILY_NEEDS_CAP`] a day per organisation.

use crate::{
    db::need_quota,
    domain::{
        FieldErrors, Outcome,
        needs::{NeedForm, NeedStep},
    },
    error::AppError,
    services::needs,
    state::AppState,
};

use super::TokenCaller;

/// Needs an organisation may create in 24 hours, however they are made (pages or API), before
/// the API refuses more: a runaway script cannot flood the pôle's queue.
pub const DAILY_NEEDS_CAP: i64 = 100;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Whether `created` needs in the last 24 hours leave no room for one more.
pub fn over_daily_cap(created: i64) -> bool {
    created >= DAILY_NEEDS_CAP
}

/// What became of a posted need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posted {
    /// Kept as a draft (asked so).
    Draft(String),
    /// Sent to the pôle's animators.
    Submitted(String),
    /// The draft is kept, but could not be sent: why, in French.
    SubmissionRefused { id: String, reason: String },
    /// The draft is kept, but lacks what submission needs.
    SubmissionIncomplete { id: String, errors: FieldErrors },
    /// Nothing stored: the fields to correct.
    Invalid(FieldErrors),
    /// Nothing stored: refused as a whole.
    Refused(String),
    /// Nothing stored: the organisation reached its daily cap.
    OverCap,
}

#[tracing::instrument(skip_all, fields(token_id = %caller.token_id, organisation_id = %caller.organisation_id))]
pub async fn post_need(
    state: &AppState,
    caller: &TokenCaller,
    form: NeedForm,
    submit: bool,
) -> Result<Posted, AppError> {
    let since = state.clock.now_ms() - DAY_MS;
    if over_daily_cap(need_quota::created_since(&state.db, &caller.organisation_id, since).await?) {
        return Ok(Posted::OverCap);
    }
    let id = match needs::create(state, &caller.acting, &caller.organisation_id, form).await? {
        Outcome::Done(id) => id,
        Outcome::Invalid(errors) => return Ok(Posted::Invalid(errors)),
        Outcome::Refused(reason) => return Ok(Posted::Refused(reason)),
    };
    if !submit {
        return Ok(Posted::Draft(id));
    }
    Ok(match needs::take_step(state, &caller.acting, &id, NeedStep::Submit, "").await? {
        Outcome::Done(_) => Posted::Submitted(id),
        Outcome::Invalid(errors) => Posted::SubmissionIncomplete { id, errors },
        Outcome::Refused(reason) => Posted::SubmissionRefused { id, reason },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_leaves_room_for_the_hundredth_need_only() {
        assert!(!over_daily_cap(0));
        assert!(!over_daily_cap(DAILY_NEEDS_CAP - 1));
        assert!(over_daily_cap(DAILY_NEEDS_CAP));
    }
}
