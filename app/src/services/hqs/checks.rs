//! Compliance checks: a procurement officer checks a supplier (and optionally one of its
//! offers) against a profile; the supplier sends evidence; the officer reviews each piece and
//! decides. Every event goes to the audit log in the transaction that makes it; the other
//! party is told by e-mail.

use serde_json::json;
use sha2::{Digest, Sha256};

use crate::{
    db::{
        audit_log,
        hqs_checks::{self, CheckRow},
        hqs_evidence::{self, EvidenceRow},
        memberships, offers, organisations, structures, users,
    },
    domain::{
        FieldErrors,
        accounts::SessionUser,
        calendar::iso_date,
        directory::{
            OfferStatus, StructureStatus,
            document::{clean_file_name, sniff},
            text::{optional_date, required_text},
        },
        hqs::{
            Evaluation, EvidenceKind, EvidenceOnFile, Requirements, Review,
            check::{CheckState, CheckStep, Decision},
            evaluate,
            facts::Evidence,
            views::{CheckRole, CheckSummary, CheckView, EvidenceView, HistoryEntry, HqsOutcome},
        },
    },
    error::AppError,
    services::{
        audit,
        directory::{can_edit, is_animator},
        hqs::{access, facts, profiles},
        mail,
    },
    state::AppState,
};

/// Largest piece of evidence.
pub const MAX_EVIDENCE_BYTES: usize = 5 * 1024 * 1024;

fn internal(error: serde_json::Error) -> AppError {
    tracing::error!(%error, "unreadable stored check");
    AppError::Internal
}

fn page_of(state: &AppState, id: &str) -> String {
    format!("{}/hqs/controles/{id}", state.public_url)
}

/// The evaluation of a check now: the supplier's current facts, the offer's, the evidence
/// sent for this check, against the profile as it was when the check opened.
async fn evaluation_of(state: &AppState, row: &CheckRow) -> Result<Evaluation, AppError> {
    let requirements: Requirements = serde_json::from_str(&row.requirements).map_err(internal)?;
    let structure =
        structures::find(&state.db, &row.structure_id).await?.ok_or(AppError::Internal)?;
    let supplier = facts::supplier_facts(&state.db, &structure).await?;
    let offer = match &row.offer_id {
        Some(id) => offers::find(&state.db, id).await?.map(|o| facts::offer_facts(&o)),
        None => None,
    };
    let documents: Vec<EvidenceOnFile> = hqs_evidence::of_check(&state.db, &row.id)
        .await?
        .into_iter()
        .filter_map(|e| {
            Some(EvidenceOnFile {
                kind: EvidenceKind::parse(&e.kind)?,
                valid_until: e.valid_until,
                review: Review::parse(&e.review)?,
            })
        })
        .collect();
    let today = iso_date(state.clock.now_ms());
    Ok(evaluate(&requirements, &supplier, offer.as_ref(), Evidence::OnFile(&documents), &today))
}

/// What the person may do on a check, if they may see it at all. Observers see no check.
pub async fn role_on(
    state: &AppState,
    user: &SessionUser,
    row: &CheckRow,
) -> Result<Option<CheckRole>, AppError> {
    if user.is_admin
        || access::officer_of(state, user).await?.iter().any(|b| b.id == row.buyer_organisation_id)
    {
        return Ok(Some(CheckRole::Officer));
    }
    if let Some(structure) = structures::find(&state.db, &row.structure_id).await?
        && can_edit(state, user, &structure).await?
    {
        return Ok(Some(CheckRole::Supplier));
    }
    if access::member_of(state, user).await?.contains(&row.buyer_organisation_id)
        || is_animator(state, user).await?
    {
        return Ok(Some(CheckRole::Reader));
    }
    Ok(None)
}

async fn log(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user: &SessionUser,
    check_id: &str,
    action: &str,
    details: &serde_json::Value,
    now: i64,
) -> Result<(), AppError> {
    let event = audit::Event {
        at: now,
        actor_id: Some(&user.id),
        subject_type: "check",
        subject_id: check_id,
        action,
        details,
    };
    audit::append(tx, &event).await?;
    Ok(())
}

/// Opens a check of a published structure (and optionally one of its public offers) against
/// a profile the officer may read, for the officer's buyer organisation.
#[tracing::instrument(skip_all, fields(user_id = %user.id, structure_id))]
pub async fn open(
    state: &AppState,
    user: &SessionUser,
    organisation_id: &str,
    profile_id: &str,
    structure_id: &str,
    offer_id: Option<&str>,
) -> Result<HqsOutcome, AppError> {
    if !user.is_admin
        && !access::officer_of(state, user).await?.iter().any(|b| b.id == organisation_id)
    {
        return Err(AppError::Forbidden);
    }
    let Some(profile) = profiles::view(state, user, profile_id).await? else {
        return Ok(HqsOutcome::Refused("Choisissez un profil que vous pouvez utiliser.".into()));
    };
    let structure = structures::find(&state.db, structure_id).await?;
    let Some(structure) = structure.filter(|s| s.status == StructureStatus::Published.code())
    else {
        return Ok(HqsOutcome::Refused(
            "Cette structure n'est pas publiée dans l'annuaire.".into(),
        ));
    };
    let offer = match offer_id.filter(|id| !id.is_empty()) {
        None => None,
        Some(id) => match offers::find(&state.db, id).await? {
            Some(o)
                if o.structure_id == structure.id && o.status == OfferStatus::Published.code() =>
            {
                Some(o)
            }
            _ => {
                return Ok(HqsOutcome::Refused(
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
    Ok(HqsOutcome::Done { id: row.id })
}

/// Takes a step: ask for evidence (officer, with a message), say the evidence is there
/// (supplier), decide (officer, with a decision and a comment), reopen (officer, with a
/// reason).
#[tracing::instrument(skip_all, fields(user_id = %user.id, check_id))]
pub async fn take_step(
    state: &AppState,
    user: &SessionUser,
    check_id: &str,
    step: &str,
    text: &str,
    decision: &str,
) -> Result<HqsOutcome, AppError> {
    let row = hqs_checks::find(&state.db, check_id).await?.ok_or(AppError::Forbidden)?;
    let role = role_on(state, user, &row).await?.ok_or(AppError::Forbidden)?;
    let Some(step) = CheckStep::parse(step) else {
        return Ok(HqsOutcome::Refused("Étape inconnue.".into()));
    };
    let allowed = match step {
        CheckStep::SubmitEvidence => role == CheckRole::Supplier,
        _ => role == CheckRole::Officer,
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let from = CheckState::parse(&row.state).ok_or(AppError::Internal)?;
    let to = match step.from(from) {
        Ok(to) => to,
        Err(why) => return Ok(HqsOutcome::Refused(why.to_owned())),
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
        CheckStep::Decide => match Decision::parse(decision) {
            Some(d) => Some(d),
            None => {
                errors.add("decision", "Choisissez conforme ou non conforme.");
                None
            }
        },
        _ => None,
    };
    let Some(text) = text.filter(|_| errors.is_empty()) else {
        return Ok(HqsOutcome::Invalid(errors));
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
    let mut tx = crate::db::begin(&state.db).await?;
    if !hqs_checks::transition(&mut tx, &next, &row.state).await? {
        return Ok(HqsOutcome::Refused("Le contrôle vient de changer : rechargez la page.".into()));
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
    let link = page_of(state, check_id);
    let structure = structures::find(&state.db, &row.structure_id).await?;
    let supplier_org = structure.and_then(|s| s.organisation_id);
    let (recipients, what) = match step {
        CheckStep::SubmitEvidence => (
            memberships::emails_with_role(
                &state.db,
                &row.buyer_organisation_id,
                "procurement_officer",
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
    };
    let note = (!text.is_empty()).then_some(text.as_str());
    for to in recipients {
        let message = mail::check_update(&to, &what, &row.profile_name, note, &link);
        mail::enqueue(&mut tx, &message, now).await?;
    }
    tx.commit().await?;
    Ok(HqsOutcome::Done { id: check_id.to_owned() })
}

async fn owners(state: &AppState, organisation_id: Option<&str>) -> Result<Vec<String>, AppError> {
    Ok(match organisation_id {
        Some(id) => memberships::owner_emails(&state.db, id).await?,
        None => Vec::new(),
    })
}

/// A piece of evidence a supplier sends.
pub struct Upload {
    pub check_id: String,
    pub kind: String,
    pub valid_until: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Stores a piece of evidence for a check; the supplier's people, while the check is not
/// decided. The type is read from the content; its SHA-256 goes to the audit log.
#[tracing::instrument(skip_all, fields(user_id = %user.id, check_id = %upload.check_id))]
pub async fn upload(
    state: &AppState,
    user: &SessionUser,
    upload: Upload,
) -> Result<HqsOutcome, AppError> {
    let row = hqs_checks::find(&state.db, &upload.check_id).await?.ok_or(AppError::Forbidden)?;
    if role_on(state, user, &row).await? != Some(CheckRole::Supplier) {
        return Err(AppError::Forbidden);
    }
    if row.state == CheckState::Decided.code() {
        return Ok(HqsOutcome::Refused(
            "Ce contrôle est décidé : il ne reçoit plus de pièces.".into(),
        ));
    }
    let mut errors = FieldErrors::new();
    let kind = EvidenceKind::parse(&upload.kind);
    if kind.is_none() {
        errors.add("kind", "Choisissez le type de pièce.");
    }
    let valid_until = errors.check("valid_until", optional_date(&upload.valid_until)).flatten();
    let content_type = if upload.bytes.is_empty() {
        errors.add("file", "Choisissez un fichier.");
        None
    } else if upload.bytes.len() > MAX_EVIDENCE_BYTES {
        errors.add("file", "Le fichier dépasse 5 Mo.");
        None
    } else {
        match sniff(&upload.bytes) {
            Some(t @ ("application/pdf" | "image/png" | "image/jpeg")) => Some(t),
            _ => {
                errors.add("file", "Formats acceptés : PDF, PNG ou JPEG.");
                None
            }
        }
    };
    let (Some(kind), Some(content_type), true) = (kind, content_type, errors.is_empty()) else {
        return Ok(HqsOutcome::Invalid(errors));
    };
    let now = state.clock.now_ms();
    let sha256: String = Sha256::digest(&upload.bytes).iter().map(|b| format!("{b:02x}")).collect();
    let evidence = EvidenceRow {
        id: uuid::Uuid::new_v4().to_string(),
        check_id: row.id.clone(),
        kind: kind.code().to_owned(),
        file_name: clean_file_name(&upload.file_name),
        content_type: content_type.to_owned(),
        size_bytes: i64::try_from(upload.bytes.len()).unwrap_or(i64::MAX),
        sha256,
        valid_until,
        review: Review::Pending.code().to_owned(),
        review_reason: None,
        reviewed_by: None,
        reviewed_at: None,
        uploaded_by: Some(user.id.clone()),
        created_at: now,
    };
    let mut tx = crate::db::begin(&state.db).await?;
    hqs_evidence::insert(&mut tx, &evidence, &upload.bytes).await?;
    let details = json!({
        "evidence": evidence.id,
        "kind": evidence.kind,
        "file_name": evidence.file_name,
        "size_bytes": evidence.size_bytes,
        "sha256": evidence.sha256,
        "valid_until": evidence.valid_until,
    });
    log(&mut tx, user, &row.id, "evidence_uploaded", &details, now).await?;
    tx.commit().await?;
    refresh(state, &row.id).await?;
    Ok(HqsOutcome::Done { id: row.id })
}

/// Stores the check's evaluation as it is now (after a piece arrived or was reviewed).
async fn refresh(state: &AppState, check_id: &str) -> Result<(), AppError> {
    let Some(row) = hqs_checks::find(&state.db, check_id).await? else { return Ok(()) };
    let mut next = row.clone();
    next.evaluation =
        serde_json::to_string(&evaluation_of(state, &row).await?).map_err(internal)?;
    next.updated_at = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    hqs_checks::transition(&mut tx, &next, &row.state).await?;
    tx.commit().await?;
    Ok(())
}

/// Accepts or rejects a piece; the officer, with a reason for a rejection.
#[tracing::instrument(skip_all, fields(user_id = %user.id, check_id, evidence_id))]
pub async fn review(
    state: &AppState,
    user: &SessionUser,
    check_id: &str,
    evidence_id: &str,
    accept: bool,
    reason: &str,
) -> Result<HqsOutcome, AppError> {
    let row = hqs_checks::find(&state.db, check_id).await?.ok_or(AppError::Forbidden)?;
    if role_on(state, user, &row).await? != Some(CheckRole::Officer) {
        return Err(AppError::Forbidden);
    }
    if row.state == CheckState::Decided.code() {
        return Ok(HqsOutcome::Refused("Ce contrôle est décidé : rouvrez-le d'abord.".into()));
    }
    let reason = reason.trim();
    if !accept && reason.is_empty() {
        let mut errors = FieldErrors::new();
        errors.add("reason", "Dites pourquoi la pièce est refusée.");
        return Ok(HqsOutcome::Invalid(errors));
    }
    let review = if accept { Review::Accepted } else { Review::Rejected };
    let now = state.clock.now_ms();
    let mut tx = crate::db::begin(&state.db).await?;
    let reason = (!reason.is_empty()).then(|| reason.chars().take(2000).collect::<String>());
    if !hqs_evidence::review(
        &mut tx,
        check_id,
        evidence_id,
        review.code(),
        reason.as_deref(),
        &user.id,
        now,
    )
    .await?
    {
        return Ok(HqsOutcome::Refused("Cette pièce n'est pas dans ce contrôle.".into()));
    }
    let details = json!({ "evidence": evidence_id, "review": review.code(), "reason": reason });
    log(&mut tx, user, check_id, "evidence_reviewed", &details, now).await?;
    tx.commit().await?;
    refresh(state, check_id).await?;
    Ok(HqsOutcome::Done { id: check_id.to_owned() })
}

/// The checks the person may see: their buyers', those about their structures, all for the
/// pôle's animators; none for observers.
pub async fn list(state: &AppState, user: &SessionUser) -> Result<Vec<CheckSummary>, AppError> {
    let mine = access::member_of(state, user).await?;
    let everything = user.is_admin || is_animator(state, user).await?;
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
                state: CheckState::parse(&r.state)?,
                decision: r.decision.as_deref().and_then(Decision::parse),
                updated_at: r.updated_at,
            })
        })
        .collect())
}

fn action_label(action: &str) -> &'static str {
    match action {
        "opened" => "Contrôle ouvert",
        "request_evidence" => "Pièces demandées",
        "submit_evidence" => "Pièces envoyées pour examen",
        "decide" => "Décision",
        "reopen" => "Contrôle rouvert",
        "evidence_uploaded" => "Pièce déposée",
        "evidence_reviewed" => "Pièce examinée",
        _ => "Événement",
    }
}

/// A check's page, for those who may see it (`None` otherwise).
pub async fn view(
    state: &AppState,
    user: &SessionUser,
    id: &str,
) -> Result<Option<CheckView>, AppError> {
    let Some(row) = hqs_checks::find(&state.db, id).await? else { return Ok(None) };
    let Some(role) = role_on(state, user, &row).await? else { return Ok(None) };
    let structure =
        structures::find(&state.db, &row.structure_id).await?.ok_or(AppError::Internal)?;
    let offer_title = match &row.offer_id {
        Some(id) => offers::find(&state.db, id).await?.map(|o| o.title),
        None => None,
    };
    let buyer_name = organisations::find(&state.db, &row.buyer_organisation_id)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let evidence = hqs_evidence::of_check(&state.db, id)
        .await?
        .into_iter()
        .filter_map(|e| {
            Some(EvidenceView {
                kind: EvidenceKind::parse(&e.kind)?,
                review: Review::parse(&e.review)?,
                id: e.id,
                file_name: e.file_name,
                size_bytes: e.size_bytes,
                sha256: e.sha256,
                valid_until: e.valid_until,
                review_reason: e.review_reason,
                uploaded_at: e.created_at,
            })
        })
        .collect();
    let mut history = Vec::new();
    for entry in audit_log::of_subject(&state.db, "check", id).await? {
        let actor = match &entry.actor_id {
            Some(actor) => users::find_by_id(&state.db, actor)
                .await?
                .map(|u| u.display_name)
                .unwrap_or_default(),
            None => String::new(),
        };
        let details: serde_json::Value = serde_json::from_str(&entry.details).unwrap_or_default();
        let text = [
            details["text"].as_str().map(str::to_owned),
            details["decision"].as_str().and_then(Decision::parse).map(|d| d.label().to_owned()),
            details["file_name"].as_str().map(|f| {
                format!("{f} (SHA-256 {})", details["sha256"].as_str().unwrap_or_default())
            }),
            details["review"].as_str().and_then(Review::parse).map(|r| r.label().to_owned()),
            details["reason"].as_str().map(str::to_owned),
            details["pre_verdict"].as_str().map(|v| format!("pré-verdict : {v}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        history.push(HistoryEntry {
            seq: entry.seq,
            at: entry.at,
            actor,
            action: action_label(&entry.action).to_owned(),
            details: text,
            hash: entry.hash,
        });
    }
    Ok(Some(CheckView {
        id: row.id.clone(),
        role,
        state: CheckState::parse(&row.state).ok_or(AppError::Internal)?,
        profile_name: row.profile_name.clone(),
        referential_version: row.referential_version,
        buyer_name,
        structure_name: structure.name,
        structure_slug: structure.slug,
        offer_title,
        requirements: serde_json::from_str(&row.requirements).map_err(internal)?,
        evaluation: serde_json::from_str(&row.evaluation).map_err(internal)?,
        decision: row.decision.as_deref().and_then(Decision::parse),
        decision_comment: row.decision_comment,
        decided_at: row.decided_at,
        opened_at: row.created_at,
        evidence,
        history,
    }))
}

/// A piece's file, for those who may see its check.
pub async fn evidence_file(
    state: &AppState,
    user: &SessionUser,
    evidence_id: &str,
) -> Result<Option<(String, String, Vec<u8>)>, AppError> {
    let Some((check_id, name, content_type, bytes)) =
        hqs_evidence::content(&state.db, evidence_id).await?
    else {
        return Ok(None);
    };
    let Some(row) = hqs_checks::find(&state.db, &check_id).await? else { return Ok(None) };
    if role_on(state, user, &row).await?.is_none() {
        return Ok(None);
    }
    Ok(Some((name, content_type, bytes)))
}

/// What a procurement officer may open a check of a published structure with: their buyers,
/// the profiles they may use, the structure's public offers. `None` for anyone else.
pub async fn opening(
    state: &AppState,
    user: &SessionUser,
    structure_id: &str,
) -> Result<Option<crate::domain::hqs::views::CheckOpening>, AppError> {
    let buyers = access::officer_of(state, user).await?;
    if buyers.is_empty() {
        return Ok(None);
    }
    let Some(structure) = structures::find(&state.db, structure_id).await? else { return Ok(None) };
    if structure.status != StructureStatus::Published.code() {
        return Ok(None);
    }
    let offers = offers::of_structure(&state.db, structure_id)
        .await?
        .into_iter()
        .filter(|o| o.status == OfferStatus::Published.code())
        .map(|o| (o.id, o.title))
        .collect();
    let profiles = profiles::page(state, user).await?.profiles;
    Ok(Some(crate::domain::hqs::views::CheckOpening { buyers, profiles, offers }))
}
