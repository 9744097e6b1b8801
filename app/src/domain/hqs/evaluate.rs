//! Evaluation of a profile against a supplier (and optionally one of its offers): a verdict
//! per criterion, an overall verdict and a score for weighted criteria. Pure and
//! deterministic: the same inputs give the same result on the server and in the browser.

use serde::{Deserialize, Serialize};

use super::{
    criteria::CriterionCode,
    facts::{Evidence, OfferFacts, SupplierFacts},
    profile::{Requirement, Requirements},
    rules::{Input, Verdict, judge},
};

/// The verdict of one criterion of a profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionResult {
    pub criterion: CriterionCode,
    pub requirement: Requirement,
    pub verdict: Verdict,
    /// One French sentence citing the legal basis and the facts used.
    pub explanation: String,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Overall {
    /// Every mandatory criterion met.
    Compliant,
    /// A mandatory criterion not met.
    NonCompliant,
    /// No mandatory criterion fails, but one needs a fact or evidence (missing or out of date).
    Incomplete,
    /// The supplier or offer is outside the profile's scope.
    OutOfScope,
}

impl Overall {
    pub fn label(self) -> &'static str {
        match self {
            Self::Compliant => "conforme",
            Self::NonCompliant => "non conforme",
            Self::Incomplete => "incomplet",
            Self::OutOfScope => "hors périmètre",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub results: Vec<CriterionResult>,
    pub overall: Overall,
    /// Share of the weighted criteria's weight that is met (0–100), when there are any.
    pub score: Option<u8>,
    /// Why the evaluation is out of scope, when it is.
    pub scope_note: Option<String>,
}

/// Evaluates `requirements` for `supplier` (and `offer`), with `evidence`, on `today`
/// (`AAAA-MM-JJ`).
pub fn evaluate(
    requirements: &Requirements,
    supplier: &SupplierFacts,
    offer: Option<&OfferFacts>,
    evidence: Evidence<'_>,
    today: &str,
) -> Evaluation {
    let input = Input { supplier, offer, evidence, today, explain: true };
    let results: Vec<CriterionResult> = requirements
        .items
        .iter()
        .map(|item| {
            let (verdict, explanation) = judge(item.criterion, &item.threshold, &input);
            CriterionResult {
                criterion: item.criterion,
                requirement: item.requirement,
                verdict,
                explanation,
            }
        })
        .collect();
    let (mut met, mut total) = (0_u32, 0_u32);
    for result in &results {
        if let Requirement::Weighted { weight } = result.requirement {
            total += u32::from(weight);
            if result.verdict == Verdict::Met {
                met += u32::from(weight);
            }
        }
    }
    let score = (total > 0).then(|| u8::try_from((met * 100 + total / 2) / total).unwrap_or(100));
    let mandatory = || results.iter().filter(|r| r.requirement == Requirement::Mandatory);
    let cpv = offer.map_or(&supplier.cpv, |o| &o.cpv);
    let scope_note = requirements.scope.excludes(cpv, supplier.commune_insee.as_deref());
    let overall = if scope_note.is_some() {
        Overall::OutOfScope
    } else if mandatory().any(|r| r.verdict == Verdict::NotMet) {
        Overall::NonCompliant
    } else if mandatory().any(|r| matches!(r.verdict, Verdict::Unknown | Verdict::Expired)) {
        Overall::Incomplete
    } else {
        Overall::Compliant
    };
    Evaluation { results, overall, score, scope_note }
}

/// Whether the declared facts satisfy `requirements` (the catalogue's filter): every
/// mandatory criterion met, evidence aside, and inside the scope. Stops at the first
/// failure: this runs for every structure and offer of the catalogue.
pub fn satisfies(
    requirements: &Requirements,
    supplier: &SupplierFacts,
    offer: Option<&OfferFacts>,
    today: &str,
) -> bool {
    let cpv = offer.map_or(&supplier.cpv, |o| &o.cpv);
    if requirements.scope.excludes(cpv, supplier.commune_insee.as_deref()).is_some() {
        return false;
    }
    let input = Input { supplier, offer, evidence: Evidence::Declared, today, explain: false };
    requirements
        .items
        .iter()
        .filter(|i| i.requirement == Requirement::Mandatory)
        .all(|i| judge(i.criterion, &i.threshold, &input).0 == Verdict::Met)
}
