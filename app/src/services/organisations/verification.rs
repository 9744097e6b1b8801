//! The pôle's verification of buyers: an owner asks with the buying entity's SIRET and
//! category; an animator verifies or refuses with a reason, and may later withdraw a
//! verification. Each step goes to the audit log; the other side is told by e-mail.

use serde_json::json;

use crate::{
    db::{
        buyer_verification::{self, Request, VerificationRow},
        memberships, organisations,
    },
    domain::{
        Code, FieldErrors, Outcome,
        accounts::Acting,
        directory::{Siret, text::required_text},
        organisations::{
            BuyerCategory, BuyerToVerify, MemberRole, OrganisationKind, Verification,
            VerificationDecision, VerificationView,
        },
    },
    error::AppError,
    services::{audit, mail},
    state::AppState,
};

use super::access::require_owner;

/// What an owner sends to ask for the verification.
#[derive(Debug, Clone)]
pub struct VerificationForm {
    pub siret: String,
    pub category: String,
}

fn page_of(state: &AppState, organisation_id: &str) -> String {
    format!("{}/organisations/{organisation_id}", state.public_url)
}

async fn log(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user: &Acting,
    organisation_id: &str,
    action: &str,
    details: &serde_json::Value,
    now: i64,
) -> Result<(), AppError> {
    audit::record(tx, Some(&user.id), ("organisation", organisation_id), action, details, now)
        .await?;
    Ok(())
}

fn changed() -> Outcome<String> {
    Outcome::refused("La vérification vient de changer : rechargez la page.")
}

/// Asks the pôle to verify a buyer organisation. Its owners (and administrators) only.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id))]
pub async fn request_verification(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    form: VerificationForm,
) -> Result<Outcome<String>, AppError> {
    let OrganisationKind::Buyer(buyer_kind) = require_owner(state, user, organisation_id).await?
    else {
        return Ok(Outcome::refused("Seuls les acheteurs demandent une vérification au pôle."));
    };
    let mut errors = FieldErrors::new();
    let siret = errors.check("siret", Siret::parse(&form.siret));
    let category = errors.check("category", BuyerCategory::parse_for(&form.category, buyer_kind));
    let (Some(siret), Some(category)) = (siret, category) else {
        return Ok(Outcome::Invalid(errors));
    };
    let row =
        buyer_verification::find(&state.db, organisation_id).await?.ok_or(AppError::Forbidden)?;
    let from = row.verification;
    let to = from.after_request(row.siret.as_deref() != Some(siret.as_str()));
    let now = state.clock.now_ms();
    let request = Request {
        siret: siret.as_str(),
        category: category.code(),
        from,
        to,
        requested_by: &user.id,
        now,
    };
    let mut tx = crate::db::begin(&state.db).await?;
    if !buyer_verification::request(&mut tx, organisation_id, &request).await? {
        return Ok(changed());
    }
    let details = json!({ "siret": siret.as_str(), "category": category.code(), "from": from.code(), "to": to.code() });
    log(&mut tx, user, organisation_id, "verification_requested", &details, now).await?;
    if to == Verification::Requested
        && let Some(pole) = organisations::pole_id(&state.db).await?
    {
        let link = format!("{}/pole/acheteurs", state.public_url);
        for animator in
            memberships::emails_with_role(&state.db, &pole, MemberRole::Animator).await?
        {
            let message =
                mail::verification_request(&animator, &row.name, &user.display_name, &link);
            mail::enqueue(&mut tx, &message, now).await?;
        }
    }
    tx.commit().await?;
    tracing::info!(organisation_id, to = to.code(), "verification requested");
    Ok(Outcome::Done(organisation_id.to_owned()))
}

/// Verifies or refuses a buyer, or withdraws its verification, with a reason. The pôle's
/// animators only, none of the buyer's own members; the buyer's owners are told by e-mail.
#[tracing::instrument(skip_all, fields(user_id = %user.id, organisation_id))]
pub async fn decide_verification(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    decision: VerificationDecision,
    reason: &str,
) -> Result<Outcome<String>, AppError> {
    if !user.moderates() {
        return Err(AppError::Forbidden);
    }
    if user.is_member_of(organisation_id) {
        return Ok(Outcome::refused(
            "Vous êtes membre de cet acheteur : un autre animateur du pôle décide de sa \
             vérification (conflit d'intérêts).",
        ));
    }
    let missing = match decision {
        VerificationDecision::Verify => "Dites sur quoi repose la vérification.",
        VerificationDecision::Refuse => "Dites pourquoi l'acheteur n'est pas vérifié.",
    };
    let reason = match required_text(reason, 2000, true, missing) {
        Ok(reason) => reason,
        Err(message) => return Ok(Outcome::invalid("reason", message)),
    };
    let row = buyer_verification::find(&state.db, organisation_id).await?;
    let Some(row) = row.filter(|r| r.kind == "buyer") else {
        return Ok(Outcome::refused("Cette organisation n'est pas un acheteur."));
    };
    let from = row.verification;
    let to = match from.after_decision(decision) {
        Ok(to) => to,
        Err(why) => return Ok(Outcome::refused(why)),
    };
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    if !buyer_verification::decide(&mut tx, organisation_id, from, to, &reason, &user.id, now)
        .await?
    {
        return Ok(changed());
    }
    let details = json!({
        "from": from.code(),
        "to": to.code(),
        "reason": reason,
        "siret": row.siret,
        "category": row.buyer_category,
    });
    log(&mut tx, user, organisation_id, from.decision_action(decision), &details, now).await?;
    let link = page_of(state, organisation_id);
    for owner in memberships::owner_emails(&state.db, organisation_id).await? {
        let message = mail::verification_decision(&owner, &row.name, to, &reason, &link);
        mail::enqueue(&mut tx, &message, now).await?;
    }
    tx.commit().await?;
    tracing::info!(organisation_id, to = to.code(), "verification decided");
    Ok(Outcome::Done(organisation_id.to_owned()))
}

/// The animators' desk: buyers waiting for a decision, then verified ones.
pub async fn desk(state: &AppState, user: &Acting) -> Result<Vec<BuyerToVerify>, AppError> {
    if !user.moderates() {
        return Err(AppError::Forbidden);
    }
    let rows = buyer_verification::desk(&state.db).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(BuyerToVerify {
                kind: OrganisationKind::from_columns(&r.kind, r.buyer_kind.as_deref())?,
                category: category_of(&r),
                id: r.id,
                name: r.name,
                state: r.verification,
                siret: r.siret,
                requester: r.requester.unwrap_or_default(),
                requested_at: r.verification_requested_at,
            })
        })
        .collect())
}

fn category_of(row: &VerificationRow) -> Option<BuyerCategory> {
    row.buyer_category.as_deref().and_then(BuyerCategory::from_code)
}

/// A buyer's verification as its members see it; `None` for other kinds.
pub async fn view_of(
    state: &AppState,
    organisation_id: &str,
) -> Result<Option<VerificationView>, AppError> {
    let row = buyer_verification::find(&state.db, organisation_id).await?;
    Ok(row.filter(|r| r.kind == "buyer").map(|r| VerificationView {
        state: r.verification,
        category: category_of(&r),
        siret: r.siret,
        reason: r.verification_reason,
        decided_at: r.verification_decided_at,
    }))
}
