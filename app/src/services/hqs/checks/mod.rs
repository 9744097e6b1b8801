//! Compliance checks: a procurement officer checks a supplier (and optionally one of its
//! offers) against a profile; the supplier sends evidence; the officer reviews each piece and
//! decides. Every event goes to the audit log in the transaction that makes it; the other
//! party is told by e-mail.

use crate::domain::{Code, Outcome, organisations::MemberRole};
use serde_json::json;

use crate::{
    db::{
        hqs_checks::{self, CheckRow},
        memberships, offers, structures,
    },
    domain::{
        FieldErrors,
        accounts::Acting,
        directory::{OfferStatus, StructureStatus, text::required_text},
        hqs::{
            Requirements,
            check::{CheckState, CheckStep, Decision},
            views::{CheckRole, CheckSummary},
        },
    },
    error::AppError,
    services::{
        audit,
        directory::can_edit,
        hqs::{access, profiles},
        mail,
    },
    state::AppState,
};

mod evaluation;
mod evidence;
mod view;

use evaluation::Subject;
pub(crate) use evaluation::{evaluation_in, evaluation_of};
pub use evidence::{MAX_EVIDENCE_BYTES, Upload, evidence_file, review, upload};
pub use view::view;

fn internal(error: serde_json::Error) -> AppError {
    tracing::error!(%error, "unreadable stored check");
    AppError::Internal
}

/// Why an unverified buyer opens no check.
const NOT_VERIFIED: &str = "Votre organisation n'est pas vérifiée par le pôle : \
     demandez sa vérification depuis la page de l'organisation avant d'ouvrir un contrôle.";

fn page_of(state: &AppState, id: &str) -> String {
    format!("{}/hqs/controles/{id}", state.public_url)
}

/// A new label file's check for `structure_id`, with its first evaluation, not stored yet.
pub(crate) async fn label_check(
    state: &AppState,
    pole_id: &str,
    structure_id: &str,
    name: String,
    referential_version: i64,
    requirements: &Requirements,
    user: &Acting,
) -> Result<CheckRow, AppError> {
    let now = state.clock.now_ms();
    let mut row = CheckRow {
        id: uuid::Uuid::new_v4().to_string(),
        buyer_organisation_id: pole_id.to_owned(),
        profile_id: None,
        profile_name: name,
        referential_version,
        requirements: serde_json::to_string(requirements).map_err(internal)?,
        structure_id: structure_id.to_owned(),
        offer_id: None,
        state: CheckState::AwaitingEvidence.code().to_owned(),
        evaluation: String::new(),
        decision: None,
        decision_comment: None,
        opened_by: Some(user.id.clone()),
        decided_by: None,
        decided_at: None,
        created_at: now,
        updated_at: now,
        purpose: hqs_checks::FOR_LABEL.to_owned(),
    };
    row.evaluation = serde_json::to_string(&evaluation_of(state, &row).await?).map_err(internal)?;
    Ok(row)
}

/// What the person may do on a check, if they may see it at all. Observers see no check.
/// A buyer's people see its checks frozen while the pôle does not vouch for the buyer.
pub async fn role_on(
    state: &AppState,
    user: &Acting,
    row: &CheckRow,
) -> Result<Option<CheckRole>, AppError> {
    let label_file = row.purpose == hqs_checks::FOR_LABEL;
    let buyer = row.buyer_organisation_id.as_str();
    let frozen = !label_file && !user.in_verified_buyer(buyer);
    let officer = access::officer_of(user).iter().any(|b| b.id == buyer);
    if user.is_admin || (label_file && user.moderates()) || (officer && !frozen) {
        return Ok(Some(CheckRole::Officer));
    }
    if let Some(structure) = structures::find(&state.db, &row.structure_id).await?
        && can_edit(user, &structure)
    {
        return Ok(Some(CheckRole::Supplier));
    }
    // A label file is the structure's and the animators' only (the pôle's other members,
    // its observers, see no individual file).
    if label_file {
        return Ok(None);
    }
    if user.moderates() {
        return Ok(Some(CheckRole::Reader));
    }
    let role = if frozen { CheckRole::Frozen } else { CheckRole::Reader };
    Ok(user.is_member_of(buyer).then_some(role))
}

async fn log(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user: &Acting,
    check_id: &str,
    action: &str,
    details: &serde_json::Value,
    now: i64,
) -> Result<(), AppError> {
    audit::record(tx, Some(&user.id), ("check", check_id), action, details, now).await?;
    Ok(())
}

/// Opens a check of a published structure (and optionally one of its public offers) against
/// a profile the officer may read, for the officer's buyer organisation.
#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id))]
pub async fn open(
    state: &AppState,
    user: &Acting,
    organisation_id: &str,
    profile_id: &str,
    structure_id: &str,
    offer_id: Option<&str>,
) -> Result<Outcome<String>, AppError> {
    if !user.is_admin && !access::officer_of(user).iter().any(|b| b.id == organisation_id) {
        return Err(AppError::Forbidden);
    }
    if !user.is_admin && !user.in_verified_buyer(organisation_id) {
        return Ok(Outcome::refused(NOT_VERIFIED));
    }
    let Some(profile) = profiles::view(state, user, profile_id).await? else {
        return Ok(Outcome::Refused("Choisissez un profil que vous pouvez utiliser.".into()));
    };
    let structure = structures::find(&state.db, structure_id).await?;
    let Some(structure) = structure.filter(|s| s.status == StructureStatus::Published) else {
        return Ok(Outcome::Refused("Cette structure n'est pas publiée dans l'annuaire.".into()));
    };
    let offer = match offer_id.filter(|id| !id.is_empty()) {
        None => None,
        Some(id) => match offers::find(&state.db, id).await? {
            Some(o) if o.structure_id == structure.id && o.status == OfferStatus::Published => {
                Some(o)
            }
            _ => {
                return Ok(Outcome::Refused(
                    "Cette offre n'est pas publiée par la structure.".into(),
                ));
            }
        },
    };
    let now = state.clock.now_ms();
    let mut row = CheckRow {
        id: uuid::Uuid::new_v4().to_string(),
        buyer_organisation_id: organisation_id.to_owned(),
        profile_id: Some(profile.summary.id.clone()),
        profile_name: profile.summary.name.clone(),
        referential_version: profile.summary.referential_version,
        requirements: serde_json::to_string(&profile.requirements).map_err(internal)?,
        structure_id: structure.id.clone(),
        offer_id: offer.as_ref().map(|o| o.id.clone()),
        state: CheckState::Draft.code().to_owned(),
        evaluation: String::new(),
        decision: None,
        decision_comment: None,
        opened_by: Some(user.id.clone()),
        decided_by: None,
        decided_at: None,
        created_at: now,
        updated_at: now,
        purpose: hqs_checks::FOR_BUYER.to_owned(),
    };
    let evaluation = evaluation_of(state, &row).await?;
    row.evaluation = serde_json::to_string(&evaluation).map_err(internal)?;
    let mut tx = crate::db::begin(&state.db).await?;
    hqs_checks::insert(&mut tx, &row).await?;
    let details = json!({
        "profile": row.profile_name,
        "referential_version": row.referential_version,
        "requirements": profile.requirements,
        "structure": structure.name,
        "offer": offer.as_ref().map(|o| o.title.clone()),
        "pre_verdict": evaluation.overall.code(),
    });
    log(&mut tx, user, &row.id, "opened", &details, now).await?;
    tx.commit().await?;
    Ok(Outcome::Done(row.id))
}

/// Takes a step: ask for evidence (officer, with a message), say the evidence is there
/// (supplier), decide (officer, with a decision and a comment), reopen (officer, with a
/// reason).
#[tracing::instrument(skip_all, fields(user_id = %user.id, check_id))]
pub async fn take_step(
    state: &AppState,
    user: &Acting,
    check_id: &str,
    step: CheckStep,
    text: &str,
    decision: Option<Decision>,
) -> Result<Outcome<String>, AppError> {
    let row = hqs_checks::find(&state.db, check_id).await?.ok_or(AppError::NotFound)?;
    let role = role_on(state, user, &row).await?.ok_or(AppError::Forbidden)?;
    if row.purpose == hqs_checks::FOR_LABEL {
        return Ok(Outcome::Refused(
            "Ce dossier de label avance depuis la page du dossier.".into(),
        ));
    }
    if role != step.taker() {
        return Err(AppError::Forbidden);
    }
    let from = CheckState::from_code(&row.state).ok_or(AppError::Internal)?;
    let to = match step.from(from) {
        Ok(to) => to,
        Err(why) => return Ok(Outcome::Refused(why.to_owned())),
    };
    let mut errors = FieldErrors::new();
    let text = if step.needs_text() {
        let missing = match step {
            CheckStep::Decide => "Écrivez un commentaire pour motiver la décision.",
            CheckStep::Reopen => "Dites pourquoi vous rouvrez le contrôle.",
            _ => "Dites au fournisseur quelles pièces vous attendez.",
        };
        errors.check("text", required_text(text, 2000, true, missing))
    } else {
        Some(text.trim().to_owned())
    };
    let decision = match step {
        CheckStep::Decide => match decision {
            Some(d) => Some(d),
            None => {
                errors.add("decision", "Choisissez conforme ou non conforme.");
                None
            }
        },
        _ => None,
    };
    let Some(text) = text.filter(|_| errors.is_empty()) else {
        return Ok(Outcome::Invalid(errors));
    };
    let now = state.clock.now_ms();
    let evaluation = evaluation_of(state, &row).await?;
    let mut next = row.clone();
    next.state = to.code().to_owned();
    next.evaluation = serde_json::to_string(&evaluation).map_err(internal)?;
    next.updated_at = now;
    match step {
        CheckStep::Decide => {
            next.decision = decision.map(|d| d.code().to_owned());
            next.decision_comment = Some(text.clone());
            next.decided_by = Some(user.id.clone());
            next.decided_at = Some(now);
        }
        CheckStep::Reopen => {
            next.decision = None;
            next.decision_comment = None;
            next.decided_by = None;
            next.decided_at = None;
        }
        _ => {}
    }
    // Read before the transaction: on SQLite it holds the write lock, and a read through the
    // pool would wait for a connection that other writers, waiting for that lock, hold.
    let (recipients, what) = told_of(state, &row, step, decision).await?;
    let link = page_of(state, check_id);
    let mut tx = crate::db::begin(&state.db).await?;
    if !hqs_checks::transition(&mut tx, &next, &row.state).await? {
        return Ok(Outcome::Refused("Le contrôle vient de changer : rechargez la page.".into()));
    }
    let details = json!({
        "from": from.code(),
        "to": to.code(),
        "text": text,
        "decision": decision.map(Decision::code),
        "pre_verdict": evaluation.overall.code(),
        "score": evaluation.score,
    });
    log(&mut tx, user, check_id, step.code(), &details, now).await?;
    let note = (!text.is_empty()).then_some(text.as_str());
    for to in recipients {
        let message = mail::check_update(&to, &what, &row.profile_name, note, &link);
        mail::enqueue(&mut tx, &message, now).await?;
    }
    tx.commit().await?;
    Ok(Outcome::Done(check_id.to_owned()))
}

/// Who is told of a step, and what they are told.
async fn told_of(
    state: &AppState,
    row: &CheckRow,
    step: CheckStep,
    decision: Option<Decision>,
) -> Result<(Vec<String>, String), AppError> {
    let structure = structures::find(&state.db, &row.structure_id).await?;
    let supplier_org = structure.and_then(|s| s.organisation_id);
    Ok(match step {
        CheckStep::SubmitEvidence => (
            memberships::emails_with_role(
                &state.db,
                &row.buyer_organisation_id,
                MemberRole::ProcurementOfficer,
            )
            .await?,
            "le fournisseur a envoyé ses pièces".to_owned(),
        ),
        CheckStep::RequestEvidence => (
            owners(state, supplier_org.as_deref()).await?,
            "des pièces vous sont demandées".to_owned(),
        ),
        CheckStep::Decide => (
            owners(state, supplier_org.as_deref()).await?,
            format!("décision : {}", decision.map_or("", Decision::label)),
        ),
        CheckStep::Reopen => {
            (owners(state, supplier_org.as_deref()).await?, "le contrôle est rouvert".to_owned())
        }
    })
}

async fn owners(state: &AppState, organisation_id: Option<&str>) -> Result<Vec<String>, AppError> {
    Ok(match organisation_id {
        Some(id) => memberships::owner_emails(&state.db, id).await?,
        None => Vec::new(),
    })
}

/// The checks the person may see: their buyers', those about their structures, all for the
/// pôle's animators; none for observers.
pub async fn list(state: &AppState, user: &Acting) -> Result<Vec<CheckSummary>, AppError> {
    let mine = access::member_of(user);
    let everything = user.is_admin || user.moderates();
    let rows = hqs_checks::listed(&state.db, &mine, &mine, everything).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(CheckSummary {
                id: r.id,
                profile_name: r.profile_name,
                buyer_name: r.buyer_name,
                structure_name: r.structure_name,
                offer_title: r.offer_title,
                state: CheckState::from_code(&r.state)?,
                decision: r.decision.as_deref().and_then(Decision::from_code),
                updated_at: r.updated_at,
            })
        })
        .collect())
}

/// What a procurement officer may open a check of a published structure with: their verified
/// buyers (and those waiting for the pôle), the profiles they may use, the structure's public
/// offers. `None` for anyone else.
pub async fn opening(
    state: &AppState,
    user: &Acting,
    structure_id: &str,
) -> Result<Option<crate::domain::hqs::views::CheckOpening>, AppError> {
    let (buyers, unverified): (Vec<_>, Vec<_>) = access::officer_of(user)
        .into_iter()
        .partition(|b| user.is_admin || user.in_verified_buyer(&b.id));
    if buyers.is_empty() && unverified.is_empty() {
        return Ok(None);
    }
    let Some(structure) = structures::find(&state.db, structure_id).await? else { return Ok(None) };
    if structure.status != StructureStatus::Published {
        return Ok(None);
    }
    let offers = offers::of_structure(&state.db, structure_id)
        .await?
        .into_iter()
        .filter(|o| o.status == OfferStatus::Published)
        .map(|o| (o.id, o.title))
        .collect();
    let profiles = profiles::page(state, user).await?.profiles;
    Ok(Some(crate::domain::hqs::views::CheckOpening { buyers, unverified, profiles, offers }))
}
