//! Haute Qualité Solidaire in the demo data (`server seed-demo`), made through the same
//! services as the pages, by the demo accounts, so that the audit trail, the mails and the
//! search documents are those of real use:
//! - buyers' profiles from the templates: the town's reserved contract and local purchase
//!   (shared with every buyer), the company's sheltered-work subcontracting;
//! - the town officer's checks at each stage: just opened, evidence asked for, decided;
//! - labels granted after the whole procedure (application, statutes sent, piece accepted
//!   and file prepared by one animator, decision by the other): an ESAT, an entreprise
//!   d'insertion and a régie de quartier, all three ESUS by law and in the Métropole, so the
//!   label profile's mandatory criteria hold on their declared facts;
//! - one file waiting for the pôle: the demo supplier's.
//!
//! Only on a database seed-demo filled, once (nothing when a profile exists).

use crate::{
    db::{demo_data, hqs_evidence, hqs_labels, hqs_profiles, structures, users},
    domain::{
        Outcome,
        accounts::Acting,
        directory::kind::parse_kinds,
        hqs::{
            ProfileDraft, RequirementForm, Template,
            check::{CheckStep, Decision},
        },
    },
    error::AppError,
    services::{accounts::acting_as, demo_accounts::SUPPLIER_EMAILS, label},
    state::AppState,
};

use super::{checks, profiles};

/// What was made.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Seeded {
    pub profiles: usize,
    pub checks: usize,
    pub labels_granted: usize,
    pub labels_waiting: usize,
}

/// A one-page PDF standing for a structure's statutes.
const STATUTES: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A step the demo expects to succeed: anything else is a bug of the demo, named.
fn done<T>(what: &str, outcome: Outcome<T>) -> Result<T, AppError> {
    match outcome {
        Outcome::Done(value) => Ok(value),
        Outcome::Refused(reason) => {
            tracing::error!(what, reason, "HQS demo step refused");
            Err(AppError::Internal)
        }
        Outcome::Invalid(errors) => {
            tracing::error!(what, ?errors, "HQS demo step invalid");
            Err(AppError::Internal)
        }
    }
}

async fn person(state: &AppState, email: &str) -> Result<Option<Acting>, AppError> {
    let Some(user) = users::find_by_email(&state.db, email).await? else { return Ok(None) };
    acting_as(state, &user.id).await
}

/// The first organisation `person` belongs to.
fn organisation(person: &Acting) -> Result<String, AppError> {
    let first = person.standings().first().ok_or(AppError::Internal)?;
    Ok(first.organisation_id.clone())
}

async fn profile(
    state: &AppState,
    by: &Acting,
    template: &str,
    name: &str,
    shared: bool,
) -> Result<String, AppError> {
    let template = Template::find(template).ok_or(AppError::Internal)?;
    let draft = ProfileDraft {
        name: name.to_owned(),
        description: template.description.to_owned(),
        shared,
        requirements: template.requirements(),
    };
    let form = RequirementForm::of(&draft);
    done("profile", profiles::create(state, by, &organisation(by)?, &form).await?)
}

pub async fn seed(state: &AppState) -> Result<Seeded, AppError> {
    let db = &state.db;
    if !demo_data::is_demo(db).await? || !hqs_profiles::active(db).await?.is_empty() {
        return Ok(Seeded::default());
    }
    let (Some(officer), Some(company), Some(preparer), Some(decider)) = (
        person(state, "acheteur@demo.ecossol.fr").await?,
        person(state, "entreprise@demo.ecossol.fr").await?,
        person(state, "animation@demo.ecossol.fr").await?,
        person(state, "instruction@demo.ecossol.fr").await?,
    ) else {
        return Ok(Seeded::default());
    };
    let mut seeded = Seeded::default();

    let reserved = profile(
        state,
        &officer,
        "reserve-insertion",
        "Espaces verts réservés aux SIAE (Ville de Fontaine)",
        false,
    )
    .await?;
    profile(state, &officer, "achat-local", "Achat local solidaire (Ville de Fontaine)", true)
        .await?;
    profile(
        state,
        &company,
        "reserve-handicap",
        "Sous-traitance au secteur adapté et protégé",
        false,
    )
    .await?;
    seeded.profiles = 3;

    seeded.checks = buyer_checks(state, &officer, &reserved).await?;

    let mut holders = Vec::new();
    for email in SUPPLIER_EMAILS {
        if let Some(holder) = person(state, email).await? {
            holders.push(holder);
        }
    }
    let Some((waiting, granted)) = holders.split_first() else { return Ok(seeded) };
    for holder in granted {
        grant(state, holder, &preparer, &decider).await?;
        seeded.labels_granted += 1;
    }
    let (file, _) = apply_and_send(state, waiting).await?;
    tracing::debug!(file, "demo label file waiting for the pôle");
    seeded.labels_waiting = 1;
    Ok(seeded)
}

/// The town officer checks three insertion structures against the reserved-contract profile:
/// one just opened, one waiting for its conventionnement, one decided.
async fn buyer_checks(
    state: &AppState,
    officer: &Acting,
    profile_id: &str,
) -> Result<usize, AppError> {
    let organisation_id = organisation(officer)?;
    let siae: Vec<String> = structures::published(&state.db, i64::MAX, 0)
        .await?
        .into_iter()
        .filter(|s| s.organisation_id.is_none())
        .filter(|s| parse_kinds(&s.kinds).is_ok_and(|k| k.iter().any(|k| k.is_siae())))
        .map(|s| s.id)
        .take(3)
        .collect();
    for (index, structure_id) in siae.iter().enumerate() {
        let check = done(
            "check",
            checks::open(state, officer, &organisation_id, profile_id, structure_id, None).await?,
        )?;
        let step = match index {
            0 => continue,
            1 => (
                CheckStep::RequestEvidence,
                "Merci de joindre votre conventionnement IAE en cours de validité.",
                None,
            ),
            _ => (
                CheckStep::Decide,
                "Conventionnement IAE et part de salariés en insertion vérifiés.",
                Some(Decision::Compliant),
            ),
        };
        let (step, text, decision) = step;
        done("check step", checks::take_step(state, officer, &check, step, text, decision).await?)?;
    }
    Ok(siae.len())
}

/// The holder's structure applies for the label and sends its statutes; returns the file and
/// its check.
async fn apply_and_send(state: &AppState, holder: &Acting) -> Result<(String, String), AppError> {
    let organisation_id = organisation(holder)?;
    let structure = structures::of_organisations(&state.db, &[organisation_id])
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::Internal)?;
    let file = done("apply", label::file::apply(state, holder, &structure.id).await?)?;
    let row = hqs_labels::find(&state.db, &file).await?.ok_or(AppError::Internal)?;
    let upload = checks::Upload {
        check_id: row.check_id.clone(),
        kind: "statuts".to_owned(),
        valid_until: String::new(),
        file_name: "statuts.pdf".to_owned(),
        bytes: STATUTES.to_vec(),
    };
    done("statutes", checks::upload(state, holder, upload).await?)?;
    done("submit", label::file::submit(state, holder, &file).await?)?;
    Ok((file, row.check_id))
}

/// The whole procedure: application, statutes, the piece accepted and the file prepared by
/// one animator, the label granted by the other.
async fn grant(
    state: &AppState,
    holder: &Acting,
    preparer: &Acting,
    decider: &Acting,
) -> Result<(), AppError> {
    let (file, check) = apply_and_send(state, holder).await?;
    for piece in hqs_evidence::of_check(&state.db, &check).await? {
        let accepted = checks::review(state, preparer, &check, &piece.id, true, "").await?;
        done("review", accepted)?;
    }
    let note = "Statuts et conventionnement vérifiés ; implantation dans la Métropole.";
    done("prepare", label::review::prepare(state, preparer, &file, "grant", note).await?)?;
    let reason = "Critères obligatoires du label remplis sur pièces.";
    let years = state.label_years;
    done("decide", label::review::decide(state, decider, &file, "grant", reason, years).await?)?;
    Ok(())
}
