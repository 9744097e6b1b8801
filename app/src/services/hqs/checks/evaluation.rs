//! A check's evaluation: its profile as it was when the check opened, the supplier's and the
//! offer's current facts, and the evidence on file.

use crate::{
    db::{
        hqs_checks::CheckRow,
        hqs_evidence::{self, EvidenceRow},
        offers, structures,
    },
    domain::{
        Code,
        calendar::iso_date,
        hqs::{
            Evaluation, EvidenceKind, EvidenceOnFile, OfferFacts, Requirements, Review,
            SupplierFacts, evaluate, facts::Evidence,
        },
    },
    error::AppError,
    services::hqs::facts,
    state::AppState,
};

use super::internal;

/// What a check is evaluated on besides its evidence: the profile as it was when the check
/// opened, the supplier's and the offer's current facts.
pub(super) struct Subject {
    requirements: Requirements,
    supplier: SupplierFacts,
    offer: Option<OfferFacts>,
}

impl Subject {
    pub(super) async fn of(state: &AppState, row: &CheckRow) -> Result<Self, AppError> {
        let requirements = serde_json::from_str(&row.requirements).map_err(internal)?;
        let structure =
            structures::find(&state.db, &row.structure_id).await?.ok_or(AppError::Internal)?;
        let supplier = facts::supplier_facts(&state.db, &structure).await?;
        let offer = match &row.offer_id {
            Some(id) => offers::find(&state.db, id).await?.map(|o| o.facts()),
            None => None,
        };
        Ok(Self { requirements, supplier, offer })
    }

    /// The evaluation with `evidence` on file, on `now`'s day.
    pub(super) fn evaluate(&self, evidence: Vec<EvidenceRow>, now: i64) -> Evaluation {
        let documents: Vec<EvidenceOnFile> = evidence
            .into_iter()
            .filter_map(|e| {
                Some(EvidenceOnFile {
                    kind: EvidenceKind::from_code(&e.kind)?,
                    valid_until: e.valid_until,
                    review: Review::from_code(&e.review)?,
                })
            })
            .collect();
        let today = iso_date(now);
        let offer = self.offer.as_ref();
        evaluate(&self.requirements, &self.supplier, offer, Evidence::OnFile(&documents), &today)
    }
}

/// The evaluation of `row` with the evidence `tx` sees (pieces added in the transaction
/// count).
pub(crate) async fn evaluation_in(
    state: &AppState,
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    row: &CheckRow,
) -> Result<Evaluation, AppError> {
    let subject = Subject::of(state, row).await?;
    let evidence = hqs_evidence::of_check(&mut **tx, &row.id).await?;
    Ok(subject.evaluate(evidence, state.clock.now_ms()))
}

/// The evaluation of a check now, with the evidence sent for it.
pub(crate) async fn evaluation_of(
    state: &AppState,
    row: &CheckRow,
) -> Result<Evaluation, AppError> {
    let subject = Subject::of(state, row).await?;
    let evidence = hqs_evidence::of_check(&state.db, &row.id).await?;
    Ok(subject.evaluate(evidence, state.clock.now_ms()))
}
